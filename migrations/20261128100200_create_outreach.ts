import { sql, type Kysely } from 'kysely';

/**
 * Visits (append-only facts: a correction is a new visit that `supersedes` the old one), the
 * derived visited-state of each household, and the field sync's ledger and conflict list.
 * Like the milestones, the tables every sync batch writes carry no foreign keys: the sync
 * service checks the references of a whole batch in a few queries before writing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table visits (
      id uuid primary key,
      household_id uuid not null,
      village_code text not null,
      province_code text not null,
      visited_at timestamptz not null,
      day date not null,
      recorded_by uuid,
      device_id uuid not null,
      people_present uuid[] not null default '{}',
      skills_taught text[] not null default '{}',
      outcome text not null check (outcome in ('guided', 'not_home', 'refused', 'follow_up')),
      notes text,
      supersedes uuid,
      recorded_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index visits_household_idx on visits (household_id, day)`.execute(db);
  // A visit is corrected once; a second correction names the latest version instead.
  await sql`create unique index visits_supersedes_idx on visits (supersedes) where supersedes is not null`.execute(db);

  // Per household: how many visits are live and the day of the earliest, kept with each visit so
  // "households visited" counts a household once, on the day it was first reached.
  await sql`
    create table household_visits (
      household_id uuid primary key,
      village_code text not null,
      province_code text not null,
      live_visits integer not null check (live_visits >= 0),
      first_day date,
      previous_first_day date
    ) with (fillfactor = 80)`.execute(db);

  // The idempotency ledger: an item id the server has taken answers "duplicate" ever after.
  await sql`
    create table sync_items (
      id uuid primary key,
      device_id uuid not null,
      user_id uuid,
      kind text not null,
      status text not null check (status in ('applied', 'conflict')),
      received_at timestamptz not null default now()
    )`.execute(db);

  // The losing side of concurrent edits, kept for the commune officer.
  await sql`
    create table sync_conflicts (
      id uuid primary key,
      item_id uuid not null,
      record_kind text not null check (record_kind in ('household', 'resident')),
      record_id uuid not null,
      village_code text not null references units (code),
      province_code text not null,
      losing_side text not null check (losing_side in ('incoming', 'stored')),
      base_revision integer,
      stored_revision integer not null,
      lost_data jsonb not null,
      lost_recorded_at timestamptz not null,
      lost_device_id uuid,
      lost_user_id uuid references users (id) on delete set null,
      won_recorded_at timestamptz not null,
      detected_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index sync_conflicts_village_idx on sync_conflicts (village_code, id)`.execute(db);
}
