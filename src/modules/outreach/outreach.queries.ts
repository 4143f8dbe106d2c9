import { sql, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { VisitOutcome, VisitsTable } from '../../db/types.js';

export type VisitRow = Selectable<VisitsTable>;

export interface NewVisitRow {
  id: string;
  household_id: string;
  village_code: string;
  province_code: string;
  visited_at: string;
  day: string;
  people_present: string[];
  skills_taught: string[];
  outcome: VisitOutcome;
  notes: string | null;
  supersedes: string | null;
}

/** A PostgreSQL array literal: PostgreSQL reads `{"a","b"}` in a text field far faster than a JSON array. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/**
 * Every visit of a batch in one statement. The rows travel as one JSON parameter with one-letter
 * keys (and without empty fields), so 500 visits cost a few dozen kilobytes and one parse; what
 * all rows share (who recorded them, on which device) travels once.
 */
export async function insertVisits(db: Database, rows: readonly NewVisitRow[], by: { recordedBy: string | null; deviceId: string }): Promise<void> {
  if (rows.length === 0) return;
  await insertVisitsStatement(rows, by).execute(db);
}

function insertVisitsStatement(rows: readonly NewVisitRow[], by: { recordedBy: string | null; deviceId: string }) {
  const packed = JSON.stringify(rows.map((r) => {
    const row: Record<string, string> = { i: r.id, h: r.household_id, v: r.village_code, p: r.province_code, t: r.visited_at, d: r.day, o: r.outcome };
    if (r.people_present.length > 0) row.pp = arrayLiteral(r.people_present);
    if (r.skills_taught.length > 0) row.sk = arrayLiteral(r.skills_taught);
    if (r.notes !== null) row.n = r.notes;
    if (r.supersedes !== null) row.s = r.supersedes;
    return row;
  }));
  return sql`
    insert into visits (id, household_id, village_code, province_code, visited_at, day, recorded_by, device_id,
                        people_present, skills_taught, outcome, notes, supersedes)
    select i, h, v, p, t, d, ${by.recordedBy}::uuid, ${by.deviceId}::uuid, coalesce(pp, '{}')::uuid[], coalesce(sk, '{}')::text[], o, n, s
    from json_to_recordset(${packed}::json) as r(
      i uuid, h uuid, v text, p text, t timestamptz, d date, pp text, sk text, o text, n text, s uuid)`;
}

export async function selectVisit(db: Database, id: string): Promise<VisitRow | undefined> {
  return db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function isSuperseded(db: Database, id: string): Promise<boolean> {
  const row = await db.selectFrom('visits').select('id').where('supersedes', '=', id).executeTakeFirst();
  return row !== undefined;
}

const liveVisit = sql<boolean>`not exists (select 1 from visits c where c.supersedes = v.id)`;

export interface HouseholdVisitChange {
  household_id: string;
  village_code: string;
  province_code: string;
  first_day: string | null;
  /** The first day before this statement; null when the household had no live visit. */
  previous_first_day: string | null;
  /** The day of the earliest live guided visit: the day the household counts as covered. */
  first_guided_day: string | null;
  previous_first_guided_day: string | null;
}

/** What a run of live visits adds to one household's visited state. */
export interface HouseholdVisitAddition {
  household_id: string;
  village_code: string;
  province_code: string;
  live_visits: number;
  first_day: string;
  guided_visits: number;
  first_guided_day: string | null;
  last_visit_at: string;
  last_visit_id: string;
  last_outcome: VisitOutcome;
}

const packAdditions = (rows: readonly HouseholdVisitAddition[]) => JSON.stringify(rows.map((r) => ({
  h: r.household_id, v: r.village_code, p: r.province_code, n: r.live_visits, f: r.first_day,
  g: r.guided_visits, gf: r.first_guided_day, la: r.last_visit_at, li: r.last_visit_id, lo: r.last_outcome,
})));

/**
 * Inserts new live visits and adds them to their households' visited state in one statement (one
 * round trip): `fresh` households have no visited state yet (created in the same transaction)
 * and get it by a plain insert; `merged` ones by an upsert, one row each, sorted so concurrent
 * batches lock in the same order, whose row lock makes "was this household visited (covered)
 * before?" exact. Answers the merged households whose first day or first guided day moved, and
 * those still not covered (their last try changed); the rest change no count and no device's list.
 */
export async function insertVisitsAndVisitedState(
  db: Database, visits: readonly NewVisitRow[], by: { recordedBy: string | null; deviceId: string },
  fresh: readonly HouseholdVisitAddition[], merged: readonly HouseholdVisitAddition[],
): Promise<HouseholdVisitChange[]> {
  if (visits.length === 0 && fresh.length === 0 && merged.length === 0) return [];
  const result = await sql<HouseholdVisitChange & { inserted: boolean }>`
    with visit_rows as (${insertVisitsStatement(visits, by)}),
    fresh as (
      insert into household_visits (household_id, village_code, province_code, live_visits, first_day,
                                    guided_visits, first_guided_day, last_visit_at, last_visit_id, last_outcome)
      select h, v, p, n, f, g, gf, la, li, lo
      from json_to_recordset(${packAdditions(fresh)}::json) as r(h uuid, v text, p text, n integer, f date, g integer, gf date, la timestamptz, li uuid, lo text)
      order by h
    ),
    changed as (
      insert into household_visits as s (household_id, village_code, province_code, live_visits, first_day,
                                         guided_visits, first_guided_day, last_visit_at, last_visit_id, last_outcome)
      select h, v, p, n, f, g, gf, la, li, lo
      from json_to_recordset(${packAdditions(merged)}::json) as r(h uuid, v text, p text, n integer, f date, g integer, gf date, la timestamptz, li uuid, lo text)
      order by h
      on conflict (household_id, province_code) do update set
        live_visits = s.live_visits + excluded.live_visits,
        previous_first_day = s.first_day,
        first_day = least(s.first_day, excluded.first_day),
        guided_visits = s.guided_visits + excluded.guided_visits,
        previous_first_guided_day = s.first_guided_day,
        first_guided_day = least(s.first_guided_day, excluded.first_guided_day),
        -- The latest live visit by its instant, then its id, as a rebuild orders them.
        last_outcome = case when s.last_visit_at is null or (excluded.last_visit_at, excluded.last_visit_id) > (s.last_visit_at, s.last_visit_id)
                            then excluded.last_outcome else s.last_outcome end,
        last_visit_id = case when s.last_visit_at is null or (excluded.last_visit_at, excluded.last_visit_id) > (s.last_visit_at, s.last_visit_id)
                             then excluded.last_visit_id else s.last_visit_id end,
        last_visit_at = greatest(s.last_visit_at, excluded.last_visit_at)
      returning household_id, village_code, province_code, first_day, previous_first_day,
                first_guided_day, previous_first_guided_day, (xmax = 0) as inserted
    )
    select * from changed
    where inserted or first_day is distinct from previous_first_day
       or first_guided_day is distinct from previous_first_guided_day or first_guided_day is null`.execute(db);
  return result.rows.map(({ inserted, ...row }) => ({
    ...row,
    previous_first_day: inserted ? null : row.previous_first_day,
    previous_first_guided_day: inserted ? null : row.previous_first_guided_day,
  }));
}

export interface HouseholdRecount {
  before: string | null;
  after: string | null;
  guidedBefore: string | null;
  guidedAfter: string | null;
}

/** Sets a household's visited state from its live visits; answers the first (guided) day before and after. */
export async function recountHouseholdVisits(db: Database, householdId: string): Promise<HouseholdRecount> {
  const old = await db.selectFrom('household_visits').select(['first_day', 'first_guided_day'])
    .where('household_id', '=', householdId).forUpdate().executeTakeFirst();
  const live = await sql<{ n: number; first_day: string | null; g: number; first_guided_day: string | null; last_at: Date | null; last_id: string | null; last_outcome: VisitOutcome | null }>`
    select count(*)::int as n, min(day) as first_day,
      count(*) filter (where outcome = 'guided')::int as g, min(day) filter (where outcome = 'guided') as first_guided_day,
      max(visited_at) as last_at, (array_agg(id order by visited_at desc, id desc))[1] as last_id,
      (array_agg(outcome order by visited_at desc, id desc))[1] as last_outcome
    from visits v
    where v.household_id = ${householdId} and ${liveVisit}`.execute(db);
  const now = live.rows[0] ?? { n: 0, first_day: null, g: 0, first_guided_day: null, last_at: null, last_id: null, last_outcome: null };
  await db.updateTable('household_visits')
    .set({
      live_visits: Number(now.n), first_day: now.first_day, previous_first_day: old?.first_day ?? null,
      guided_visits: Number(now.g), first_guided_day: now.first_guided_day, previous_first_guided_day: old?.first_guided_day ?? null,
      last_visit_at: now.last_at, last_visit_id: now.last_id, last_outcome: now.last_outcome,
    })
    .where('household_id', '=', householdId).execute();
  return { before: old?.first_day ?? null, after: now.first_day, guidedBefore: old?.first_guided_day ?? null, guidedAfter: now.first_guided_day };
}

export interface HouseholdStateRow {
  household_id: string;
  first_guided_day: string | null;
  last_visit_at: Date | null;
  last_outcome: VisitOutcome | null;
}

/** The visited state of those of these households that have a live visit. */
export async function selectHouseholdStates(db: Database, householdIds: readonly string[]): Promise<HouseholdStateRow[]> {
  if (householdIds.length === 0) return [];
  const result = await sql<HouseholdStateRow>`
    select household_id, first_guided_day, last_visit_at, last_outcome from household_visits
    where household_id = any(${[...householdIds]}::uuid[]) and live_visits > 0`.execute(db);
  return result.rows;
}

/** Households of a village visited but not covered, the longest waiting first: the come-back list. */
export async function selectComeBack(db: Database, villageCode: string, limit: number): Promise<HouseholdStateRow[]> {
  const result = await sql<HouseholdStateRow>`
    select household_id, first_guided_day, last_visit_at, last_outcome from household_visits
    where village_code = ${villageCode} and live_visits > 0 and guided_visits = 0
    order by last_visit_at, household_id limit ${limit}`.execute(db);
  return result.rows;
}

/** Keeps writers out of the outreach tables while a rebuild recounts them. */
export async function lockOutreachTables(db: Database): Promise<void> {
  await sql`lock table visits, household_visits in share row exclusive mode`.execute(db);
}

/** Live visits per village and day. */
export async function countLiveVisits(db: Database): Promise<{ village_code: string; province_code: string; day: string; n: number }[]> {
  const result = await sql<{ village_code: string; province_code: string; day: string; n: number }>`
    select village_code, province_code, day, count(*)::bigint as n from visits v
    where ${liveVisit} group by village_code, province_code, day`.execute(db);
  return result.rows;
}

/** Rebuilds every household's visited state from the visits; answers households first visited per village and day. */
export async function rebuildHouseholdVisits(db: Database): Promise<{ village_code: string; province_code: string; day: string; n: number }[]> {
  await sql`delete from household_visits`.execute(db);
  await sql`
    insert into household_visits (household_id, village_code, province_code, live_visits, first_day,
                                  guided_visits, first_guided_day, last_visit_at, last_visit_id, last_outcome)
    select household_id, min(village_code), min(province_code), count(*), min(day),
      count(*) filter (where outcome = 'guided'), min(day) filter (where outcome = 'guided'),
      max(visited_at), (array_agg(id order by visited_at desc, id desc))[1], (array_agg(outcome order by visited_at desc, id desc))[1]
    from visits v where ${liveVisit} group by household_id`.execute(db);
  const result = await sql<{ village_code: string; province_code: string; day: string; n: number }>`
    select village_code, province_code, first_day as day, count(*)::bigint as n from household_visits
    where live_visits > 0 group by village_code, province_code, first_day`.execute(db);
  return result.rows;
}

/** Households first covered per village and day, from the rebuilt visited state. */
export async function countCoveredHouseholds(db: Database): Promise<{ village_code: string; province_code: string; day: string; n: number }[]> {
  const result = await sql<{ village_code: string; province_code: string; day: string; n: number }>`
    select village_code, province_code, first_guided_day as day, count(*)::bigint as n from household_visits
    where guided_visits > 0 group by village_code, province_code, first_guided_day`.execute(db);
  return result.rows;
}

/** After a merge: the visits of the household that name the merged record name the one kept. */
export async function repointVisitPeople(db: Database, householdId: string, fromId: string, toId: string): Promise<void> {
  await sql`
    update visits set people_present = array_replace(people_present, ${fromId}::uuid, ${toId}::uuid)
    where household_id = ${householdId} and ${fromId}::uuid = any(people_present)`.execute(db);
}
