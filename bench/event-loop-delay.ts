import { monitorEventLoopDelay } from 'node:perf_hooks';

/** How late a process's event loop ran, in ms: its 99th percentile and its worst. */
export interface LoopDelay { p99: number; max: number }

/**
 * Starts measuring this process's event-loop delay (sampled every 10 ms); the answered function
 * stops and reads it. A request waits at least this long while the loop is held, by a garbage
 * collection or by long synchronous work, in the server or in the load client that times it.
 */
export function watchEventLoop(): () => LoopDelay {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return () => {
    histogram.disable();
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    return { p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
  };
}
