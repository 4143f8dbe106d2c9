import type { CeilingVisit } from './ceilings/sync-ceiling.js';

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
