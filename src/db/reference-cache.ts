import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'kysely';
import type { Database } from './database.js';
import { RecentEntries } from './recent-entries.js';

/** The kinds of reference data whose writes move a stamp (migration 20261128175100). */
export type ReferenceKind = 'units' | 'statistics' | 'teams' | 'reported';

interface Entry<V> {
  stamp: string;
  value: Promise<V>;
}

/**
 * What a server derives from reference data that changes seldom — a subtree on a day, its
 * denominators, who is on which team — kept per database until a write to that data moves its
 * stamp. Checking costs one indexed read, where deriving again costs tens of milliseconds on
 * every dashboard request. Inside a transaction nothing is cached: it may see its own
 * uncommitted writes. Least recently used entries go first once `capacity` is reached.
 *
 * The stamp is read before the data, so an entry is never older than its stamp says: at worst
 * it is newer, and is derived once more on the next call.
 */
export class ReferenceCache<V> {
  private readonly entries: RecentEntries<Entry<V>>;

  constructor(private readonly kinds: readonly ReferenceKind[], capacity = 64) {
    this.entries = new RecentEntries(capacity);
  }

  async get(db: Database, key: string, derive: () => Promise<V>): Promise<V> {
    if (db.isTransaction) return derive();
    const stamps = await stampsOf(db);
    const stamp = this.kinds.map((kind) => stamps.get(kind) ?? '').join(':');
    const hit = this.entries.take(db, key);
    if (hit && hit.stamp === stamp) {
      this.entries.keep(db, key, hit);
      return hit.value;
    }
    const entry: Entry<V> = { stamp, value: derive() };
    this.entries.keep(db, key, entry);
    // A failure is not kept: the next call derives again.
    entry.value.catch(() => this.entries.forget(db, key, entry));
    return entry.value;
  }
}

const snapshots = new AsyncLocalStorage<{ db: Database; stamps?: Promise<Map<string, string>> }>();

/** Every kind's stamp as it was read with something else (see referenceStampsColumn). */
export type ReferenceStamps = Readonly<Record<string, string>>;

/**
 * Runs `work` with one reading of the stamps for all its cached reads on `db`: a dashboard
 * request derives figures from several kinds of reference data on two days, and one consistent
 * reading costs one query instead of one per cached read. Nested calls share the outer reading.
 * `stamps`, when given, is that reading, made by an earlier statement of the same request (the
 * session's look-up, referenceStampsColumn): then the work reads none at all. Only for reads:
 * a request that writes reference data must see its own stamp move.
 */
export function withReferenceSnapshot<T>(db: Database, work: () => Promise<T>, stamps?: ReferenceStamps | null): Promise<T> {
  if (db.isTransaction || snapshots.getStore()?.db === db) return work();
  return snapshots.run({ db, ...(stamps ? { stamps: Promise.resolve(new Map(Object.entries(stamps))) } : {}) }, work);
}

/**
 * The stamps as one JSON column of another statement, so a request that reads one row anyway
 * (its session) reads them in the same round trip.
 */
export const referenceStampsColumn = sql<ReferenceStamps>`(select coalesce(json_object_agg(name, version::text), '{}'::json) from reference_stamps)`;

function stampsOf(db: Database): Promise<Map<string, string>> {
  const snapshot = snapshots.getStore();
  if (snapshot?.db !== db) return readStamps(db);
  snapshot.stamps ??= readStamps(db);
  return snapshot.stamps;
}

/** Every kind's version in one string: what changes whenever any reference data does. */
export async function referenceVersions(db: Database): Promise<string> {
  return [...(await readStamps(db))].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, version]) => `${name}:${version}`).join(',');
}

async function readStamps(db: Database): Promise<Map<string, string>> {
  const result = await sql<{ name: string; version: string }>`select name, version::text as version from reference_stamps`.execute(db);
  return new Map(result.rows.map((row) => [row.name, row.version]));
}
