import { sql, type Kysely } from 'kysely';

/**
 * Events and communication: province-wide campaigns (the Week), events per unit, registrations
 * with a short code, check-ins (the counted facts, one per person per event), the materials
 * library (files in the database, in chunks) and communication activities per unit.
 * `province_code` on every row is the future distribution key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table event_campaigns (
      id uuid primary key,
      province_code text not null references units (code),
      kind text not null check (kind in ('week', 'other')),
      title text not null,
      starts_on date not null,
      ends_on date not null,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table events (
      id uuid primary key,
      unit_code text not null references units (code),
      commune_code text not null,
      province_code text not null,
      type text not null,
      title text not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null check (ends_at > starts_at),
      place text,
      capacity integer check (capacity > 0),
      skills text[] not null default '{}',
      organiser text,
      campaign_id uuid references event_campaigns (id),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index events_unit_idx on events (unit_code, starts_at)`.execute(db);
  await sql`create index events_campaign_idx on events (campaign_id, commune_code)`.execute(db);

  await sql`
    create table event_registrations (
      id uuid primary key,
      event_id uuid not null references events (id),
      code text not null unique,
      full_name text not null,
      phone_hash text,
      phone_last3 text,
      resident_id uuid,
      unit_code text,
      province_code text not null,
      registered_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index event_registrations_event_idx on event_registrations (event_id)`.execute(db);

  // person_key names who came ('reg:<code>' or 'res:<id>'); null for a head count of walk-ins.
  // The unique index is what makes the same person on two phones count once.
  await sql`
    create table event_check_ins (
      id uuid primary key,
      event_id uuid not null references events (id),
      person_key text,
      head_count integer not null check (head_count > 0),
      skill text,
      checked_in_at timestamptz not null,
      day date not null,
      unit_code text not null,
      province_code text not null,
      in_week boolean not null,
      device_id uuid,
      user_id uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index event_check_ins_person_idx on event_check_ins (event_id, person_key) where person_key is not null`.execute(db);

  await sql`
    create table materials (
      id uuid primary key,
      province_code text not null,
      unit_code text not null,
      kind text not null,
      title text not null,
      target_group text,
      language text not null,
      media_type text not null,
      file_name text not null,
      size_bytes integer not null,
      uploaded_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index materials_unit_idx on materials (unit_code, created_at)`.execute(db);
  await sql`
    create table material_chunks (
      material_id uuid not null references materials (id) on delete cascade,
      seq integer not null,
      bytes bytea not null,
      primary key (material_id, seq)
    )`.execute(db);

  await sql`
    create table communication_activities (
      id uuid primary key,
      unit_code text not null references units (code),
      province_code text not null,
      kind text not null,
      day date not null,
      reach integer check (reach >= 0),
      note text,
      recorded_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index communication_activities_unit_idx on communication_activities (unit_code, day)`.execute(db);
}
