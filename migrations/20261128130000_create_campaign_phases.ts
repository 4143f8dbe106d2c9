import { sql, type Kysely } from 'kysely';

/**
 * Campaign phases ("100 ngày cao điểm"…): a named span of days a phase report compares the start
 * and the end of. A phase belongs to a province, or to every province when province_code is null.
 * The default row is the "100 peak days" of the 2025 movement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table campaign_phases (
      code text primary key check (code ~ '^[a-z0-9_-]{1,64}$'),
      province_code text references units (code),
      name_vi text not null,
      name_en text not null,
      starts_on date not null,
      ends_on date not null,
      updated_at timestamptz not null default now(),
      check (starts_on <= ends_on)
    )`.execute(db);
  await sql`
    insert into campaign_phases (code, province_code, name_vi, name_en, starts_on, ends_on)
    values ('peak_100_days', null, '100 ngày cao điểm', '100 peak days', '2025-07-15', '2025-10-25')`.execute(db);
}

