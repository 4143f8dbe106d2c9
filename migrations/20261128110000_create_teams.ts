import { sql, type Kysely } from 'kysely';

/**
 * Steering committees (one per commune-level unit) and community digital technology teams (one
 * per village-level or commune-level unit) with their members and leaders. Every row carries the
 * unit it belongs to and that unit's province: `province_code` is the future distribution key.
 * Members leave by a dated end and are never deleted; leadership is a dated period per member,
 * and at most one period per team is open.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table steering_committees (
      unit_code text primary key references units (code),
      province_code text not null,
      decision_number text not null,
      decision_date date not null,
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index steering_committees_province_idx on steering_committees (province_code)`.execute(db);

  await sql`
    create table steering_committee_members (
      id uuid primary key,
      unit_code text not null references steering_committees (unit_code),
      province_code text not null,
      sort_order integer not null,
      full_name text not null,
      position text not null,
      committee_role text not null check (committee_role in ('chair', 'deputy', 'member')),
      user_id uuid references users (id) on delete set null,
      unique (unit_code, sort_order)
    )`.execute(db);
  // At most one chair: a committee decision names one.
  await sql`create unique index steering_committee_members_chair_idx on steering_committee_members (unit_code) where committee_role = 'chair'`.execute(db);

  await sql`
    create table teams (
      id uuid primary key,
      unit_code text not null unique references units (code),
      province_code text not null,
      name text not null,
      decision_number text,
      decision_date date,
      established_on date not null,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index teams_province_idx on teams (province_code)`.execute(db);

  await sql`
    create table team_members (
      id uuid primary key,
      team_id uuid not null references teams (id),
      unit_code text not null,
      province_code text not null,
      full_name text not null,
      affiliation text not null check (affiliation in ('village_head', 'youth_union', 'womens_union', 'teacher', 'commune_police', 'telecom', 'resident', 'other')),
      phone text,
      user_id uuid references users (id) on delete set null,
      joined_on date not null,
      left_on date,
      created_at timestamptz not null default now(),
      check (left_on is null or left_on >= joined_on)
    )`.execute(db);
  await sql`create index team_members_team_idx on team_members (team_id, joined_on)`.execute(db);
  // Coverage counts members active on a day across a subtree's units.
  await sql`create index team_members_unit_idx on team_members (unit_code, joined_on)`.execute(db);
  // One account stands for one current member of a team.
  await sql`create unique index team_members_user_idx on team_members (team_id, user_id) where user_id is not null and left_on is null`.execute(db);

  await sql`
    create table team_leaderships (
      id bigint generated always as identity primary key,
      team_id uuid not null references teams (id),
      member_id uuid not null references team_members (id),
      unit_code text not null,
      province_code text not null,
      from_day date not null,
      to_day date,
      check (to_day is null or to_day >= from_day)
    )`.execute(db);
  // Exactly one leader at a time: the open period is unique per team, and changes only go forward.
  await sql`create unique index team_leaderships_open_idx on team_leaderships (team_id) where to_day is null`.execute(db);
  await sql`create index team_leaderships_member_idx on team_leaderships (member_id)`.execute(db);
}
