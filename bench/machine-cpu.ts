import fs from 'node:fs';

/**
 * The whole machine's busy CPU time (every process: the database, the server, the client) from
 * Linux's /proc/stat, in milliseconds. A benchmark reads it before and after each side: the CPU
 * a side costs the machine moves far less with other work than its time does, and the two
 * sides' CPU per unit of work bound their ratio whatever the overlap. Null where there is no /proc.
 */
export function machineBusyMs(): number | null {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
    const [user, nice, system, , , irq, softirq, steal] = fields as [number, number, number, number, number, number, number, number];
    const ticks = user + nice + system + irq + softirq + steal;
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

// USER_HZ, 100 on every Linux architecture Node runs on.
const CLOCK_TICKS_PER_SECOND = 100;

/** Runs `work` and answers the machine's busy CPU milliseconds it took (null where unknown) beside its result. */
export async function withMachineCpu<T>(work: () => Promise<T>): Promise<{ result: T; busyMs: number | null }> {
  const before = machineBusyMs();
  const result = await work();
  const after = machineBusyMs();
  return { result, busyMs: before === null || after === null ? null : after - before };
}
