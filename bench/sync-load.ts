/**
 * The sync benchmark's load client, run in a process of its own so that its pre-serialised
 * batches (tens of megabytes for 100,000 visits), its HTTP client and its garbage collection
 * are not counted as the server's memory and CPU. Told what to do over IPC.
 *
 * 'prepare': serialises each batch of visits as a device would send it, before any clock starts.
 * 'run': sends every batch through `concurrency` parallel clients, each taking the next batch in
 * turn; then sends the first batch again (every item must come back a duplicate); answers the
 * seconds, the latencies and the replay.
 */
import type { CeilingVisit } from './ceilings/sync-ceiling.js';
import { pushBatch, visitItems } from './sync-push.js';

interface PrepareJob { kind: 'prepare'; url: string; headers: Record<string, string>; deviceId: string; skill: string; batches: CeilingVisit[][] }
interface RunJob { kind: 'run'; concurrency: number }
type Job = PrepareJob | RunJob;

let prepared: { url: string; headers: Record<string, string>; bodies: string[] } | undefined;

async function run(job: RunJob) {
  if (!prepared) throw new Error('nothing prepared');
  const { url, headers, bodies } = prepared;
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: job.concurrency }, async () => {
    while (next < bodies.length) {
      const { ms, results } = await pushBatch(url, headers, bodies[next++]!);
      if (results.some((r) => r.status !== 'applied')) throw new Error(`visit not applied: ${JSON.stringify(results.find((r) => r.status !== 'applied'))}`);
      latencies.push(ms);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const replay = await pushBatch(url, headers, bodies[0]!);
  return { seconds, latencies, replay: { ms: replay.ms, duplicates: replay.results.filter((r) => r.status === 'duplicate').length } };
}

process.on('message', (job: Job) => {
  const work = async () => {
    if (job.kind === 'run') return run(job);
    prepared = { url: job.url, headers: job.headers, bodies: job.batches.map((batch) => JSON.stringify({ deviceId: job.deviceId, items: visitItems(batch, job.skill) })) };
    return { batches: prepared.bodies.length };
  };
  work().then((result) => process.send!({ ok: true, result }), (error: unknown) => process.send!({ ok: false, error: String(error) }));
});
