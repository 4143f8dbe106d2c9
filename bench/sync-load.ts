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
import { answerJobs } from './load-process.js';
import { pushAll, serialiseBatches } from './sync-push.js';

interface PrepareJob { kind: 'prepare'; url: string; headers: Record<string, string>; deviceId: string; skill: string; batches: CeilingVisit[][] }
interface RunJob { kind: 'run'; concurrency: number }
type Job = PrepareJob | RunJob;

let prepared: { url: string; headers: Record<string, string>; bodies: Buffer[] } | undefined;

answerJobs<Job>(async (job) => {
  if (job.kind === 'prepare') {
    prepared = { url: job.url, headers: job.headers, bodies: serialiseBatches(job.deviceId, job.skill, job.batches) };
    return { batches: prepared.bodies.length };
  }
  if (!prepared) throw new Error('nothing prepared');
  return pushAll(prepared.url, prepared.headers, prepared.bodies, job.concurrency);
});
