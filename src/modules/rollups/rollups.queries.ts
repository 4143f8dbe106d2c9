import { sql, type RawBuilder } from 'kysely';
import { codeAmong } from '../../db/code-among.js';
import type { Database } from '../../db/database.js';
import { executePrepared } from '../../db/prepared.js';

export interface RollupRow {
  source: string;
  unit_code: string;
  day: string;
  province_code: string;
  value: number;
}

/**
 * Adds each row's value to its unit's count, to its area's count of the day and to its area's
 * total, in one statement (one round trip where three upserts and a look-up of the areas took
 * four); answers the units whose area is not recorded yet, whose area counts it left out.
 * Arrays rather than JSON records: the database reads them without parsing text per field.
 * Each upsert takes its rows in key order, so two writers lock shared counts in the same order.
 */
export async function addCountsWithAreas(db: Database, rows: readonly RollupRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const column = <K extends keyof RollupRow>(key: K) => rows.map((row) => row[key]);
  const result = await executePrepared(db, sql<{ unit_code: string }>`
    with r as materialized (
      select * from unnest(${column('source')}::text[], ${column('unit_code')}::text[], ${column('day')}::date[],
                           ${column('province_code')}::text[], ${column('value')}::bigint[])
        as r(source, unit_code, day, province_code, value)
    ),
    unit_counts as (
      insert into rollup_counts (source, unit_code, day, province_code, value)
      select source, unit_code, day, province_code, value from r order by source, unit_code, day
      on conflict (source, unit_code, day, province_code) do update set value = rollup_counts.value + excluded.value
    ),
    by_area as materialized (
      select m.area_code, r.source, r.day, r.province_code, r.value from r join rollup_area_members m on m.unit_code = r.unit_code
    ),
    area_days as (
      insert into rollup_area_counts (area_code, source, day, province_code, value)
      select area_code, source, day, min(province_code), sum(value) from by_area
      group by area_code, source, day order by area_code, source, day
      on conflict (area_code, source, day, province_code) do update set value = rollup_area_counts.value + excluded.value
    ),
    area_totals as (
      insert into rollup_area_totals (area_code, source, province_code, value)
      select area_code, source, min(province_code), sum(value) from by_area
      group by area_code, source order by area_code, source
      on conflict (area_code, source, province_code) do update set value = rollup_area_totals.value + excluded.value
    )
    select distinct unit_code from r
    where not exists (select 1 from rollup_area_members m where m.unit_code = r.unit_code)`);
  return result.rows.map((row) => row.unit_code);
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

/**
 * Removes the counts (per unit, per area and day, per area) of the named sources (exact names,
 * or names with one of the prefixes) that start with `prefix`.
 */
export async function deleteSources(db: Database, owned: { exact: readonly string[]; prefixes: readonly string[] }, prefix: string): Promise<void> {
  for (const table of ['rollup_counts', 'rollup_area_counts', 'rollup_area_totals'] as const) {
    await sql`
      delete from ${sql.table(table)}
      where starts_with(source, ${prefix})
        and (source = any(${[...owned.exact]}::text[])
             or exists (select 1 from unnest(${[...owned.prefixes]}::text[]) p where starts_with(source, p)))`.execute(db);
  }
}

// Advisory lock of the counts: writers of counted facts hold it shared, a rebuild exclusively.
const ROLLUP_LOCK = 7402;

export async function lockRollupsShared(db: Database): Promise<void> {
  await sql`select pg_advisory_xact_lock_shared(${ROLLUP_LOCK}, 0)`.execute(db);
}

/** The shared lock as a query of one row, for a caller's statement to take it first (see holdRollupsInStatement). */
export function lockRollupsSharedQuery() {
  return sql`select pg_advisory_xact_lock_shared(${ROLLUP_LOCK}, 0)::text as held`;
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

/** Every non-zero area count and total, sorted, with the area each unit is counted in. */
export async function selectAllAreaCounts(db: Database): Promise<{ days: AreaDayRow[]; totals: AreaTotalRow[]; members: AreaMemberRow[] }> {
  const days = await sql<AreaDayRow>`
    select area_code, source, day, province_code, value from rollup_area_counts
    where value <> 0 order by area_code, source, day`.execute(db);
  const totals = await sql<AreaTotalRow>`
    select area_code, source, province_code, value from rollup_area_totals
    where value <> 0 order by area_code, source`.execute(db);
  const members = await sql<AreaMemberRow>`
    select unit_code, area_code, province_code, valid_from from rollup_area_members order by unit_code`.execute(db);
  return { days: days.rows, totals: totals.rows, members: members.rows };
}

export interface AreaMemberRow {
  unit_code: string;
  area_code: string;
  province_code: string;
  valid_from: string;
}

export async function selectAreaMembers(db: Database, codes: readonly string[]): Promise<AreaMemberRow[]> {
  if (codes.length === 0) return [];
  const result = await sql<AreaMemberRow>`
    select unit_code, area_code, province_code, valid_from from rollup_area_members where unit_code = any(${[...codes]}::text[])`.execute(db);
  return result.rows;
}

/** The members of one province, or of all when `provinceCode` is null. */
export async function selectProvinceAreaMembers(db: Database, provinceCode: string | null): Promise<AreaMemberRow[]> {
  const result = await sql<AreaMemberRow>`
    select unit_code, area_code, province_code, valid_from from rollup_area_members
    where ${provinceCode === null ? sql`true` : sql`province_code = ${provinceCode}`}`.execute(db);
  return result.rows;
}

/** Records the area of units counted for the first time; a concurrent writer's row for the same unit wins. */
export async function insertAreaMembers(db: Database, rows: readonly AreaMemberRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into rollup_area_members (unit_code, area_code, province_code, valid_from)
    select unit_code, area_code, province_code, valid_from
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(unit_code text, area_code text, province_code text, valid_from date)
    on conflict (unit_code, province_code) do nothing`.execute(db);
}

export interface AreaDayRow {
  area_code: string;
  source: string;
  day: string;
  province_code: string;
  value: number;
}

export interface AreaTotalRow {
  area_code: string;
  source: string;
  province_code: string;
  value: number;
}

/** Adds to the area counts per day and to the area totals; rows arrive sorted by key, as in addRollupCounts. */
export async function addAreaCounts(db: Database, days: readonly AreaDayRow[], totals: readonly AreaTotalRow[]): Promise<void> {
  if (days.length > 0) {
    await sql`
      insert into rollup_area_counts (area_code, source, day, province_code, value)
      select area_code, source, day, province_code, value
      from jsonb_to_recordset(${JSON.stringify(days)}::jsonb)
        as r(area_code text, source text, day date, province_code text, value bigint)
      on conflict (area_code, source, day, province_code) do update set value = rollup_area_counts.value + excluded.value`.execute(db);
  }
  if (totals.length > 0) {
    await sql`
      insert into rollup_area_totals (area_code, source, province_code, value)
      select area_code, source, province_code, value
      from jsonb_to_recordset(${JSON.stringify(totals)}::jsonb)
        as r(area_code text, source text, province_code text, value bigint)
      on conflict (area_code, source, province_code) do update set value = rollup_area_totals.value + excluded.value`.execute(db);
  }
}

/**
 * Totals per area and source up to and including `day`: the all-time total less the days
 * after `day`, which the (province, day) index finds directly, so a figure for today reads one
 * row per area and source. One aggregate over both, no join: a join's plan depends on table
 * statistics, which the embedded database has only once something runs ANALYZE. With `areas`
 * null, every area of the province (a province's dashboard): testing each row against a long
 * list costs more than the rows it would leave out.
 */
export async function sumByAreaAndSource(
  db: Database,
  provinceCode: string,
  areaCodes: readonly string[] | null,
  sources: readonly string[],
  day: string,
): Promise<{ area_code: string; source: string; value: number }[]> {
  if (areaCodes?.length === 0 || sources.length === 0) return [];
  const names = [...sources];
  const inAreas = codeAmong('area_code', areaCodes);
  const result = await sql<{ area_code: string; source: string; value: number }>`
    select area_code, source, sum(value)::bigint as value from (
      select area_code, source, value from rollup_area_totals
      where province_code = ${provinceCode} and source = any(${names}::text[]) and ${inAreas}
      union all
      select area_code, source, -value from rollup_area_counts
      where province_code = ${provinceCode} and day > ${day} and source = any(${names}::text[]) and ${inAreas}
    ) parts
    group by area_code, source`.execute(db);
  return result.rows;
}

/**
 * The totals of sumByAreaAndSource and of sumByUnitAndSource for several days, in one
 * statement: a dashboard read wants today's figures and those of the trend's start, and a
 * series one per point, and each round trip costs more than the rows it reads. Per day, the
 * same rows as those two (a lateral subquery per day, so the plan is theirs whatever the
 * statistics). `kind` says which part a row comes from: `area` and `unit` sum `sources` over
 * the areas and over the units, `fact` sums `facts.sources` over `facts.unitCodes` (a second
 * set of units and sources read by units, the records that replace reported figures). A null list
 * of codes reads every area or unit of the province.
 */
export async function sumByAreaOrUnitOnDays(
  db: Database,
  provinceCode: string,
  counts: { areaCodes: readonly string[] | null; unitCodes: readonly string[] | null; sources: readonly string[] },
  facts: { unitCodes: readonly string[] | null; sources: readonly string[] },
  days: readonly string[],
): Promise<{ day: string; kind: 'area' | 'unit' | 'fact'; code: string; source: string; value: number }[]> {
  if (days.length === 0) return [];
  const names = [...counts.sources];
  const inAreas = codeAmong('area_code', counts.areaCodes);
  const result = await sql<{ day: string; kind: 'area' | 'unit' | 'fact'; code: string; source: string; value: number }>`
    select d.day::text as day, p.kind, p.code, p.source, sum(p.value)::bigint as value
    from unnest(${[...days]}::date[]) as d(day)
    cross join lateral (
      select 'area' as kind, area_code as code, source, value from rollup_area_totals
      where province_code = ${provinceCode} and source = any(${names}::text[]) and ${inAreas}
      union all
      select 'area', area_code, source, -value from rollup_area_counts
      where province_code = ${provinceCode} and day > d.day and source = any(${names}::text[]) and ${inAreas}
      union all
      select 'unit', unit_code, source, value from rollup_counts
      where province_code = ${provinceCode} and ${codeAmong('unit_code', counts.unitCodes)} and day <= d.day and source = any(${names}::text[])
      union all
      select 'fact', unit_code, source, value from rollup_counts
      where province_code = ${provinceCode} and ${codeAmong('unit_code', facts.unitCodes)} and day <= d.day and source = any(${[...facts.sources]}::text[])
    ) p
    group by d.day, p.kind, p.code, p.source`.execute(db);
  return result.rows;
}

/**
 * Moves the counts of units whose area changed (a merge, a move, a split) from the area they
 * were added to to the new one, and records the new area.
 */
export async function moveAreaCounts(db: Database, moved: readonly { unit_code: string; from_area: string; to_area: string }[]): Promise<void> {
  if (moved.length === 0) return;
  const json = JSON.stringify(moved);
  await sql`
    with moved as (
      select * from jsonb_to_recordset(${json}::jsonb) as m(unit_code text, from_area text, to_area text)
    ),
    shifts as (
      select m.from_area as area_code, r.source, r.day, r.province_code, -r.value as value
      from rollup_counts r join moved m on m.unit_code = r.unit_code
      union all
      select m.to_area, r.source, r.day, r.province_code, r.value
      from rollup_counts r join moved m on m.unit_code = r.unit_code
    )
    insert into rollup_area_counts (area_code, source, day, province_code, value)
    select area_code, source, day, province_code, sum(value) from shifts
    group by area_code, source, day, province_code
    order by area_code, source, day
    on conflict (area_code, source, day, province_code) do update set value = rollup_area_counts.value + excluded.value`.execute(db);
  await sql`
    with moved as (
      select * from jsonb_to_recordset(${json}::jsonb) as m(unit_code text, from_area text, to_area text)
    ),
    shifts as (
      select m.from_area as area_code, r.source, r.province_code, -r.value as value
      from rollup_counts r join moved m on m.unit_code = r.unit_code
      union all
      select m.to_area, r.source, r.province_code, r.value
      from rollup_counts r join moved m on m.unit_code = r.unit_code
    )
    insert into rollup_area_totals (area_code, source, province_code, value)
    select area_code, source, province_code, sum(value) from shifts
    group by area_code, source, province_code
    order by area_code, source
    on conflict (area_code, source, province_code) do update set value = rollup_area_totals.value + excluded.value`.execute(db);
  await sql`
    update rollup_area_members a set area_code = m.to_area
    from jsonb_to_recordset(${json}::jsonb) as m(unit_code text, from_area text, to_area text)
    where a.unit_code = m.unit_code`.execute(db);
  await sql`delete from rollup_area_counts where value = 0 and area_code = any(${moved.map((m) => m.from_area)}::text[])`.execute(db);
  await sql`delete from rollup_area_totals where value = 0 and area_code = any(${moved.map((m) => m.from_area)}::text[])`.execute(db);
}

/**
 * Common table expressions that add one to `source` for each row of the caller's CTE `from`
 * (columns unit_code, province_code, day), in the unit's counts and in its area's, inside the
 * caller's statement: a fact and its counts written by one statement, in one round trip. The
 * units must have their area recorded (see `areaMemberKnown`): a row whose unit has none adds
 * nothing. No advisory lock is needed: the statement takes its lock on rollup_counts before it
 * runs, and a rebuild holds that table against writers (lockRollupsExclusive), so the two
 * never interleave.
 */
export function addOnePerRowCtes(source: string, from: string) {
  const rows = sql.id(from);
  return sql`
    rollup_unit as (
      insert into rollup_counts (source, unit_code, day, province_code, value)
      select ${source}, unit_code, day, province_code, count(*) from ${rows} group by unit_code, day, province_code
      on conflict (source, unit_code, day, province_code) do update set value = rollup_counts.value + excluded.value
      returning 1),
    rollup_area_rows as (
      select m.area_code, r.day, r.province_code from ${rows} r join rollup_area_members m on m.unit_code = r.unit_code),
    rollup_area_day as (
      insert into rollup_area_counts (area_code, source, day, province_code, value)
      select area_code, ${source}, day, province_code, count(*) from rollup_area_rows group by area_code, day, province_code
      on conflict (area_code, source, day, province_code) do update set value = rollup_area_counts.value + excluded.value
      returning 1),
    rollup_area_total as (
      insert into rollup_area_totals (area_code, source, province_code, value)
      select area_code, ${source}, province_code, count(*) from rollup_area_rows group by area_code, province_code
      on conflict (area_code, source, province_code) do update set value = rollup_area_totals.value + excluded.value
      returning 1)`;
}

/** A condition true when the unit's area is recorded, so `addOnePerRowCtes` counts it in full. */
export function areaMemberKnown(unitCode: string | RawBuilder<unknown>) {
  return sql<boolean>`exists (select 1 from rollup_area_members where unit_code = ${unitCode})`;
}
