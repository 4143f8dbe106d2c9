import { sql, type Kysely } from 'kysely';

/**
 * Certificates of confirmed digital skills, each with a short public check code, and the
 * province's signing key for their Open Badges credentials. The key lives in the database so one
 * backup holds it and every server signs with the same one; it is never logged or served.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table signing_keys (
      kid text primary key,
      purpose text not null,
      algorithm text not null,
      public_jwk jsonb not null,
      private_jwk jsonb not null,
      created_at timestamptz not null default now(),
      retired_at timestamptz
    )`.execute(db);
  // One key in use per purpose: two servers generating at once keep one, the other rereads it.
  await sql`create unique index signing_keys_in_use on signing_keys (purpose) where retired_at is null`.execute(db);

  await sql`
    create table certificates (
      id uuid primary key,
      code text not null unique,
      milestone_id uuid unique,
      resident_id uuid,
      user_id uuid,
      holder_name text not null,
      skills text[] not null,
      achieved_on date not null,
      source text not null,
      unit_code text not null,
      province_code text not null,
      issued_at timestamptz not null default now(),
      revoked_at timestamptz,
      revoked_by uuid,
      revoked_reason text
    )`.execute(db);
  await sql`create index certificates_resident_idx on certificates (resident_id)`.execute(db);
  await sql`create index certificates_user_idx on certificates (user_id)`.execute(db);
  await sql`create index certificates_unit_idx on certificates (unit_code, issued_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table certificates`.execute(db);
  await sql`drop table signing_keys`.execute(db);
}
