import { sql, type Kysely } from 'kysely';

/**
 * A unit's attendance across its events (people once across events, per skill) reads the
 * check-ins of the units of its subtree over a span of days: found through this index rather
 * than by scanning every check-in of the province.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index event_check_ins_unit_day_idx on event_check_ins (unit_code, day)`.execute(db);
}
