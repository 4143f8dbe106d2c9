import { sql, type Insertable, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import { executePrepared } from '../../db/prepared.js';
import type { MilestoneKindsTable, MilestonesTable } from '../../db/types.js';
import { arrayLiteral, columnOrConstant, nestedArrayLiteral } from '../../db/array-literal.js';
import { uuidColumn } from '../../db/uuid-column.js';

export type MilestoneKindRow = Selectable<MilestoneKindsTable>;
export type NewMilestoneRow = Omit<Insertable<MilestonesTable>, 'recorded_by'> & { visit_id: string | null };

/** Active kinds: the shared ones and those of `provinceCode`; every province's when it is undefined. */
export async function selectMilestoneKinds(db: Database, provinceCode?: string): Promise<MilestoneKindRow[]> {
  let query = db.selectFrom('milestone_kinds').selectAll().where('active', '=', true);
  if (provinceCode !== undefined) query = query.where((eb) => eb.or([eb('province_code', 'is', null), eb('province_code', '=', provinceCode)]));
  return query.orderBy('sort').orderBy('code').execute();
}

export async function selectMilestoneKind(db: Database, code: string): Promise<MilestoneKindRow | undefined> {
  return db.selectFrom('milestone_kinds').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertMilestoneKind(db: Database, row: Insertable<MilestoneKindsTable>): Promise<void> {
  await db.insertInto('milestone_kinds').values(row).execute();
}

export async function selectMaxKindSort(db: Database): Promise<number> {
  const row = await db.selectFrom('milestone_kinds').select((eb) => eb.fn.max('sort').as('sort')).executeTakeFirst();
  return Number(row?.sort ?? 0);
}

export interface HeldKindInput {
  resident_id: string;
  kind: string;
  village_code: string;
  province_code: string;
  first_on: string;
  facts: number;
}

export interface HeldKindChange {
  resident_id: string;
  kind: string;
  village_code: string;
  province_code: string;
  first_on: string;
  /** The first day before this statement; null when the resident did not hold the kind. */
  previous_first_on: string | null;
}

/**
 * Records facts and adds them to the kinds residents hold, in one statement (one round trip,
 * where three took one each): all facts whatever their number, as typed arrays (one text
 * parameter per column; all recorded by one user). What they add per (resident, kind) (the
 * count and the first day) is summed by the database from the facts themselves. Pairs of
 * residents in `fresh` (created in the same transaction: they hold nothing yet) go in by a plain
 * insert, without the upsert's look for an existing row; the others by an upsert, one row per
 * (resident, kind), sorted so concurrent batches lock rows in the same order, whose row lock
 * makes "did the resident hold it before?" exact even when two batches give the same person the
 * same kind at once. Answers the fresh pairs and the merged pairs whose first day moved: the
 * rest change no count.
 */
export async function insertMilestonesAndHeldKinds(
  db: Database, rows: readonly NewMilestoneRow[], recordedBy: string | null, fresh: readonly string[],
): Promise<HeldKindChange[]> {
  if (rows.length === 0) return [];
  const column = (pick: (row: NewMilestoneRow) => string | null) => arrayLiteral(rows.map(pick));
  // What every fact shares (usually the village, the province and the source) travels once.
  const source = columnOrConstant(rows.map((r) => r.source));
  const unit = columnOrConstant(rows.map((r) => r.unit_code));
  const province = columnOrConstant(rows.map((r) => r.province_code));
  const freshIds = uuidColumn(fresh);
  const ids = (pick: (row: NewMilestoneRow) => string | null) => uuidColumn(rows.map(pick));
  const result = await executePrepared(db, sql<HeldKindChange & { inserted: boolean }>`
    with x as (
      select i, r, k, d, coalesce(s, ${source.constant}::text) as s, v, coalesce(u, ${unit.constant}::text) as u,
             coalesce(p, ${province.constant}::text) as p, sk
      from unnest(${ids((r) => r.id)}::uuid[], ${ids((r) => r.resident_id)}::uuid[], ${column((r) => r.kind)}::text[],
        ${column((r) => r.achieved_on)}::date[], ${source.column}::text[], ${ids((r) => r.visit_id)}::uuid[],
        ${unit.column}::text[], ${province.column}::text[], ${nestedArrayLiteral(rows.map((r) => r.skills ?? null))}::text[])
        as x(i, r, k, d, s, v, u, p, sk)
    ),
    facts as (
      insert into milestones (id, resident_id, kind, achieved_on, source, visit_id, recorded_by, unit_code, province_code, skills)
      select i, r, k, d, s, v, ${recordedBy}::uuid, u, p, sk::text[] from x
    ),
    added as (
      -- A resident's facts in one statement share the resident's village.
      select r, k, min(u) as v, min(p) as p, min(d) as f, count(*)::int as n from x group by r, k
    ),
    fresh as (
      insert into resident_milestones (resident_id, kind, village_code, province_code, first_on, facts)
      select r, k, v, p, f, n from added where r = any(${freshIds}::uuid[])
      order by r, k
      returning resident_id, kind, village_code, province_code, first_on
    ),
    changed as (
      insert into resident_milestones as s (resident_id, kind, village_code, province_code, first_on, facts)
      select r, k, v, p, f, n from added where r <> all(${freshIds}::uuid[])
      order by r, k
      on conflict (resident_id, kind, province_code) do update set
        facts = s.facts + excluded.facts,
        previous_first_on = s.first_on,
        first_on = least(s.first_on, excluded.first_on)
      returning resident_id, kind, village_code, province_code, first_on, previous_first_on, (xmax = 0) as inserted
    )
    select * from changed where inserted or first_on is distinct from previous_first_on
    union all
    select resident_id, kind, village_code, province_code, first_on, null, true from fresh`);
  return result.rows.map(({ inserted, ...row }) => ({ ...row, previous_first_on: inserted ? null : row.previous_first_on }));
}

/** The residents to whom these visits gave live milestones: a correction of the visit may take them back. */
export async function selectResidentsHelpedBy(db: Database, visitIds: readonly string[]): Promise<string[]> {
  if (visitIds.length === 0) return [];
  const result = await sql<{ resident_id: string }>`
    select distinct resident_id from milestones
    where visit_id = any(${[...visitIds]}::uuid[]) and superseded_by is null`.execute(db);
  return result.rows.map((row) => row.resident_id);
}

/** Marks the facts a corrected visit gave as replaced by the correction; answers whom they concerned. */
export async function supersedeVisitMilestones(db: Database, visitId: string, byId: string): Promise<{ resident_id: string; kind: string }[]> {
  const result = await sql<{ resident_id: string; kind: string }>`
    update milestones set superseded_by = ${byId}
    where visit_id = ${visitId} and superseded_by is null
    returning resident_id, kind`.execute(db);
  return result.rows;
}

type Pair = { resident_id: string; kind: string };
const pairsOf = (pairs: readonly Pair[]) => sql`(select resident_id, kind from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as p(resident_id uuid, kind text))`;

export async function selectHeldKindsForUpdate(db: Database, pairs: readonly Pair[]): Promise<{ resident_id: string; kind: string; village_code: string; province_code: string; first_on: string }[]> {
  const result = await sql<{ resident_id: string; kind: string; village_code: string; province_code: string; first_on: string }>`
    select s.resident_id, s.kind, s.village_code, s.province_code, s.first_on from resident_milestones s
    where (s.resident_id, s.kind) in ${pairsOf(pairs)}
    order by s.resident_id, s.kind for update`.execute(db);
  return result.rows;
}

/** What the live facts say about these (resident, kind) pairs. */
export async function summariseLiveFacts(db: Database, pairs: readonly Pair[]): Promise<HeldKindInput[]> {
  const result = await sql<HeldKindInput>`
    select resident_id, kind, min(unit_code) as village_code, min(province_code) as province_code,
           min(achieved_on) as first_on, count(*)::int as facts
    from milestones
    where superseded_by is null and (resident_id, kind) in ${pairsOf(pairs)}
    group by resident_id, kind`.execute(db);
  return result.rows;
}

/** Sets the held kinds of these pairs to what the facts say: replaced where facts remain, removed where none do. */
export async function replaceHeldKinds(db: Database, pairs: readonly Pair[], rows: readonly HeldKindInput[]): Promise<void> {
  if (pairs.length === 0) return;
  await sql`delete from resident_milestones where (resident_id, kind) in ${pairsOf(pairs)}`.execute(db);
  if (rows.length === 0) return;
  await sql`
    insert into resident_milestones (resident_id, kind, village_code, province_code, first_on, facts)
    select resident_id, kind, village_code, province_code, first_on, facts
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
      resident_id uuid, kind text, village_code text, province_code text, first_on date, facts integer)`.execute(db);
}

/** Rebuilds every held kind from the facts and answers the distinct residents per kind, village and first day. */
export async function rebuildHeldKinds(db: Database): Promise<{ kind: string; village_code: string; province_code: string; day: string; n: number }[]> {
  await sql`delete from resident_milestones`.execute(db);
  await sql`
    insert into resident_milestones (resident_id, kind, village_code, province_code, first_on, facts)
    select resident_id, kind, min(unit_code), min(province_code), min(achieved_on), count(*)
    from milestones where superseded_by is null group by resident_id, kind`.execute(db);
  const result = await sql<{ kind: string; village_code: string; province_code: string; day: string; n: number }>`
    select kind, village_code, province_code, first_on as day, count(*)::bigint as n
    from resident_milestones group by kind, village_code, province_code, first_on`.execute(db);
  return result.rows;
}

/** Moves every milestone fact of one resident to another (a merge); answers the kinds concerned. */
export async function moveMilestoneFacts(db: Database, fromId: string, toId: string): Promise<string[]> {
  const result = await sql<{ kind: string }>`
    update milestones set resident_id = ${toId} where resident_id = ${fromId} returning kind`.execute(db);
  return [...new Set(result.rows.map((row) => row.kind))];
}

/** Live milestones of a village's residents achieved in [from, to], per recorder: in `to` and in the whole range. */
export async function countMilestonesByRecorder(
  db: Database, villageCode: string, from: string, to: string,
): Promise<{ recorded_by: string | null; on_day: number; in_range: number }[]> {
  const result = await sql<{ recorded_by: string | null; on_day: number; in_range: number }>`
    select m.recorded_by, (count(*) filter (where m.achieved_on = ${to}::date))::int as on_day, count(*)::int as in_range
    from residents r join milestones m on m.resident_id = r.id
    where r.village_code = ${villageCode} and m.achieved_on between ${from}::date and ${to}::date and m.superseded_by is null
    group by m.recorded_by`.execute(db);
  return result.rows;
}
