import { ApiError } from '../../../lib/api';
import { db, type OutboxItem } from '../../../lib/db';
import { afterTry } from '../../../lib/village-view';
import { pushItems, type SyncResult } from './sync-api';

/** The contract's largest batch. */
export const BATCH_SIZE = 500;

interface PushContext {
  deviceId: string;
  userId: string;
  csrfToken: string;
  language: string;
}

/**
 * Sends the user's pending items in id order, in batches of at most 500, until none are left.
 * An item leaves the outbox only when the server answered for it; a dropped connection leaves
 * everything in place for the next try, and the server answers `duplicate` for what it had.
 */
export async function pushOutbox(context: PushContext): Promise<number> {
  let sent = 0;
  // Items the server held back (RATE_LIMITED) stay pending but wait for the next sync.
  const heldBack = new Set<string>();
  for (;;) {
    const items = await db.outbox.where('userId').equals(context.userId)
      .filter((item) => item.state === 'pending' && !heldBack.has(item.id)).sortBy('id');
    const batch = takeBatch(items);
    if (batch.length === 0) return sent;
    await sendBatch(batch, context, heldBack);
    sent += batch.length;
  }
}

// Photos of difficulties are the only large items; the server takes 5 MB a batch.
const PHOTO_BUDGET = 3_500_000;

/** Up to 500 items, fewer when photos would make the request too large (always at least one). */
export function takeBatch(items: readonly OutboxItem[]): OutboxItem[] {
  let photoBytes = 0;
  const batch: OutboxItem[] = [];
  for (const item of items.slice(0, BATCH_SIZE)) {
    const photo = typeof item.data.photo === 'string' ? item.data.photo.length : 0;
    if (batch.length > 0 && photoBytes + photo > PHOTO_BUDGET) break;
    photoBytes += photo;
    batch.push(item);
  }
  return batch;
}

/**
 * A 400 means the batch itself was refused and nothing was written. Halving finds the one bad
 * item instead of blocking every good one behind it forever; the bad one is marked rejected.
 */
async function sendBatch(batch: OutboxItem[], context: PushContext, heldBack: Set<string>): Promise<void> {
  try {
    const answer = await pushItems(
      context.deviceId,
      batch.map(({ id, kind, data, recordedAt }) => ({ id, kind, data, recordedAt })),
      context,
    );
    await applyResults(batch, answer.results, heldBack);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 400) throw error;
    if (batch.length === 1) {
      await applyResults(batch, [{ id: batch[0]!.id, status: 'rejected', error: { code: error.code, message: error.message, field: error.field } }], heldBack);
      return;
    }
    const half = Math.ceil(batch.length / 2);
    await sendBatch(batch.slice(0, half), context, heldBack);
    await sendBatch(batch.slice(half), context, heldBack);
  }
}

async function applyResults(batch: OutboxItem[], results: SyncResult[], heldBack: Set<string>): Promise<void> {
  const byId = new Map(batch.map((item) => [item.id, item]));
  await db.transaction('rw', [db.outbox, db.visitLog, db.notices, db.households, db.residents, db.visited], async () => {
    for (const result of results) {
      const item = byId.get(result.id);
      if (!item) continue;
      if (result.status === 'rejected' && result.error?.code === 'RATE_LIMITED') {
        // Held back for now, not refused: it stays in the outbox and goes with a later sync.
        await db.outbox.update(item.id, { attempts: item.attempts + 1 });
        heldBack.add(item.id);
        continue;
      }
      if (result.status === 'rejected') {
        await db.outbox.update(item.id, { state: 'rejected', error: result.error, attempts: item.attempts + 1 });
        if (item.kind === 'visit') await db.visitLog.update(item.id, { state: 'rejected' });
        continue;
      }
      await db.outbox.delete(item.id);
      if (item.kind === 'visit') await db.visitLog.update(item.id, { state: 'synced' });
      if (result.status === 'conflict') {
        // Someone else's later write won; the next pull brings it. The worker is told why theirs lost.
        await db.notices.put({ id: item.id, kind: item.kind, status: 'conflict', message: result.error?.message ?? '', at: new Date().toISOString() });
      } else {
        await copyToCache(item);
      }
    }
  });
}

/** Keeps an acknowledged write visible until the next pull brings the server's own record. */
async function copyToCache(item: OutboxItem): Promise<void> {
  const data = item.data;
  const addMilestone = async (residentId: string, kind: string) => {
    const resident = await db.residents.get(residentId);
    if (resident && !resident.milestones.includes(kind)) await db.residents.put({ ...resident, milestones: [...resident.milestones, kind] });
  };
  if (item.kind === 'household') {
    const before = await db.households.get(String(data.id));
    await db.households.put({ ...before, ...(data as { id: string; villageCode: string; label: string }) });
  } else if (item.kind === 'resident') {
    const { nationalId, ...rest } = data as { id: string; householdId: string; fullName: string; groups: string[]; nationalId?: string };
    const before = await db.residents.get(rest.id);
    await db.residents.put({ ...before, ...rest, nationalIdLast4: nationalId ? nationalId.slice(-4) : before?.nationalIdLast4, milestones: before?.milestones ?? [] });
  } else if (item.kind === 'visit') {
    const householdId = String(data.householdId);
    await db.visited.put(afterTry(await db.visited.get(householdId), householdId, String(data.visitedAt ?? ''), String(data.outcome ?? '')));
    for (const help of (data.help as { residentId: string; milestone: string }[]) ?? []) await addMilestone(help.residentId, help.milestone);
  } else if (item.kind === 'milestone') {
    await addMilestone(String(data.residentId), String(data.kind));
  }
}
