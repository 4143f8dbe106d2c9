import { sql, type Kysely } from 'kysely';

/** Users with a role and a scope unit, database-kept sessions, and the audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table users (
      id uuid primary key,
      username text not null unique,
      display_name text not null,
      password_hash text not null,
      role text not null check (role in ('admin', 'province_officer', 'commune_officer', 'team_leader', 'team_member', 'learner')),
      scope_unit_code text references units (code),
      disabled boolean not null default false,
      created_at timestamptz not null default now(),
      check (role = 'admin' or scope_unit_code is not null)
    )`.execute(db);
  await sql`create index users_scope_idx on users (scope_unit_code)`.execute(db);

  // The cookie carries a random token; only its SHA-256 is stored, so a leaked table opens no session.
  await sql`
    create table sessions (
      token_hash text primary key,
      user_id uuid not null references users (id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id)`.execute(db);

  await sql`
    create table audit_events (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_user_id uuid references users (id) on delete set null,
      action text not null,
      unit_code text references units (code),
      subject text,
      detail jsonb not null default '{}'
    )`.execute(db);
  await sql`create index audit_events_unit_idx on audit_events (unit_code, id)`.execute(db);
}
