import { sql, type Kysely } from 'kysely';

/**
 * A log of the transactions that wrote data: each one's id, once, written by a statement trigger
 * on every table that holds data (all but those below). A server that keeps an answer with the
 * snapshot it was read under can then tell, in one indexed read, whether any transaction that
 * wrote has committed since: an id in the log that is visible now and was not visible then.
 * Writers only insert their own id, so they never wait on each other; the log's rows are
 * visible exactly when their transaction's data is, so no answer is kept past a change
 * (src/db/kept-answers.ts). Rows of transactions that ended long before any kept answer was read
 * are removed (`trimDataChanges` there).
 */
export const UNWATCHED = [
  // What records sign-ins and reads: no answer is made from them, and reads write them.
  'sessions', 'audit_events', 'sso_attempts', 'password_resets',
  // The log itself, the stamps its own triggers write, and the migrations' bookkeeping.
  'data_changes', 'reference_stamps', 'kysely_migration', 'kysely_migration_lock',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table data_changes (
      xid xid8 primary key
    )`.execute(db);
  await sql`
    create function note_data_change() returns trigger language plpgsql as $$
    begin
      insert into data_changes (xid) values (pg_current_xact_id()) on conflict do nothing;
      return null;
    end
    $$`.execute(db);
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition order by 1`.execute(db);
  const unwatched = new Set<string>(UNWATCHED);
  for (const { name } of tables.rows) {
    if (unwatched.has(name)) continue;
    await sql.raw(`
      create trigger ${name}_change after insert or update or delete or truncate on ${name}
      for each statement execute function note_data_change()`).execute(db);
  }
}
