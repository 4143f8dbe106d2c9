import { sql } from 'kysely';
import type { Database } from './database.js';
import { RecentEntries } from './recent-entries.js';

interface Kept<V> {
  snapshot: string;
  keptAt: number;
  value: V;
}

/** How long an answer may be kept: well under the trim's interval (`trimDataChanges`). */
export const KEPT_ANSWER_MAX_AGE_MS = 10 * 60_000;

/**
 * Answers kept until the data under them changes, per database. Each is kept with the snapshot
 * read just before it was made; it is given again while no transaction that wrote data has
 * committed since (the log of migration 20261206090000, one indexed read). The answer was made
 * after that snapshot, so it holds at least what the snapshot saw; a write committed in between
 * makes it be made once more, never kept past. Inside a transaction nothing is kept.
 *
 * The key must hold everything the answer depends on besides the data: who asks, the day, the
 * language. Least recently used answers go first once `capacity` is reached.
 */
export class KeptAnswers<V> {
  private readonly entries: RecentEntries<Kept<V>>;

  constructor(capacity = 32, private readonly now = () => Date.now()) {
    this.entries = new RecentEntries(capacity);
  }

  async get(db: Database, key: string, derive: () => Promise<V>): Promise<V> {
    if (db.isTransaction) return derive();
    const kept = this.entries.take(db, key);
    const fresh = kept && this.now() - kept.keptAt < KEPT_ANSWER_MAX_AGE_MS ? kept : undefined;
    const { snapshot, changed } = await readChanges(db, fresh?.snapshot ?? null);
    if (fresh && !changed) {
      this.entries.keep(db, key, fresh);
      return fresh.value;
    }
    const value = await derive();
    this.entries.keep(db, key, { snapshot, keptAt: this.now(), value });
    return value;
  }
}

/**
 * The key of an answer made for a signed-in viewer: who asks (their role and scope too, so a
 * change of either asks again), the language, and what `parts` name (unit, indicator, day…).
 */
export function answerKey(viewer: { id: string; role: string; scopeUnitCode: string | null } | null, lang: string, ...parts: unknown[]): string {
  return JSON.stringify([viewer?.id ?? null, viewer?.role ?? null, viewer?.scopeUnitCode ?? null, lang, ...parts]);
}

/** The snapshot now, and whether a transaction that wrote data has committed since `since`. */
async function readChanges(db: Database, since: string | null): Promise<{ snapshot: string; changed: boolean }> {
  const result = since === null
    ? await sql<{ snapshot: string; changed: boolean }>`select pg_current_snapshot()::text as snapshot, true as changed`.execute(db)
    : await sql<{ snapshot: string; changed: boolean }>`
        select pg_current_snapshot()::text as snapshot, exists (
          select 1 from data_changes
          where xid >= pg_snapshot_xmin(${since}::pg_snapshot) and not pg_visible_in_snapshot(xid, ${since}::pg_snapshot)
        ) as changed`.execute(db);
  return result.rows[0]!;
}

/**
 * Removes the log's rows of transactions that had ended when `before` was read (null: none).
 * Called on a schedule with the snapshot of the previous call, an interval longer than any
 * answer is kept: every kept answer was read after those transactions ended, so none needs them.
 * Answers the snapshot to give the next call.
 */
export async function trimDataChanges(db: Database, before: string | null): Promise<string> {
  if (before !== null) await sql`delete from data_changes where xid < pg_snapshot_xmin(${before}::pg_snapshot)`.execute(db);
  const result = await sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`.execute(db);
  return result.rows[0]!.snapshot;
}
