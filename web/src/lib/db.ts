import { Dexie, type Table } from 'dexie';

/** A household as the server last sent it (pull), or as the device wrote it once acknowledged. */
export interface CachedHousehold {
  id: string;
  villageCode: string;
  label: string;
  address?: string | null;
  headName?: string | null;
  note?: string | null;
  status?: 'active' | 'gone';
  revision?: number | null;
  updatedAt?: string | null;
  /** Who made the last change (display name), as the server last said. */
  updatedBy?: string | null;
}

export type Sex = 'male' | 'female' | 'other';

export interface CachedResident {
  id: string;
  householdId: string;
  fullName: string;
  birthYear?: number | null;
  sex?: Sex | null;
  groups: string[];
  ethnicity?: string | null;
  language?: string | null;
  /** Only the last 4 digits ever come back from the server; the full number is never kept here. */
  nationalIdLast4?: string | null;
  milestones: string[];
  status?: ResidentStatus;
  /** The record kept, when this one was marked the same person. */
  mergedInto?: string | null;
  revision?: number | null;
  updatedAt?: string | null;
  updatedBy?: string | null;
}

export type ResidentStatus = 'active' | 'moved_away' | 'deceased' | 'merged';

/** Where a visited household stands, as the server last said or this device recorded. */
export interface HouseholdVisitState {
  householdId: string;
  /** Absent on copies pulled before coverage meant guided; such a household counts as to come back to until the next pull. */
  status?: 'covered' | 'come_back';
  lastTriedAt?: string | null;
  lastOutcome?: string | null;
}

export type SyncKind = 'household' | 'resident' | 'visit' | 'milestone' | 'difficulty' | 'check_in';

export interface ServerError {
  code: string;
  message: string;
  field?: string;
}

/**
 * One write waiting for the server. `id` is a client-made UUIDv7: time-ordered, so sending in id
 * order keeps a household ahead of the residents and visits that point at it, and a resend of
 * the same id is answered `duplicate` by the server.
 */
export interface OutboxItem {
  id: string;
  kind: SyncKind;
  data: Record<string, unknown>;
  recordedAt: string;
  /** Whose session may send it: another user on the same phone must not send it as theirs. */
  userId: string;
  villageCode: string;
  /** pending: to send; rejected: the server refused it, kept with its error until the worker acts. */
  state: 'pending' | 'rejected';
  error?: ServerError;
  attempts: number;
}

/** A visit made on this device, kept for today's tally after it has left the outbox. */
export interface VisitLogEntry {
  id: string;
  userId: string;
  householdId: string;
  day: string;
  peoplePresent: number;
  peopleHelped: number;
  services: number;
  state: 'waiting' | 'synced' | 'rejected';
}

/** What the server answered that the worker should see: conflicts, kept after the item leaves the outbox. */
export interface SyncNotice {
  id: string;
  kind: SyncKind;
  status: 'conflict';
  message: string;
  at: string;
}

export interface KeyValue {
  key: string;
  value: unknown;
}

/** The field app's IndexedDB: it is the app's source of truth while there is no network. */
export class FieldDatabase extends Dexie {
  kv!: Table<KeyValue, string>;
  households!: Table<CachedHousehold, string>;
  residents!: Table<CachedResident, string>;
  /** The visited households of the village with their coverage; a household not here was never visited. */
  visited!: Table<HouseholdVisitState, string>;
  outbox!: Table<OutboxItem, string>;
  visitLog!: Table<VisitLogEntry, string>;
  notices!: Table<SyncNotice, string>;

  constructor(name = 'doorstep-field') {
    super(name);
    this.version(1).stores({
      kv: '&key',
      households: '&id, villageCode',
      residents: '&id, householdId',
      visited: '&householdId',
      outbox: '&id, state, userId',
      visitLog: '&id, day',
      notices: '&id, at',
    });
    // Coverage came to mean "someone was guided": the copy is pulled again from the start to
    // learn each visited household's state and its last try.
    this.version(2).stores({}).upgrade((tx) => tx.table('kv').where('key').startsWith('pull:').delete());
  }
}

export const db = new FieldDatabase();

export async function readValue<T>(key: string): Promise<T | undefined> {
  return (await db.kv.get(key))?.value as T | undefined;
}

export async function writeValue(key: string, value: unknown): Promise<void> {
  await db.kv.put({ key, value });
}
