import { sql, type Kysely } from 'kysely';

/**
 * A version per kind of reference data — the unit tree (with the areas counts are summed in),
 * unit statistics, committees and teams, reported figures — that changes whenever any statement writes those
 * tables, so a server can keep what it derived from them (a subtree, its denominators) until
 * the version moves, and check that with one indexed read. Statement triggers, so every writer is covered, bulk or not, at one update per
 * statement. Versions come from a sequence: a rolled-back change burns its number and never
 * hands it to another change, so a version names exactly one state.
 */
const WATCHED: Record<string, readonly string[]> = {
  // The area each unit's counts are summed in follows the tree.
  units: ['units', 'unit_versions', 'rollup_area_members'],
  statistics: ['unit_statistics', 'statistic_kinds'],
  teams: ['steering_committees', 'steering_committee_members', 'teams', 'team_members', 'team_leaderships'],
  // Figures units report per period: written by officers now and then, read by every dashboard.
  reported: ['reported_values'],
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence reference_stamp_seq`.execute(db);
  await sql`
    create table reference_stamps (
      name text primary key,
      version bigint not null
    )`.execute(db);
  await sql`
    create function bump_reference_stamp() returns trigger language plpgsql as $$
    begin
      update reference_stamps set version = nextval('reference_stamp_seq') where name = tg_argv[0];
      return null;
    end
    $$`.execute(db);
  for (const [name, tables] of Object.entries(WATCHED)) {
    await sql`insert into reference_stamps (name, version) values (${name}, nextval('reference_stamp_seq'))`.execute(db);
    for (const table of tables) {
      await sql.raw(`
        create trigger ${table}_stamp after insert or update or delete or truncate on ${table}
        for each statement execute function bump_reference_stamp('${name}')`).execute(db);
    }
  }
}
