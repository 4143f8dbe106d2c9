import { sql, type Kysely } from 'kysely';

/**
 * One-time password reset codes an officer hands to a user who forgot their password. Only the
 * code's SHA-256 is kept (like session tokens), a code is used once and expires.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table password_resets (
      code_hash text primary key,
      user_id uuid not null references users (id) on delete cascade,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);
  await sql`create index password_resets_user_idx on password_resets (user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table password_resets`.execute(db);
}
