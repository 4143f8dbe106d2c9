import fs from 'node:fs';
import { startCpuProfile } from './ceilings/cpu-profile.js';
import { countQueries } from './ceilings/query-recorder.js';

/** What the server's process spent over a measured part of a benchmark. */
export interface ServerUsage {
  /** CPU time of the process (user and system), in milliseconds. */
  cpuMs: { user: number; system: number };
  /**
   * Resident memory when the part started, its peak sampled every 50 ms through it, and the
   * process's peak since it started (its start and, for the server, its migrations included), in MB.
   */
  rssMb: { before: number; peak: number; processPeak: number };
  /** Statements and transactions the server sent its database, and their bytes (text and parameters). */
  queries: { statements: number; transactions: number; bytes: number };
}

/** Measures the server over a part of a benchmark: `start()` before it, `stop()` after. */
export interface ServerMeter {
  start(cpuProfile?: string): Promise<void>;
  stop(): Promise<ServerUsage>;
}

/** A meter of this process: the server runs here (in the benchmark, or in `server-process.ts`). */
export function meterThisProcess(): ServerMeter {
  let running: (() => Promise<ServerUsage>) | undefined;
  return {
    async start(cpuProfile) {
      const stopProfile = await startCpuProfile(cpuProfile);
      // memoryUsage.rss() alone: the full memoryUsage() walks the heap's spaces.
      const before = process.memoryUsage.rss();
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
      const cpuBefore = process.cpuUsage();
      const counter = countQueries();
      running = async () => {
        const cpu = process.cpuUsage(cpuBefore);
        counter.stop();
        clearInterval(sampler);
        await stopProfile();
        const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
        return {
          cpuMs: { user: cpu.user / 1000, system: cpu.system / 1000 },
          rssMb: { before: mb(before), peak: mb(Math.max(peak, process.memoryUsage.rss())), processPeak: Math.round(process.resourceUsage().maxRSS / 1024) },
          queries: { statements: counter.statements, transactions: counter.transactions, bytes: counter.bytes },
        };
      };
    },
    async stop() {
      if (!running) throw new Error('the meter was not started');
      const usage = await running();
      running = undefined;
      return usage;
    },
  };
}

/**
 * The peak resident memory of another process since it started, in MB: Linux's `VmHWM` from
 * /proc; null where there is no /proc (the benchmarks that start `doorstep serve` report it).
 */
export function peakRssOfProcess(pid: number): number | null {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Math.round(Number(kb) / 1024);
  } catch {
    return null;
  }
}
