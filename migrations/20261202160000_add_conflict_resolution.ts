import { sql, type Kysely } from 'kysely';

/**
 * A sync conflict is settled by an officer: either the version kept by the rule stays
 * (`kept`), or the replaced one is written back as a new edit (`restored`). Who settled it and
 * when stay on the conflict; an open conflict has neither.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table sync_conflicts
      add column resolution text check (resolution in ('kept', 'restored')),
      add column resolved_at timestamptz,
      add column resolved_by uuid references users (id) on delete set null,
      add constraint sync_conflicts_settled_check check ((resolution is null) = (resolved_at is null))`.execute(db);
  await sql`create index sync_conflicts_open_idx on sync_conflicts (village_code, id) where resolved_at is null`.execute(db);
}
