import { sql, type Kysely } from 'kysely';

/**
 * Counts summed per area — the commune-level unit a lowest unit belongs to in the latest tree —
 * beside the per-village counts, so the province dashboard reads about a hundred areas instead
 * of thousands of villages times every day:
 *
 * - `rollup_area_members`: the area each lowest unit's counts were added to. Reads compare it
 *   with the tree on the day they ask about and fall back to the village counts for any unit
 *   whose area has changed since, so a reorganisation never gives a wrong figure.
 * - `rollup_area_counts`: per source × area × day, for figures on a past day.
 * - `rollup_area_totals`: per source × area, all days: a figure today is one row, a figure on a
 *   past day is the total less the days after it.
 *
 * Filled here from the counts already kept; afterwards the rollups module writes all three in
 * the transaction that writes the village counts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table rollup_area_members (
      unit_code text primary key,
      area_code text not null,
      province_code text not null,
      valid_from date not null
    )`.execute(db);
  await sql`create index rollup_area_members_province_idx on rollup_area_members (province_code)`.execute(db);
  await sql`
    create table rollup_area_counts (
      area_code text not null,
      source text not null,
      day date not null,
      province_code text not null,
      value bigint not null,
      primary key (area_code, source, day)
    )`.execute(db);
  // A figure on a past day subtracts the days after it: a short range of this index.
  await sql`create index rollup_area_counts_day_idx on rollup_area_counts (province_code, day)`.execute(db);
  await sql`
    create table rollup_area_totals (
      area_code text not null,
      source text not null,
      province_code text not null,
      value bigint not null,
      primary key (area_code, source)
    )`.execute(db);
  // A province's figure reads all its areas' totals of a few sources: a few short ranges.
  await sql`create index rollup_area_totals_province_idx on rollup_area_totals (province_code, source)`.execute(db);

  await sql`
    insert into rollup_area_members (unit_code, area_code, province_code, valid_from)
    with recursive climb(start, code, depth) as (
      select c, c, 0 from (select distinct unit_code as c from rollup_counts) counted
      union all
      select climb.start,
        coalesce(u.successor_code, (select v.parent_code from unit_versions v where v.code = u.code order by v.valid_from desc limit 1)),
        climb.depth + 1
      from climb join units u on u.code = climb.code
      where climb.depth < 64 and (u.successor_code is not null or u.tier = 'village')
    ),
    area as (
      select distinct on (start) start, code from climb where code is not null order by start, depth desc
    )
    select s.code, a.code, s.province_code, s.valid_from from area a join units s on s.code = a.start`.execute(db);
  // A code the tree does not know is its own area, as the rollups module does.
  await sql`
    insert into rollup_area_members (unit_code, area_code, province_code, valid_from)
    select distinct on (unit_code) unit_code, unit_code, province_code, date '0001-01-01' from rollup_counts
    where unit_code not in (select unit_code from rollup_area_members)
    order by unit_code`.execute(db);
  await sql`
    insert into rollup_area_counts (area_code, source, day, province_code, value)
    select m.area_code, r.source, r.day, r.province_code, sum(r.value)
    from rollup_counts r join rollup_area_members m on m.unit_code = r.unit_code
    group by m.area_code, r.source, r.day, r.province_code`.execute(db);
  await sql`
    insert into rollup_area_totals (area_code, source, province_code, value)
    select area_code, source, province_code, sum(value) from rollup_area_counts
    group by area_code, source, province_code`.execute(db);
}
