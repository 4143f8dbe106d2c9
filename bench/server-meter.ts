import fs from 'node:fs';
import type http from 'node:http';
import { startCpuProfile } from './ceilings/cpu-profile.js';
import { countQueries, type StatementTime } from './ceilings/query-recorder.js';
import { watchEventLoop, type LoopDelay } from './event-loop-delay.js';
import { watchCollections, type GcPauses } from './gc-pauses.js';
import { timeRequests, type RequestTimes } from './request-times.js';

/** What the server's process spent over a measured part of a benchmark. */
export interface ServerUsage {
  /** CPU time of the process (user and system), in milliseconds. */
  cpuMs: { user: number; system: number };
  /**
   * Resident memory when the part started, its peak sampled every 50 ms through it, and the
   * process's peak since it started (its start and, for the server, its migrations included), in MB.
   */
  rssMb: { before: number; peak: number; processPeak: number };
  /**
   * Statements and transactions the server sent its database, their bytes (text and parameters),
   * and each statement's time from sending to answer, by name (`statementName`).
   */
  queries: { statements: number; transactions: number; bytes: number; times: Record<string, StatementTime> };
  /**
   * How late the process's event loop ran through the part (sampled every 10 ms): a request
   * waits at least this long when the loop is held, by a collection or by long synchronous work.
   */
  eventLoopDelayMs: LoopDelay;
  /** The process's garbage-collection pauses through the part, scavenges and full collections apart. */
  gcPauses: GcPauses;
  /** The server's own time per route (`request-times.ts`); empty when the meter was given no server. */
  requestMs: Record<string, RequestTimes>;
}


/** Measures the server over a part of a benchmark: `start()` before it, `stop()` after. */
export interface ServerMeter {
  start(cpuProfile?: string): Promise<void>;
  stop(): Promise<ServerUsage>;
}

/**
 * A meter of this process: the server runs here (in the benchmark, or in `server-process.ts`).
 * `server` (the HTTP server, when the meter has it) has its requests timed as well.
 */
export function meterThisProcess(server?: () => http.Server | undefined): ServerMeter {
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
      const loop = watchEventLoop();
      const collections = watchCollections();
      const listening = server?.();
      const requests = listening ? timeRequests(listening) : () => ({});
      running = async () => {
        const cpu = process.cpuUsage(cpuBefore);
        const eventLoopDelayMs = loop();
        const gcPauses = collections();
        const requestMs = requests();
        counter.stop();
        clearInterval(sampler);
        await stopProfile();
        const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
        return {
          cpuMs: { user: cpu.user / 1000, system: cpu.system / 1000 },
          rssMb: { before: mb(before), peak: mb(Math.max(peak, process.memoryUsage.rss())), processPeak: Math.round(process.resourceUsage().maxRSS / 1024) },
          queries: { statements: counter.statements, transactions: counter.transactions, bytes: counter.bytes, times: Object.fromEntries(counter.times) },
          eventLoopDelayMs,
          gcPauses,
          requestMs,
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
