import { sql, type Insertable, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { SteeringCommitteeMembersTable, SteeringCommitteesTable } from '../../db/types.js';

export type CommitteeRow = Selectable<SteeringCommitteesTable>;
export type CommitteeMemberRow = Selectable<SteeringCommitteeMembersTable>;

export async function findCommittee(db: Database, unitCode: string): Promise<CommitteeRow | undefined> {
  return db.selectFrom('steering_committees').selectAll().where('unit_code', '=', unitCode).executeTakeFirst();
}

export async function committeeMembers(db: Database, unitCode: string): Promise<CommitteeMemberRow[]> {
  return db.selectFrom('steering_committee_members').selectAll().where('unit_code', '=', unitCode).orderBy('sort_order').execute();
}

/** Writes the committee's decision, creating the committee on first use. */
export async function upsertCommittee(db: Database, row: Omit<Insertable<SteeringCommitteesTable>, 'updated_at'>): Promise<void> {
  await upsertCommittees(db, [row]);
}

/** upsertCommittee for many communes in one statement. */
export async function upsertCommittees(db: Database, rows: readonly Omit<Insertable<SteeringCommitteesTable>, 'updated_at'>[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('steering_committees')
    .values([...rows])
    .onConflict((oc) => oc.columns(['unit_code', 'province_code']).doUpdateSet((eb) => ({
      decision_number: eb.ref('excluded.decision_number'),
      decision_date: eb.ref('excluded.decision_date'),
      updated_by: eb.ref('excluded.updated_by'),
      updated_at: sql`now()`,
    })))
    .execute();
}

/** replaceCommitteeMembers for many communes: one statement to remove, one per thousand members to add. */
export async function replaceMembersOfCommittees(db: Database, unitCodes: readonly string[], rows: readonly Insertable<SteeringCommitteeMembersTable>[]): Promise<void> {
  if (unitCodes.length === 0) return;
  await db.deleteFrom('steering_committee_members').where('unit_code', 'in', [...unitCodes]).execute();
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('steering_committee_members').values(rows.slice(i, i + 1000)).execute();
}

export async function replaceCommitteeMembers(db: Database, unitCode: string, rows: Insertable<SteeringCommitteeMembersTable>[]): Promise<void> {
  await db.deleteFrom('steering_committee_members').where('unit_code', '=', unitCode).execute();
  if (rows.length > 0) await db.insertInto('steering_committee_members').values(rows).execute();
}

/** Of `codes`, those whose committee was decided on or before `day`. */
export async function unitsWithCommittee(db: Database, codes: readonly string[], day: string): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('steering_committees')
    .select('unit_code')
    .where(sql<boolean>`unit_code = any(${[...codes]}::text[])`)
    .where('decision_date', '<=', day)
    .execute();
  return rows.map((row) => row.unit_code);
}

/** Of the committees of `codes` decided by `day`, the latest decided. */
export async function latestCommitteeOf(db: Database, codes: readonly string[], day: string): Promise<CommitteeRow | undefined> {
  if (codes.length === 0) return undefined;
  return db.selectFrom('steering_committees').selectAll()
    .where(sql<boolean>`unit_code = any(${[...codes]}::text[])`)
    .where('decision_date', '<=', day)
    .orderBy('decision_date', 'desc').orderBy('unit_code')
    .limit(1)
    .executeTakeFirst();
}
