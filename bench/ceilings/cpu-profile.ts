import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * Starts V8's CPU profiler in this process when `file` is named (BENCH_CPU_PROFILE); the answered
 * function stops it and writes the profile there (open it in Chrome's DevTools, or summarise it by
 * function). Run in the server's process, the profile holds the server's work of just the measured
 * part.
 */
export async function startCpuProfile(file: string | undefined): Promise<() => Promise<void>> {
  if (!file) return async () => {};
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

/** Runs `work` under the CPU profiler when `file` is named (see `startCpuProfile`). */
export async function withCpuProfile<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  const stop = await startCpuProfile(file);
  try {
    return await work();
  } finally {
    await stop();
  }
}
