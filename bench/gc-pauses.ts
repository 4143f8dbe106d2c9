import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

/** Collections of one kind over a measured part: how many, their pauses summed and the longest, in ms. */
export interface PauseTotals { count: number; ms: number; maxMs: number }

/**
 * The pauses of this process's garbage collections over a measured part: young-generation
 * scavenges (`minor`) and full mark-compacts with the rest (`major`). A pause holds every
 * request in the process, and a parallel scavenge lasts until its helper threads finish, which
 * on two shared cores wait for the database and the load client to leave them a core.
 */
export interface GcPauses { minor: PauseTotals; major: PauseTotals }

const empty = (): PauseTotals => ({ count: 0, ms: 0, maxMs: 0 });
const tenths = (ms: number) => Math.round(ms * 10) / 10;

/** Starts counting this process's collection pauses; the answered function stops and reads them. */
export function watchCollections(): () => GcPauses {
  const totals = { minor: empty(), major: empty() };
  const add = (entries: readonly PerformanceEntry[]) => {
    for (const entry of entries) {
      const kind = ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail)?.kind === constants.NODE_PERFORMANCE_GC_MINOR ? totals.minor : totals.major;
      kind.count += 1;
      kind.ms += entry.duration;
      kind.maxMs = Math.max(kind.maxMs, entry.duration);
    }
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return () => {
    // Entries are delivered after the collection, asynchronously: those still queued are taken here.
    add(observer.takeRecords());
    observer.disconnect();
    const round = (t: PauseTotals): PauseTotals => ({ count: t.count, ms: tenths(t.ms), maxMs: tenths(t.maxMs) });
    return { minor: round(totals.minor), major: round(totals.major) };
  };
}
