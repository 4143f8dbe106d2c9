import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * Starts V8's CPU profiler in this process when `file` is named (BENCH_CPU_PROFILE); the answered
 * function stops it and writes the profile there (open it in Chrome's DevTools, or summarise it by
 * function). Run in the server's process, the profile holds the server's work of just the measured
 * part. A name ending in `.heapprofile` takes V8's sampling heap profile instead (what was
 * allocated where, every 32 KB, collected objects kept): what makes the collections' work.
 */
export async function startCpuProfile(file: string | undefined): Promise<() => Promise<void>> {
  if (!file) return async () => {};
  const session = new Session();
  session.connect();
  const stop = file.endsWith('.heapprofile') ? await sampleHeap(session) : await profileCpu(session);
  return async () => {
    fs.writeFileSync(file, JSON.stringify(await stop()));
    session.disconnect();
  };
}

async function profileCpu(session: Session): Promise<() => Promise<unknown>> {
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => (await session.post('Profiler.stop')).profile;
}

async function sampleHeap(session: Session): Promise<() => Promise<unknown>> {
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', { samplingInterval: 32_768, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  return async () => (await session.post('HeapProfiler.stopSampling')).profile;
}

/**
 * The profile file of one part of a benchmark beside `file` (BENCH_CPU_PROFILE): `-<part>` before
 * its ending, which stays what it was (a CPU or a heap profile), `.cpuprofile` when it had none.
 */
export function profileOfPart(file: string | undefined, part: string): string | undefined {
  return file?.replace(/(\.cpuprofile|\.heapprofile)?$/, (ending) => `-${part}${ending || '.cpuprofile'}`);
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
