import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

/** When an account last pulled a village: one row per account and village, overwritten. */
export async function touchMemberSync(db: Database, row: { userId: string; villageCode: string; provinceCode: string; at: Date }): Promise<void> {
  await db.insertInto('member_syncs')
    .values({ user_id: row.userId, village_code: row.villageCode, province_code: row.provinceCode, last_synced_at: row.at })
    .onConflict((oc) => oc.columns(['village_code', 'user_id', 'province_code']).doUpdateSet({ last_synced_at: row.at }))
    .execute();
}

export function selectMemberSyncs(db: Database, villageCode: string): Promise<{ user_id: string; last_synced_at: Date }[]> {
  return db.selectFrom('member_syncs').select(['user_id', 'last_synced_at']).where('village_code', '=', villageCode).execute();
}

export function selectAssignments(db: Database, villageCode: string): Promise<{ household_id: string; user_id: string }[]> {
  return db.selectFrom('household_assignments').select(['household_id', 'user_id']).where('village_code', '=', villageCode).execute();
}

export async function selectAssignedTo(db: Database, villageCode: string, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('household_assignments').select('household_id')
    .where('village_code', '=', villageCode).where('user_id', '=', userId).execute();
  return rows.map((row) => row.household_id);
}

/** Assigns (or reassigns) households to one member: one row per household, replaced. */
export async function upsertAssignments(
  db: Database, rows: readonly { householdId: string; villageCode: string; provinceCode: string }[], userId: string, assignedBy: string,
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('household_assignments')
    .values(rows.map((r) => ({ household_id: r.householdId, village_code: r.villageCode, province_code: r.provinceCode, user_id: userId, assigned_by: assignedBy })))
    .onConflict((oc) => oc.columns(['household_id', 'province_code']).doUpdateSet((eb) => ({
      user_id: eb.ref('excluded.user_id'), assigned_by: eb.ref('excluded.assigned_by'), assigned_at: sql<Date>`now()`,
    })))
    .execute();
}

export async function deleteAssignments(db: Database, householdIds: readonly string[]): Promise<void> {
  if (householdIds.length === 0) return;
  await db.deleteFrom('household_assignments').where(sql<boolean>`household_id = any(${[...householdIds]}::uuid[])`).execute();
}

export interface VisitCounts {
  recorded_by: string | null;
  visits_day: number;
  visits_range: number;
  people_day: number;
  people_range: number;
}

/**
 * Live visits (not replaced by a correction) to these households in [from, to], per recorder,
 * with the distinct people present at guided ones: on `to` and over the range. Goes through the
 * (household_id, day) index, a village's households at a time.
 */
export async function countVisitsByRecorder(db: Database, householdIds: readonly string[], from: string, to: string): Promise<VisitCounts[]> {
  if (householdIds.length === 0) return [];
  const result = await sql<VisitCounts>`
    with live as (
      select v.recorded_by, v.day, v.outcome, v.people_present from visits v
      where v.household_id = any(${[...householdIds]}::uuid[]) and v.day between ${from}::date and ${to}::date
        and not exists (select 1 from visits c where c.supersedes = v.id)
    ),
    counts as (
      select recorded_by, (count(*) filter (where day = ${to}::date))::int as visits_day, count(*)::int as visits_range
      from live group by recorded_by
    ),
    people as (
      select recorded_by, (count(distinct p) filter (where day = ${to}::date))::int as people_day, count(distinct p)::int as people_range
      from live cross join lateral unnest(people_present) as p where outcome = 'guided' group by recorded_by
    )
    select c.recorded_by, c.visits_day, c.visits_range, coalesce(p.people_day, 0) as people_day, coalesce(p.people_range, 0) as people_range
    from counts c left join people p on p.recorded_by is not distinct from c.recorded_by`.execute(db);
  return result.rows;
}
