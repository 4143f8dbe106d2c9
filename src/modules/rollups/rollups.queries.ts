import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

export interface RollupRow {
  source: string;
  unit_code: string;
  day: string;
  province_code: string;
  value: number;
}

/**
 * Adds each row's value to its count in one statement. Rows arrive sorted by key, so two
 * transactions adding to the same counts lock them in the same order and never deadlock.
 */
export async function addRollupCounts(db: Database, rows: readonly RollupRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into rollup_counts (source, unit_code, day, province_code, value)
    select source, unit_code, day, province_code, value
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r(source text, unit_code text, day date, province_code text, value bigint)
    on conflict (source, unit_code, day) do update set value = rollup_counts.value + excluded.value`.execute(db);
}

/** Totals per unit and source over `codes`, up to and including `day`. */
export async function sumByUnitAndSource(
  db: Database,
  codes: readonly string[],
  sources: { exact: readonly string[]; prefix?: string },
  day: string,
): Promise<{ unit_code: string; source: string; value: number }[]> {
  if (codes.length === 0) return [];
  const bySource = sources.prefix === undefined
    ? sql<boolean>`source = any(${[...sources.exact]}::text[])`
    : sql<boolean>`(source = any(${[...sources.exact]}::text[]) or starts_with(source, ${sources.prefix}))`;
  const result = await sql<{ unit_code: string; source: string; value: number }>`
    select unit_code, source, sum(value)::bigint as value
    from rollup_counts
    where unit_code = any(${[...codes]}::text[]) and day <= ${day} and ${bySource}
    group by unit_code, source`.execute(db);
  return result.rows;
}

/** Removes the counts of the named sources (exact names, or names with one of the prefixes) that start with `prefix`. */
export async function deleteSources(db: Database, owned: { exact: readonly string[]; prefixes: readonly string[] }, prefix: string): Promise<void> {
  await sql`
    delete from rollup_counts
    where starts_with(source, ${prefix})
      and (source = any(${[...owned.exact]}::text[])
           or exists (select 1 from unnest(${[...owned.prefixes]}::text[]) p where starts_with(source, p)))`.execute(db);
}

// Advisory lock of the counts: writers of counted facts hold it shared, a rebuild exclusively.
const ROLLUP_LOCK = 7402;

export async function lockRollupsShared(db: Database): Promise<void> {
  await sql`select pg_advisory_xact_lock_shared(${ROLLUP_LOCK}, 0)`.execute(db);
}

/** Waits for writers in flight and keeps new ones out until the rebuild commits; then the table lock as a safety net. */
export async function lockRollupsExclusive(db: Database): Promise<void> {
  await sql`select pg_advisory_xact_lock(${ROLLUP_LOCK}, 0)`.execute(db);
  await sql`lock table rollup_counts in share row exclusive mode`.execute(db);
}

/** Every non-zero count, sorted: what tests compare before and after a rebuild. */
export async function selectAllCounts(db: Database): Promise<RollupRow[]> {
  const result = await sql<RollupRow>`
    select source, unit_code, day, province_code, value from rollup_counts
    where value <> 0 order by source, unit_code, day`.execute(db);
  return result.rows;
}
