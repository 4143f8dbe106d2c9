import type { CeilingVisit } from './ceilings/sync-ceiling.js';
import { pool } from './load-process.js';

/** The sync benchmark's visits as a device sends them: each helps one resident to one milestone. */
export function visitItems(batch: readonly CeilingVisit[], skill: string) {
  return batch.map((v) => ({
    id: v.id, kind: 'visit', recordedAt: v.visitedAt,
    data: { householdId: v.householdId, visitedAt: v.visitedAt, peoplePresent: [v.residentId], help: [{ residentId: v.residentId, milestone: v.milestone }], skillsTaught: [skill], outcome: 'guided' },
  }));
}

/** POSTs one serialised batch to /api/sync; answers its milliseconds and per-item results. */
export async function pushBatch(url: string, headers: Record<string, string>, body: string) {
  const started = performance.now();
  const response = await fetch(`${url}/api/sync`, { method: 'POST', headers, body });
  const answer = (await response.json()) as { results?: { status: string; error?: unknown }[] };
  const ms = performance.now() - started;
  if (!response.ok || !answer.results) throw new Error(`sync failed: ${response.status} ${JSON.stringify(answer).slice(0, 300)}`);
  return { ms, results: answer.results };
}

/** Each batch serialised as a device sends it, before any clock starts. */
export function serialiseBatches(deviceId: string, skill: string, batches: readonly CeilingVisit[][]): string[] {
  return batches.map((batch) => JSON.stringify({ deviceId, items: visitItems(batch, skill) }));
}

export interface PushRun { seconds: number; latencies: number[]; replay: { ms: number; duplicates: number } }

/**
 * Sends every serialised batch through `concurrency` parallel clients, each taking the next batch
 * in turn (every visit must be applied); then the first batch again, whose every item must come
 * back a duplicate.
 */
export async function pushAll(url: string, headers: Record<string, string>, bodies: readonly string[], concurrency: number): Promise<PushRun> {
  const latencies: number[] = [];
  const started = performance.now();
  await pool(bodies.length, concurrency, async (i) => {
    const { ms, results } = await pushBatch(url, headers, bodies[i]!);
    if (results.some((r) => r.status !== 'applied')) throw new Error(`visit not applied: ${JSON.stringify(results.find((r) => r.status !== 'applied'))}`);
    latencies.push(ms);
  });
  const seconds = (performance.now() - started) / 1000;
  const replay = await pushBatch(url, headers, bodies[0]!);
  return { seconds, latencies, replay: { ms: replay.ms, duplicates: replay.results.filter((r) => r.status === 'duplicate').length } };
}
