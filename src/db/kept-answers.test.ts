import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNWATCHED } from '../../migrations/20261206090000_add_data_changes.js';
import { openTestDatabase } from '../testing/test-database.js';
import type { Database, DatabaseHandle } from './database.js';
import { KEPT_ANSWER_MAX_AGE_MS, KeptAnswers, trimDataChanges } from './kept-answers.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** An answer that counts how often it was made, and tells the kinds of milestones as it made them. */
function counted() {
  let made = 0;
  const deriveOn = (db: Database) => async () => {
    made += 1;
    const rows = await sql<{ code: string }>`select code from milestone_kinds order by code`.execute(db);
    return rows.rows.map((row) => row.code);
  };
  return { derive: deriveOn(database.db), deriveOn, made: () => made };
}

const addKind = (code: string) => sql`
  insert into milestone_kinds (code, name_vi, name_en, sort) values (${code}, ${code}, ${code}, 99)`;

describe('answers kept until the data under them changes', () => {
  it('watches every table that holds data: a table added later without its trigger fails here', async () => {
    const tables = await sql<{ name: string; watched: boolean }>`
      select c.relname as name, exists (
        select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = c.relname || '_change'
      ) as watched
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p')`.execute(database.db);
    const unwatched = new Set<string>(UNWATCHED);
    const missing = tables.rows.filter((t) => !t.watched && !unwatched.has(t.name)).map((t) => t.name);
    expect(missing).toEqual([]);
    expect(tables.rows.filter((t) => t.watched).length).toBeGreaterThan(50);
    expect(tables.rows.some((t) => t.name === 'rollup_area_totals' && t.watched)).toBe(true);
  });

  it('gives the kept answer while nothing is written, and makes it again once a write commits', async () => {
    const kept = new KeptAnswers<string[]>();
    const answer = counted();
    const first = await kept.get(database.db, 'kinds', answer.derive);
    expect(await kept.get(database.db, 'kinds', answer.derive)).toBe(first);
    expect(answer.made()).toBe(1);

    await addKind('kept_test_a').execute(database.db);
    const again = await kept.get(database.db, 'kinds', answer.derive);
    expect(answer.made()).toBe(2);
    expect(again).toContain('kept_test_a');
    expect(await kept.get(database.db, 'kinds', answer.derive)).toBe(again);
    expect(answer.made()).toBe(2);
  });

  it('keeps the answer through a write that rolls back, and gives nothing kept inside a transaction', async () => {
    const kept = new KeptAnswers<string[]>();
    const answer = counted();
    await kept.get(database.db, 'kinds', answer.derive);
    await expect(database.db.transaction().execute(async (trx) => {
      await addKind('kept_test_rolled_back').execute(trx);
      expect(await kept.get(trx, 'kinds', answer.deriveOn(trx))).toContain('kept_test_rolled_back');
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect(answer.made()).toBe(2);
    expect(await kept.get(database.db, 'kinds', answer.derive)).not.toContain('kept_test_rolled_back');
    expect(answer.made()).toBe(2);
  });

  it('keys answers apart, and keeps none longer than its limit', async () => {
    let now = 1_000_000;
    const kept = new KeptAnswers<string[]>(2, () => now);
    const answer = counted();
    await kept.get(database.db, 'a', answer.derive);
    await kept.get(database.db, 'b', answer.derive);
    expect(answer.made()).toBe(2);
    await kept.get(database.db, 'a', answer.derive);
    expect(answer.made()).toBe(2);
    // A third key pushes out the least recently used (b).
    await kept.get(database.db, 'c', answer.derive);
    await kept.get(database.db, 'b', answer.derive);
    expect(answer.made()).toBe(4);
    now += KEPT_ANSWER_MAX_AGE_MS;
    await kept.get(database.db, 'b', answer.derive);
    expect(answer.made()).toBe(5);
  });

  it('trims the log of transactions that ended before the last trim, and still sees a write made after it', async () => {
    await addKind('kept_test_before_trim').execute(database.db);
    const first = await trimDataChanges(database.db, null);
    const count = async () => (await sql<{ n: number }>`select count(*)::int as n from data_changes`.execute(database.db)).rows[0]!.n;
    expect(await count()).toBeGreaterThan(0);
    const kept = new KeptAnswers<string[]>();
    const answer = counted();
    await kept.get(database.db, 'kinds', answer.derive);
    await addKind('kept_test_after_trim').execute(database.db);
    await trimDataChanges(database.db, first);
    // What ended before the first trim's snapshot is gone. How much else stays depends on the
    // oldest transaction open anywhere on the server then (other test files share a PostgreSQL).
    const left = await sql<{ older: number; all: number }>`
      select count(*) filter (where xid < pg_snapshot_xmin(${first}::pg_snapshot))::int as older, count(*)::int as all from data_changes`.execute(database.db);
    expect(left.rows[0]).toMatchObject({ older: 0 });
    expect(left.rows[0]!.all).toBeGreaterThanOrEqual(1);
    expect(await kept.get(database.db, 'kinds', answer.derive)).toContain('kept_test_after_trim');
    expect(answer.made()).toBe(2);
  });

  it.skipIf(!process.env.DATABASE_URL)('keeps nothing read while a write was open and commits after (PostgreSQL: two connections)', async () => {
    const kept = new KeptAnswers<string[]>();
    const answer = counted();
    await kept.get(database.db, 'kinds', answer.derive);
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => { commit = resolve; });
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => { written = resolve; });
    const writer = database.db.transaction().execute(async (trx) => {
      await addKind('kept_test_open').execute(trx);
      written();
      await committed;
    });
    await wrote;
    // The write is not committed: the kept answer holds, and an answer made now misses it.
    const during = await kept.get(database.db, 'kinds', answer.derive);
    expect(during).not.toContain('kept_test_open');
    commit();
    await writer;
    expect(await kept.get(database.db, 'kinds', answer.derive)).toContain('kept_test_open');
  });
});
