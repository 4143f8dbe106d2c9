import { sql, type Kysely } from 'kysely';

/**
 * The team leader's desk: which member goes to which household (one member per household at a
 * time; reassigning replaces the row), when each member's phone last synced, and a photo a team
 * may attach to a difficulty it raises (downscaled on the phone, capped by the server).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table household_assignments (
      household_id uuid primary key,
      village_code text not null references units (code),
      province_code text not null,
      user_id uuid not null references users (id) on delete cascade,
      assigned_by uuid references users (id) on delete set null,
      assigned_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index household_assignments_village_idx on household_assignments (village_code, user_id)`.execute(db);

  // One row per account and village, touched by every push and pull: a few hundred rows a village.
  await sql`
    create table member_syncs (
      user_id uuid not null references users (id) on delete cascade,
      village_code text not null,
      province_code text not null,
      last_synced_at timestamptz not null,
      primary key (village_code, user_id)
    )`.execute(db);

  await sql`alter table difficulties add column photo bytea, add column photo_type text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table difficulties drop column photo, drop column photo_type`.execute(db);
  await sql`drop table member_syncs`.execute(db);
  await sql`drop table household_assignments`.execute(db);
}
