import { sql, type Kysely } from 'kysely';

/**
 * Targets, their changes and statuses, reported figures with their history, and the sync
 * ledger, distributed by province: each gets `province_code` where it lacked it (a target's from
 * its unit, a figure's step from the figure) and every key gets the column after its own
 * columns, so each index still serves the lookups it served.
 */

/** Table, the province of a row (x is the row), in fill order. */
const FILLS: [table: string, from: string][] = [
  ['targets', 'select u.province_code from units u where u.code = x.unit_code'],
  ['target_changes', 'select u.province_code from units u where u.code = x.unit_code'],
  ['indicator_status', 'select u.province_code from units u where u.code = x.unit_code'],
  ['reported_value_history', 'select r.province_code from reported_values r where r.id = x.reported_value_id'],
  // A receipt's province is its account's (a device syncs the villages of its account's scope);
  // failing that, the record it wrote, whose id the first item of a record takes.
  ['sync_items', `select coalesce(
      (select u.province_code from users a join units u on u.code = a.scope_unit_code where a.id = x.user_id),
      (select v.province_code from visits v where v.id = x.id),
      (select h.province_code from households h where h.id = x.id),
      (select r.province_code from residents r where r.id = x.id),
      (select m.province_code from milestones m where m.id = x.id))`],
];

/** Table, constraint, kind, columns: keys rebuilt under their own names with the province code last. */
const CONSTRAINTS: [table: string, name: string, kind: 'primary key' | 'unique', columns: string][] = [
  ['targets', 'targets_pkey', 'primary key', 'indicator_code, unit_code'],
  ['target_changes', 'target_changes_pkey', 'primary key', 'id'],
  ['indicator_status', 'indicator_status_pkey', 'primary key', 'indicator_code, unit_code'],
  ['reported_values', 'reported_values_pkey', 'primary key', 'id'],
  ['reported_values', 'reported_values_indicator_code_unit_code_period_type_period_key', 'unique', 'indicator_code, unit_code, period_type, period_start'],
  ['reported_value_history', 'reported_value_history_pkey', 'primary key', 'id'],
  ['sync_items', 'sync_items_pkey', 'primary key', 'id'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, from] of FILLS) {
    await sql.raw(`alter table ${table} add column province_code text`).execute(db);
    await sql.raw(`update ${table} x set province_code = (${from})`).execute(db);
  }
  // A receipt placed neither by its account's scope nor by a record of its id cannot be given a
  // province, so it is dropped: should a device send that item again, it is applied as new.
  await sql`delete from sync_items where province_code is null`.execute(db);
  for (const [table] of FILLS) {
    await sql.raw(`alter table ${table} alter column province_code set not null`).execute(db);
  }
  await sql`alter table reported_value_history drop constraint reported_value_history_reported_value_id_fkey`.execute(db);
  for (const [table, name, kind, columns] of CONSTRAINTS) {
    await sql.raw(`alter table ${table} drop constraint ${name}, add constraint ${name} ${kind} (${columns}, province_code)`).execute(db);
  }
  await sql`
    alter table reported_value_history add constraint reported_value_history_reported_value_id_fkey
      foreign key (reported_value_id, province_code) references reported_values (id, province_code)`.execute(db);
}
