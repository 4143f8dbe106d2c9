import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * Runs `work` under V8's CPU profiler when `file` is named (BENCH_CPU_PROFILE), and writes the
 * profile there (open it in Chrome's DevTools, or summarise it by function). The server runs in
 * the benchmark's process, so the profile holds the server's work of just the measured part.
 */
export async function withCpuProfile<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
