import { sql, type Kysely } from 'kysely';

/**
 * The administrative tree, versioned in time. `units` holds what never changes about a unit
 * (its official code, its province, when it came into force and which unit its figures roll up
 * to once it ends); `unit_versions` holds its name, type and parent over time, each version
 * valid on [valid_from, valid_to).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table units (
      code text primary key,
      province_code text not null,
      tier text not null check (tier in ('province', 'commune', 'village')),
      valid_from date not null,
      valid_to date,
      successor_code text references units (code),
      created_at timestamptz not null default now(),
      check (valid_to is null or valid_to > valid_from)
    )`.execute(db);
  await sql`create index units_province_idx on units (province_code)`.execute(db);
  await sql`create index units_successor_idx on units (successor_code) where successor_code is not null`.execute(db);

  await sql`
    create table unit_versions (
      code text not null references units (code),
      valid_from date not null,
      valid_to date,
      name text not null,
      type text not null,
      parent_code text references units (code),
      primary key (code, valid_from),
      check (valid_to is null or valid_to > valid_from)
    )`.execute(db);
  await sql`create index unit_versions_parent_idx on unit_versions (parent_code, valid_from)`.execute(db);

  await sql`
    create table unit_operations (
      id bigint generated always as identity primary key,
      kind text not null check (kind in ('create', 'rename', 'move', 'merge', 'split', 'import')),
      effective_date date not null,
      unit_codes text[] not null,
      detail jsonb not null default '{}',
      actor_user_id uuid,
      recorded_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table statistic_kinds (
      code text primary key,
      name_vi text not null,
      name_en text not null
    )`.execute(db);
  await sql`
    insert into statistic_kinds (code, name_vi, name_en) values
      ('population', 'Dân số', 'Population'),
      ('adults', 'Người trưởng thành (từ 15 tuổi)', 'Adults (15 and over)'),
      ('cadres', 'Cán bộ, công chức, viên chức', 'Cadres, civil servants and public employees'),
      ('civil_servants', 'Công chức giải quyết thủ tục hành chính', 'Civil servants handling administrative procedures'),
      ('pupils', 'Học sinh, sinh viên', 'Pupils and students'),
      ('households', 'Hộ gia đình', 'Households'),
      ('enterprise_workers', 'Người lao động trong doanh nghiệp, hợp tác xã', 'Enterprise and cooperative workers'),
      ('smartphone_users', 'Người dùng điện thoại thông minh', 'Smartphone users')
  `.execute(db);

  await sql`
    create table unit_statistics (
      unit_code text not null references units (code),
      kind text not null references statistic_kinds (code),
      as_of date not null,
      value bigint not null check (value >= 0),
      province_code text not null,
      recorded_at timestamptz not null default now(),
      primary key (unit_code, kind, as_of)
    )`.execute(db);
}
