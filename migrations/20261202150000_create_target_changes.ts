import { sql, type Kysely } from 'kysely';

/**
 * Every change of a target (set, changed, removed) with the value and deadline before and
 * after, who made it and when: a plan's targets are the steering committee's commitments, and
 * the officers' screen shows what changed and who changed it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table target_changes (
      id bigint generated always as identity primary key,
      indicator_code text not null references indicators (code),
      unit_code text not null references units (code),
      action text not null check (action in ('set', 'remove')),
      target_value numeric,
      deadline date,
      previous_value numeric,
      previous_deadline date,
      changed_by uuid references users (id) on delete set null,
      changed_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index target_changes_unit_idx on target_changes (unit_code, id desc)`.execute(db);
}
