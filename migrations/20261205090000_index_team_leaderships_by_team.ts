import { sql, type Kysely } from 'kysely';

/**
 * A team's leader on a day is looked up by team (every team of a ranking, one lookup each): the
 * only index by team was the open leaderships', which a lookup by day cannot use, so each lookup
 * scanned every leadership of the province (350 ms for the 3,091 teams of Dak Lak).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index team_leaderships_team_day_idx on team_leaderships (team_id, from_day)`.execute(db);
}
