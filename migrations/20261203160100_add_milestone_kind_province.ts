import { sql, type Kysely } from 'kysely';

/**
 * A milestone kind is shared by every province (province_code null, changed by an
 * administrator) or belongs to one province, which alone sees and records it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table milestone_kinds add column province_code text`.execute(db);
  await sql`alter table milestone_kinds add column created_by uuid references users (id) on delete set null`.execute(db);
  await sql`create index milestone_kinds_province_idx on milestone_kinds (province_code) where province_code is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table milestone_kinds drop column created_by`.execute(db);
  await sql`alter table milestone_kinds drop column province_code`.execute(db);
}
