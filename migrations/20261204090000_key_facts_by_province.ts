import { sql, type Kysely } from 'kysely';

/**
 * Every primary and unique key of a table distributed by province gets `province_code`: Citus
 * enforces a key on a distributed table only when it includes the distribution column. The
 * column goes after the key's own columns, so each index still serves the lookups it served
 * (a visit by id, a team by unit code, a day's count by source and unit) with no second index
 * beside it, and a row is written to as many indexes as before. Foreign keys between two such
 * tables become composite, so a child row and its parent share a province and a worker.
 * Tables whose children lack the column yet (contests, participants, courses, enrolments,
 * materials, reported values) keep their primary key until a later migration gives the children
 * the column.
 */

/** Table, constraint, columns: primary keys and unique constraints, rebuilt under their own names. */
const CONSTRAINTS: [table: string, name: string, kind: 'primary key' | 'unique', columns: string][] = [
  ['certificates', 'certificates_pkey', 'primary key', 'id'],
  ['certificates', 'certificates_code_key', 'unique', 'code'],
  ['certificates', 'certificates_milestone_id_key', 'unique', 'milestone_id'],
  ['communication_activities', 'communication_activities_pkey', 'primary key', 'id'],
  ['contest_attempts', 'contest_attempts_pkey', 'primary key', 'id'],
  ['contest_attempts', 'contest_attempts_contest_id_participant_id_day_seq_key', 'unique', 'contest_id, participant_id, day, seq'],
  ['contest_entries', 'contest_entries_pkey', 'primary key', 'contest_id, participant_id'],
  ['contest_participants', 'contest_participants_token_hash_key', 'unique', 'token_hash'],
  ['course_completions', 'course_completions_pkey', 'primary key', 'id'],
  ['difficulties', 'difficulties_pkey', 'primary key', 'id'],
  ['event_campaigns', 'event_campaigns_pkey', 'primary key', 'id'],
  ['events', 'events_pkey', 'primary key', 'id'],
  ['event_check_ins', 'event_check_ins_pkey', 'primary key', 'id'],
  ['event_registrations', 'event_registrations_pkey', 'primary key', 'id'],
  ['event_registrations', 'event_registrations_code_key', 'unique', 'code'],
  ['household_assignments', 'household_assignments_pkey', 'primary key', 'household_id'],
  ['household_visits', 'household_visits_pkey', 'primary key', 'household_id'],
  ['households', 'households_pkey', 'primary key', 'id'],
  ['member_syncs', 'member_syncs_pkey', 'primary key', 'village_code, user_id'],
  ['milestones', 'milestones_pkey', 'primary key', 'id'],
  ['progress_alerts', 'progress_alerts_pkey', 'primary key', 'id'],
  ['resident_milestones', 'resident_milestones_pkey', 'primary key', 'resident_id, kind'],
  ['residents', 'residents_pkey', 'primary key', 'id'],
  ['rollup_area_counts', 'rollup_area_counts_pkey', 'primary key', 'area_code, source, day'],
  ['rollup_area_members', 'rollup_area_members_pkey', 'primary key', 'unit_code'],
  ['rollup_area_totals', 'rollup_area_totals_pkey', 'primary key', 'area_code, source'],
  ['rollup_counts', 'rollup_counts_pkey', 'primary key', 'source, unit_code, day'],
  ['skill_check_attempts', 'skill_check_attempts_pkey', 'primary key', 'id'],
  ['statistic_proposals', 'statistic_proposals_pkey', 'primary key', 'id'],
  ['steering_committees', 'steering_committees_pkey', 'primary key', 'unit_code'],
  ['steering_committee_members', 'steering_committee_members_pkey', 'primary key', 'id'],
  ['steering_committee_members', 'steering_committee_members_unit_code_sort_order_key', 'unique', 'unit_code, sort_order'],
  ['sync_conflicts', 'sync_conflicts_pkey', 'primary key', 'id'],
  ['teams', 'teams_pkey', 'primary key', 'id'],
  ['teams', 'teams_unit_code_key', 'unique', 'unit_code'],
  ['team_members', 'team_members_pkey', 'primary key', 'id'],
  ['team_leaderships', 'team_leaderships_pkey', 'primary key', 'id'],
  ['unit_statistics', 'unit_statistics_pkey', 'primary key', 'unit_code, kind, as_of'],
  ['visits', 'visits_pkey', 'primary key', 'id'],
];

/** Table, index, columns, condition: partial unique indexes, rebuilt under their own names. */
const PARTIAL_UNIQUE_INDEXES: [table: string, name: string, columns: string, where: string][] = [
  ['course_completions', 'course_completions_user_idx', 'course_id, user_id', 'user_id is not null'],
  ['course_completions', 'course_completions_resident_idx', 'course_id, resident_id', 'resident_id is not null'],
  ['enrolments', 'enrolments_course_user_idx', 'course_id, user_id', 'user_id is not null'],
  ['enrolments', 'enrolments_course_resident_idx', 'course_id, resident_id', 'resident_id is not null'],
  ['event_check_ins', 'event_check_ins_person_idx', 'event_id, person_key', 'person_key is not null'],
  ['steering_committee_members', 'steering_committee_members_chair_idx', 'unit_code', "committee_role = 'chair'"],
  ['team_leaderships', 'team_leaderships_open_idx', 'team_id', 'to_day is null'],
  ['team_members', 'team_members_user_idx', 'team_id, user_id', 'user_id is not null and left_on is null'],
  ['visits', 'visits_supersedes_idx', 'supersedes', 'supersedes is not null'],
];

/** Child table, constraint, column, parent: foreign keys between distributed tables, made composite. */
const FOREIGN_KEYS: [table: string, name: string, column: string, parent: string, parentColumn: string][] = [
  ['events', 'events_campaign_id_fkey', 'campaign_id', 'event_campaigns', 'id'],
  ['event_check_ins', 'event_check_ins_event_id_fkey', 'event_id', 'events', 'id'],
  ['event_registrations', 'event_registrations_event_id_fkey', 'event_id', 'events', 'id'],
  ['team_members', 'team_members_team_id_fkey', 'team_id', 'teams', 'id'],
  ['team_leaderships', 'team_leaderships_team_id_fkey', 'team_id', 'teams', 'id'],
  ['team_leaderships', 'team_leaderships_member_id_fkey', 'member_id', 'team_members', 'id'],
  ['steering_committee_members', 'steering_committee_members_unit_code_fkey', 'unit_code', 'steering_committees', 'unit_code'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, name] of FOREIGN_KEYS) {
    await sql`alter table ${sql.id(table)} drop constraint ${sql.id(name)}`.execute(db);
  }
  for (const [table, name, kind, columns] of CONSTRAINTS) {
    await sql.raw(`alter table ${table} drop constraint ${name}, add constraint ${name} ${kind} (${columns}, province_code)`).execute(db);
  }
  for (const [table, name, columns, where] of PARTIAL_UNIQUE_INDEXES) {
    await sql.raw(`drop index ${name}`).execute(db);
    await sql.raw(`create unique index ${name} on ${table} (${columns}, province_code) where ${where}`).execute(db);
  }
  for (const [table, name, column, parent, parentColumn] of FOREIGN_KEYS) {
    await sql.raw(`alter table ${table} add constraint ${name} foreign key (${column}, province_code) references ${parent} (${parentColumn}, province_code)`).execute(db);
  }
}
