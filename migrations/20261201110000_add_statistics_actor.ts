import { sql, type Kysely } from 'kysely';

/**
 * Who set a unit's statistic. Statistics are the denominators of most indicators: a figure set
 * to 1 turns any count into a share over 100%, so each value keeps the account that wrote it
 * (null for the command line and for sums carried forward by a merge), next to the audit entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table unit_statistics add column recorded_by uuid`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table unit_statistics drop column recorded_by`.execute(db);
}
