import { sql, type Kysely } from 'kysely';

/**
 * "Skills confirmed (guided)": a team member who checked a person's basic digital skills during
 * a visit records which of the skills were checked, so the learning work can build on it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table milestones add column skills text[]`.execute(db);
}
