import { sql, type Kysely } from 'kysely';

/**
 * The xAPI statements resource: external learning systems (Moodle, Open edX) that report with a
 * key and secret, and the statements they sent, kept whole with the columns the filters need.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table xapi_systems (
      id uuid primary key,
      name text not null,
      key text not null unique,
      secret_hash text not null,
      unit_code text not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      disabled_at timestamptz
    )`.execute(db);
  await sql`
    create table xapi_statements (
      id uuid primary key,
      seq bigint generated always as identity unique,
      system_id uuid not null,
      stored timestamptz not null,
      statement jsonb not null,
      content_digest text not null,
      actor_ifi text not null,
      verb_id text not null,
      activity_id text,
      registration uuid,
      voids uuid,
      voided boolean not null default false
    )`.execute(db);
  await sql`create index xapi_statements_verb_idx on xapi_statements (verb_id, seq)`.execute(db);
  await sql`create index xapi_statements_actor_idx on xapi_statements (actor_ifi, seq)`.execute(db);
  await sql`create index xapi_statements_activity_idx on xapi_statements (activity_id, seq)`.execute(db);
  await sql`create index xapi_statements_registration_idx on xapi_statements (registration, seq)`.execute(db);
  await sql`create index xapi_statements_stored_idx on xapi_statements (stored)`.execute(db);

  // Rows of national-platform files already applied: importing the same file again changes nothing.
  await sql`
    create table learning_import_facts (
      fingerprint text primary key,
      imported_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table learning_import_facts`.execute(db);
  await sql`drop table xapi_statements`.execute(db);
  await sql`drop table xapi_systems`.execute(db);
}
