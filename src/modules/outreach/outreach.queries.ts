import { sql, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import { executePrepared } from '../../db/prepared.js';
import type { VisitOutcome, VisitsTable } from '../../db/types.js';
import { arrayLiteral, columnOrConstant, listLiteral, nestedArrayLiteral } from '../../db/array-literal.js';
import { uuidColumn } from '../../db/uuid-column.js';

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

/**
 * Every visit of a batch in one statement. The rows travel as typed arrays, one text parameter
 * per column (`unnest`), about 190 bytes a visit where JSON records with their keys took 250;
 * what all rows share (who recorded them, on which device) travels once.
 */
export async function insertVisits(db: Database, rows: readonly NewVisitRow[], by: { recordedBy: string | null; deviceId: string }): Promise<void> {
  if (rows.length === 0) return;
  await sql`with ${visitInput(rows)} ${insertVisitsFromInput(by)}`.execute(db);
}

/** The `v` rows of a batch's visits, for a statement's `with`; what every row shares travels once. */
function visitInput(rows: readonly NewVisitRow[]) {
  const column = (pick: (row: NewVisitRow) => string | null) => arrayLiteral(rows.map(pick));
  const ids = (pick: (row: NewVisitRow) => string | null) => uuidColumn(rows.map(pick));
  const shared = (pick: (row: NewVisitRow) => string | null) => columnOrConstant(rows.map(pick));
  const village = shared((r) => r.village_code);
  const province = shared((r) => r.province_code);
  const outcome = shared((r) => r.outcome);
  const skills = columnOrConstant(rows.map((r) => (r.skills_taught.length === 0 ? null : listLiteral(r.skills_taught))));
  return sql`v as (
    select i, h, coalesce(v, ${village.constant}::text) as v, coalesce(p, ${province.constant}::text) as p, t, d, pp,
           coalesce(sk, ${skills.constant}::text) as sk, coalesce(o, ${outcome.constant}::text) as o, n, s
    from unnest(${ids((r) => r.id)}::uuid[], ${ids((r) => r.household_id)}::uuid[], ${village.column}::text[],
      ${province.column}::text[], ${column((r) => r.visited_at)}::timestamptz[], ${column((r) => r.day)}::date[],
      ${nestedArrayLiteral(rows.map((r) => r.people_present))}::text[], ${skills.column}::text[],
      ${outcome.column}::text[], ${column((r) => r.notes)}::text[], ${ids((r) => r.supersedes)}::uuid[])
      as r(i, h, v, p, t, d, pp, sk, o, n, s)
  )`;
}

function insertVisitsFromInput(by: { recordedBy: string | null; deviceId: string }) {
  return sql`
    insert into visits (id, household_id, village_code, province_code, visited_at, day, recorded_by, device_id,
                        people_present, skills_taught, outcome, notes, supersedes)
    select i, h, v, p, t, d, ${by.recordedBy}::uuid, ${by.deviceId}::uuid, coalesce(pp, '{}')::uuid[], coalesce(sk, '{}')::text[], o, n, s
    from v`;
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

/**
 * Inserts new live visits and adds them to their households' visited state in one statement (one
 * round trip). What the visits add to each household (count, first day, first guided day, the
 * latest visit by instant then id) is summed by the database from the visits themselves, so it
 * does not travel twice. Households in `fresh` have no visited state yet (created in the same
 * transaction) and get it by a plain insert; the others by an upsert, one row each, sorted so
 * concurrent batches lock in the same order, whose row lock makes "was this household visited
 * (covered) before?" exact. Answers the fresh households, and the others whose first day or
 * first guided day moved, or that are still not covered (their last try changed); the rest
 * change no count and no device's list.
 */
export async function insertVisitsAndVisitedState(
  db: Database, visits: readonly NewVisitRow[], by: { recordedBy: string | null; deviceId: string }, fresh: readonly string[],
): Promise<HouseholdVisitChange[]> {
  if (visits.length === 0) return [];
  const freshIds = uuidColumn(fresh);
  const result = await executePrepared(db, sql<HouseholdVisitChange & { inserted: boolean }>`
    with ${visitInput(visits)},
    visit_rows as (${insertVisitsFromInput(by)}),
    added as (
      select h, min(v) as v, min(p) as p, count(*)::int as n, min(d) as f,
        (count(*) filter (where o = 'guided'))::int as g, min(d) filter (where o = 'guided') as gf, max(t) as la,
        (array_agg(i order by t desc, i desc))[1] as li, (array_agg(o order by t desc, i desc))[1] as lo
      from v group by h
    ),
    fresh as (
      insert into household_visits (household_id, village_code, province_code, live_visits, first_day,
                                    guided_visits, first_guided_day, last_visit_at, last_visit_id, last_outcome)
      select h, v, p, n, f, g, gf, la, li, lo from added where h = any(${freshIds}::uuid[])
      order by h
      returning household_id, village_code, province_code, first_day, first_guided_day
    ),
    changed as (
      insert into household_visits as s (household_id, village_code, province_code, live_visits, first_day,
                                         guided_visits, first_guided_day, last_visit_at, last_visit_id, last_outcome)
      select h, v, p, n, f, g, gf, la, li, lo from added where h <> all(${freshIds}::uuid[])
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
       or first_guided_day is distinct from previous_first_guided_day or first_guided_day is null
    union all
    select household_id, village_code, province_code, first_day, null, first_guided_day, null, true from fresh`);
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
