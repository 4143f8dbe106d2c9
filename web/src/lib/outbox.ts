import { v7 as uuidv7 } from 'uuid';
import { db, type OutboxItem, type SyncKind, type VisitLogEntry } from './db';
import { vietnamDay, vietnamIso } from './time';

/** Fired on window after a local write, so the sync engine can send it while the network is there. */
export const OUTBOX_CHANGED = 'doorstep:outbox-changed';

export function newId(): string {
  return uuidv7();
}

interface Author {
  userId: string;
  villageCode: string;
}

function item(kind: SyncKind, id: string, data: Record<string, unknown>, author: Author, now: Date): OutboxItem {
  return { id, kind, data, recordedAt: vietnamIso(now), userId: author.userId, villageCode: author.villageCode, state: 'pending', attempts: 0 };
}

function announce(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(OUTBOX_CHANGED));
}

export interface NewHousehold {
  label: string;
  address?: string;
  headName?: string;
  note?: string;
}

/** Writes a new household to the outbox; it shows in the village at once, merged from there. */
export async function addHousehold(input: NewHousehold, author: Author, now = new Date()): Promise<string> {
  const id = newId();
  await db.outbox.add(item('household', id, { id, villageCode: author.villageCode, ...input }, author, now));
  announce();
  return id;
}

/** A correction or mark (gone, back) of a household the device has, with the revision it saw. */
export async function editHousehold(
  householdId: string, input: NewHousehold & { status?: 'active' | 'gone' }, baseRevision: number | null | undefined, author: Author, now = new Date(),
): Promise<string> {
  const id = newId();
  const data: Record<string, unknown> = { id: householdId, villageCode: author.villageCode, ...input };
  if (typeof baseRevision === 'number') data.baseRevision = baseRevision;
  for (const key of Object.keys(data)) if (data[key] === undefined || data[key] === null) delete data[key];
  await db.outbox.add(item('household', id, data, author, now));
  announce();
  return id;
}

export interface NewResident {
  householdId: string;
  fullName: string;
  birthYear?: number;
  sex?: 'male' | 'female' | 'other';
  groups: string[];
  /** 12 digits; sent once to the server, which keeps only a keyed hash and the last 4. */
  nationalId?: string;
}

export async function addResident(input: NewResident, author: Author, now = new Date()): Promise<string> {
  const id = newId();
  await db.outbox.add(item('resident', id, { id, ...input }, author, now));
  announce();
  return id;
}

/**
 * A correction of a resident the device has: the whole record as it should be, with the
 * revision the device last saw, so the server can tell a stale edit (a conflict) from a clean one.
 */
export async function editResident(
  residentId: string, input: NewResident & { status?: 'active' | 'moved_away' | 'deceased'; sameAs?: string }, baseRevision: number | null | undefined,
  author: Author, now = new Date(),
): Promise<string> {
  const id = newId();
  const data: Record<string, unknown> = { id: residentId, ...input };
  if (typeof baseRevision === 'number') data.baseRevision = baseRevision;
  for (const key of Object.keys(data)) if (data[key] === undefined) delete data[key];
  await db.outbox.add(item('resident', id, data, author, now));
  announce();
  return id;
}

export interface NewVisit {
  householdId: string;
  peoplePresent: string[];
  help: { residentId: string; milestone: string; skills?: string[] }[];
  skillsTaught: string[];
  outcome: 'guided' | 'not_home' | 'refused' | 'follow_up';
  notes?: string;
}

/** A visit goes to the outbox and to the device's own visit log, which feeds today's tally. */
export async function recordVisit(input: NewVisit, author: Author, now = new Date()): Promise<string> {
  const id = newId();
  const data = { ...input, visitedAt: vietnamIso(now) };
  if (!data.notes) delete data.notes;
  const log: VisitLogEntry = {
    id,
    userId: author.userId,
    householdId: input.householdId,
    day: vietnamDay(now),
    peoplePresent: input.peoplePresent.length,
    peopleHelped: new Set(input.help.map((h) => h.residentId)).size,
    services: input.help.length,
    state: 'waiting',
  };
  await db.transaction('rw', [db.outbox, db.visitLog], async () => {
    await db.outbox.add(item('visit', id, data, author, now));
    await db.visitLog.add(log);
  });
  announce();
  return id;
}

/** Sends a rejected item again (after the worker fixed what was wrong elsewhere, e.g. a household). */
export async function retryItem(id: string): Promise<void> {
  await db.outbox.update(id, { state: 'pending', error: undefined, attempts: 0 });
  announce();
}

/** Gives up a rejected item: it leaves the device for good. */
export async function discardItem(id: string): Promise<void> {
  await db.transaction('rw', [db.outbox, db.visitLog], async () => {
    await db.outbox.delete(id);
    await db.visitLog.delete(id);
  });
}

export type DifficultyCategory = 'weak_network' | 'no_devices' | 'no_trainers' | 'no_materials' | 'other';

/** A difficulty the team raises, with a photo (a downscaled data URL) or without; sent with the next sync. */
export async function raiseDifficulty(
  input: { category: DifficultyCategory; description: string; photo?: string }, author: Author, now = new Date(),
): Promise<string> {
  const id = newId();
  const data: Record<string, unknown> = { unitCode: author.villageCode, category: input.category, description: input.description };
  if (input.photo) data.photo = input.photo;
  await db.outbox.add(item('difficulty', id, data, author, now));
  announce();
  return id;
}
