import { sql, type Kysely } from 'kysely';

/** An officer acknowledges an alert: who and when, so the list shows what still needs a look. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table progress_alerts add column acknowledged_at timestamptz, add column acknowledged_by uuid references users (id) on delete set null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table progress_alerts drop column acknowledged_at, drop column acknowledged_by`.execute(db);
}
