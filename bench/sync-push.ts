import type { CeilingVisit } from './ceilings/sync-ceiling.js';
import { BROWSER_ENCODINGS, httpClient, jsonOf, type HttpClient } from './http-client.js';
import { pool } from './load-process.js';

/** The sync benchmark's visits as a device sends them: each helps one resident to one milestone. */
export function visitItems(batch: readonly CeilingVisit[], skill: string) {
  return batch.map((v) => ({
    id: v.id, kind: 'visit', recordedAt: v.visitedAt,
    data: { householdId: v.householdId, visitedAt: v.visitedAt, peoplePresent: [v.residentId], help: [{ residentId: v.residentId, milestone: v.milestone }], skillsTaught: [skill], outcome: 'guided' },
  }));
}

/**
 * POSTs one serialised batch to /api/sync, asking for a compressed answer as a phone's browser does
 * (the server compresses the 500 results, about 30 KB, as it would for a device); answers its
 * milliseconds and per-item results.
 */
export async function pushBatch(client: HttpClient, url: string, headers: Record<string, string>, body: string | Buffer) {
  const started = performance.now();
  const reply = await client.send(`${url}/api/sync`, { method: 'POST', headers: { ...headers, 'accept-encoding': BROWSER_ENCODINGS }, body });
  const answer = jsonOf<{ results?: { status: string; error?: unknown }[] }>(reply);
  const ms = performance.now() - started;
  if (reply.status !== 200 || !answer.results) throw new Error(`sync failed: ${reply.status} ${JSON.stringify(answer).slice(0, 300)}`);
  return { ms, results: answer.results };
}

/**
 * Each batch serialised as a device sends it, before any clock starts, as the bytes that travel:
 * the client then sends them as they are (`http-client.ts`), where fetch spent 15 ms of CPU per
 * 1,000 visits on the machine the server shares.
 */
export function serialiseBatches(deviceId: string, skill: string, batches: readonly CeilingVisit[][]): Buffer[] {
  return batches.map((batch) => Buffer.from(JSON.stringify({ deviceId, items: visitItems(batch, skill) })));
}

export interface PushRun { seconds: number; latencies: number[]; replay: { ms: number; duplicates: number }; cpuMs: number }

/**
 * Sends every serialised batch through `concurrency` parallel clients, each taking the next batch
 * in turn (every visit must be applied); then the first batch again, whose every item must come
 * back a duplicate.
 */
export async function pushAll(url: string, headers: Record<string, string>, bodies: readonly Buffer[], concurrency: number): Promise<PushRun> {
  const client = httpClient(concurrency);
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await pool(bodies.length, concurrency, async (i) => {
    const { ms, results } = await pushBatch(client, url, headers, bodies[i]!);
    if (results.some((r) => r.status !== 'applied')) throw new Error(`visit not applied: ${JSON.stringify(results.find((r) => r.status !== 'applied'))}`);
    latencies.push(ms);
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const replay = await pushBatch(client, url, headers, bodies[0]!).finally(() => client.close());
  return { seconds, latencies, replay: { ms: replay.ms, duplicates: replay.results.filter((r) => r.status === 'duplicate').length }, cpuMs: (cpu.user + cpu.system) / 1000 };
}
