import { sql, type Kysely } from 'kysely';

/**
 * A household is covered when someone in it was guided; a "not home", "refused" or "follow up"
 * visit is recorded but leaves the household on the come-back list. The visited state of each
 * household gains its live guided visits, the day of the earliest (the day it counts as covered,
 * the `households_covered` rollup source), and the instant and outcome of its latest live visit
 * (the date and reason of the last try). Existing visits are counted here, and their covered
 * households added to the rollups and their areas, so a server upgraded in place needs no rebuild.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table household_visits
      add column guided_visits integer not null default 0 check (guided_visits >= 0),
      add column first_guided_day date,
      add column previous_first_guided_day date,
      add column last_visit_at timestamptz,
      add column last_visit_id uuid,
      add column last_outcome text`.execute(db);
  await sql`
    update household_visits s set
      guided_visits = c.guided, first_guided_day = c.first_guided,
      last_visit_at = c.last_at, last_visit_id = c.last_id, last_outcome = c.last_outcome
    from (
      select household_id,
        count(*) filter (where outcome = 'guided')::int as guided,
        min(day) filter (where outcome = 'guided') as first_guided,
        max(visited_at) as last_at,
        (array_agg(id order by visited_at desc, id desc))[1] as last_id,
        (array_agg(outcome order by visited_at desc, id desc))[1] as last_outcome
      from visits v
      where not exists (select 1 from visits c where c.supersedes = v.id)
      group by household_id
    ) c
    where c.household_id = s.household_id`.execute(db);
  await sql`
    insert into rollup_counts (source, unit_code, day, province_code, value)
    select 'households_covered', village_code, first_guided_day, province_code, count(*)
    from household_visits where first_guided_day is not null
    group by village_code, first_guided_day, province_code`.execute(db);
  await sql`
    insert into rollup_area_counts (area_code, source, day, province_code, value)
    select m.area_code, r.source, r.day, r.province_code, sum(r.value)
    from rollup_counts r join rollup_area_members m on m.unit_code = r.unit_code
    where r.source = 'households_covered'
    group by m.area_code, r.source, r.day, r.province_code`.execute(db);
  await sql`
    insert into rollup_area_totals (area_code, source, province_code, value)
    select area_code, source, province_code, sum(value) from rollup_area_counts
    where source = 'households_covered'
    group by area_code, source, province_code`.execute(db);
}
