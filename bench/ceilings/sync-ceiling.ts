import { sql } from 'kysely';
import type { Database } from '../../src/db/database.js';

/** One visit of the sync benchmark: a household visited, one resident helped to one milestone. */
export interface CeilingVisit {
  id: string;
  householdId: string;
  residentId: string;
  /** ISO instant of the visit, and its Vietnam day. */
  visitedAt: string;
  day: string;
  milestone: string;
}

/** Where the visits happen and who sends them: fixed for a run, looked up once before it. */
export interface CeilingPlace {
  villageCode: string;
  provinceCode: string;
  /** The rollup area the village's counts go to (rollup_area_members). */
  areaCode: string;
  userId: string;
  deviceId: string;
  skill: string;
}

/**
 * The sync ingest's ceiling: the rows the write path writes for a batch of guided visits —
 * the claimed item ids, the visits, the households' visited state, the milestones and the kinds
 * residents hold, the change-feed touches and the rollup changes of every level — written by
 * one plain SQL statement in one transaction, with no HTTP, no validation and no look-ups.
 * The same rules decide which rows change (a household counts on its first day, a person holds
 * a kind from its first day), so both sides do the same work in the database;
 * `ceilings.test.ts` counts the rows each writes and keeps them equal.
 */
export async function writeVisitsBySql(db: Database, place: CeilingPlace, visits: readonly CeilingVisit[]): Promise<void> {
  if (visits.length === 0) return;
  const column = <K extends keyof CeilingVisit>(key: K) => visits.map((v) => v[key]);
  await db.transaction().execute(async (trx) => {
    await sql`
      with v as (
        select * from unnest(${column('id')}::uuid[], ${column('householdId')}::uuid[], ${column('residentId')}::uuid[],
                             ${column('visitedAt')}::timestamptz[], ${column('day')}::date[], ${column('milestone')}::text[])
          as v(id, household_id, resident_id, visited_at, day, kind)
      ),
      claimed as (
        insert into sync_items (id, province_code, device_id, user_id, kind, status)
        select id, ${place.provinceCode}, ${place.deviceId}::uuid, ${place.userId}::uuid, 'visit', 'applied' from v
      ),
      visit_rows as (
        insert into visits (id, household_id, village_code, province_code, visited_at, day, recorded_by, device_id,
                            people_present, skills_taught, outcome)
        select id, household_id, ${place.villageCode}, ${place.provinceCode}, visited_at, day, ${place.userId}::uuid,
               ${place.deviceId}::uuid, array[resident_id], array[${place.skill}::text], 'guided' from v
      ),
      visited as (
        insert into household_visits as s (household_id, village_code, province_code, live_visits, first_day,
                                           guided_visits, first_guided_day, last_visit_at, last_visit_id, last_outcome)
        select household_id, ${place.villageCode}, ${place.provinceCode}, count(*), min(day), count(*), min(day),
               max(visited_at), (array_agg(id order by visited_at desc, id desc))[1], 'guided'
        from v group by household_id order by household_id
        on conflict (household_id, province_code) do update set
          live_visits = s.live_visits + excluded.live_visits,
          previous_first_day = s.first_day, first_day = least(s.first_day, excluded.first_day),
          guided_visits = s.guided_visits + excluded.guided_visits,
          previous_first_guided_day = s.first_guided_day, first_guided_day = least(s.first_guided_day, excluded.first_guided_day),
          last_outcome = case when s.last_visit_at is null or (excluded.last_visit_at, excluded.last_visit_id) > (s.last_visit_at, s.last_visit_id)
                              then excluded.last_outcome else s.last_outcome end,
          last_visit_id = case when s.last_visit_at is null or (excluded.last_visit_at, excluded.last_visit_id) > (s.last_visit_at, s.last_visit_id)
                               then excluded.last_visit_id else s.last_visit_id end,
          last_visit_at = greatest(s.last_visit_at, excluded.last_visit_at)
        returning household_id, first_day, first_guided_day,
                  case when xmax = 0 then null else previous_first_day end as before_day,
                  case when xmax = 0 then null else previous_first_guided_day end as before_guided_day
      ),
      facts as (
        insert into milestones (id, resident_id, kind, achieved_on, source, visit_id, recorded_by, unit_code, province_code)
        select gen_random_uuid(), resident_id, kind, day, 'visit', id, ${place.userId}::uuid, ${place.villageCode}, ${place.provinceCode} from v
      ),
      held as (
        insert into resident_milestones as s (resident_id, kind, village_code, province_code, first_on, facts)
        select resident_id, kind, ${place.villageCode}, ${place.provinceCode}, min(day), count(*)
        from v group by resident_id, kind order by resident_id, kind
        on conflict (resident_id, kind, province_code) do update set
          facts = s.facts + excluded.facts, previous_first_on = s.first_on, first_on = least(s.first_on, excluded.first_on)
        returning resident_id, kind, first_on, case when xmax = 0 then null else previous_first_on end as before_on
      ),
      touched_households as (
        update households set change_seq = nextval('people_change_seq')
        where id in (select household_id from visited
                     where before_day is null or before_guided_day is null or first_guided_day is null)
      ),
      touched_residents as (
        update residents set change_seq = nextval('people_change_seq')
        where id in (select resident_id from held where before_on is null)
      ),
      deltas (source, day, value) as (
        select 'visits', day, count(*) from v group by day
        union all select 'households_visited', before_day, -1 from visited where before_day is distinct from first_day and before_day is not null
        union all select 'households_visited', first_day, 1 from visited where before_day is distinct from first_day
        union all select 'households_covered', before_guided_day, -1 from visited where before_guided_day is distinct from first_guided_day and before_guided_day is not null
        union all select 'households_covered', first_guided_day, 1 from visited where before_guided_day is distinct from first_guided_day
        union all select 'milestone:' || kind, before_on, -1 from held where before_on is distinct from first_on and before_on is not null
        union all select 'milestone:' || kind, first_on, 1 from held where before_on is distinct from first_on
      ),
      merged as (
        select source, day, sum(value)::bigint as value from deltas group by source, day having sum(value) <> 0
      ),
      unit_counts as (
        insert into rollup_counts (source, unit_code, day, province_code, value)
        select source, ${place.villageCode}, day, ${place.provinceCode}, value from merged order by source, day
        on conflict (source, unit_code, day, province_code) do update set value = rollup_counts.value + excluded.value
      ),
      area_counts as (
        insert into rollup_area_counts (area_code, source, day, province_code, value)
        select ${place.areaCode}, source, day, ${place.provinceCode}, value from merged order by source, day
        on conflict (area_code, source, day, province_code) do update set value = rollup_area_counts.value + excluded.value
      )
      insert into rollup_area_totals (area_code, source, province_code, value)
      select ${place.areaCode}, source, ${place.provinceCode}, sum(value) from merged group by source order by source
      on conflict (area_code, source, province_code) do update set value = rollup_area_totals.value + excluded.value`.execute(trx);
  });
}

/** The area a village's counts go to, as the write path recorded it when it first counted there. */
export async function areaOfVillage(db: Database, villageCode: string): Promise<string> {
  const result = await sql<{ area_code: string }>`select area_code from rollup_area_members where unit_code = ${villageCode}`.execute(db);
  const area = result.rows[0]?.area_code;
  if (!area) throw new Error(`no rollup area recorded for ${villageCode}: write through the real path first`);
  return area;
}
