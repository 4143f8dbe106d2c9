import { sql, type Kysely } from 'kysely';

/**
 * Single sign-on. `user_identities` links an account to a subject at an OpenID provider; an
 * administrator makes every link, so an unknown subject never becomes an account by itself.
 * A provider may use a national ID number as the subject, so the subject is kept as a keyed hash
 * with its last four characters to tell links apart on screen, like ID numbers elsewhere.
 * `sso_attempts` keeps a login's state, nonce and PKCE verifier on the server for the minutes
 * between leaving for the provider and coming back; only the state's SHA-256 is the key, and a
 * row is used once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table user_identities (
      id uuid primary key,
      user_id uuid not null references users (id) on delete cascade,
      issuer text not null,
      subject_hash text not null,
      subject_hint text not null,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      last_login_at timestamptz,
      unique (issuer, subject_hash)
    )`.execute(db);
  await sql`create index user_identities_user_idx on user_identities (user_id)`.execute(db);
  await sql`
    create table sso_attempts (
      state_hash text primary key,
      code_verifier text not null,
      nonce text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index sso_attempts_expiry_idx on sso_attempts (expires_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table sso_attempts`.execute(db);
  await sql`drop table user_identities`.execute(db);
}
