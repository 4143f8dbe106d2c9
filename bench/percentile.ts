/** The value at percentile `p` (0–100) of sorted values, nearest rank; NaN for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** How many, the p50, p95 and p99 and the largest of some times, in ms to a tenth. */
export function spreadInTenths(times: readonly number[]): { count: number; p50: number; p95: number; p99: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const tenths = (p: number) => Math.round(percentile(sorted, p) * 10) / 10;
  return { count: sorted.length, p50: tenths(50), p95: tenths(95), p99: tenths(99), max: tenths(100) };
}

/**
 * Timings `[at, ms]` (`at` in ms from a run's start) grouped by the second they began in, in
 * order of the seconds: where in a run the slow ones fall.
 */
export function bySecond(timeline: readonly (readonly [number, number])[]): [second: number, times: number[]][] {
  const seconds = new Map<number, number[]>();
  for (const [at, ms] of timeline) {
    const second = Math.floor(at / 1000);
    const times = seconds.get(second);
    if (times) times.push(ms);
    else seconds.set(second, [ms]);
  }
  return [...seconds].sort(([a], [b]) => a - b);
}
