import { sql, type Kysely } from 'kysely';

/**
 * Prizes per phase: how many 1st, 2nd and 3rd prizes a phase gives. Null keeps the contest's
 * rule, so contests made before this change rank exactly as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table contest_phases add column prizes jsonb`.execute(db);
}
