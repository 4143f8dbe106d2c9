import { sql, type Kysely } from 'kysely';

/**
 * Statistics (denominators) a commune officer proposes for their own unit. They count only once
 * a province officer (someone else, the level above) approves them: approval writes them into
 * unit_statistics; a rejection keeps the reason. Who proposed and who decided stay on the row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table statistic_proposals (
      id uuid primary key,
      unit_code text not null references units (code),
      province_code text not null,
      as_of date not null,
      statistics jsonb not null,
      status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
      proposed_by uuid not null references users (id),
      proposed_at timestamptz not null default now(),
      decided_by uuid references users (id),
      decided_at timestamptz,
      reason text check (reason is null or length(reason) between 1 and 1000),
      check ((status = 'pending') = (decided_by is null)),
      check (status <> 'rejected' or reason is not null),
      check (decided_by is null or decided_by <> proposed_by)
    )`.execute(db);
  await sql`create index statistic_proposals_province_idx on statistic_proposals (province_code, status, proposed_at)`.execute(db);
  await sql`create index statistic_proposals_unit_idx on statistic_proposals (unit_code, proposed_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table statistic_proposals`.execute(db);
}
