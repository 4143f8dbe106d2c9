import { sql, type Kysely } from 'kysely';

/**
 * Households and residents of a village, milestone kinds (data, not code) and milestones.
 *
 * Every row carries its village (`village_code`, the lowest unit) and `province_code`, the
 * future distribution column. Households and residents change in place, so each carries a
 * `revision` (+1 per write, what a device's edit is based on) and a `change_seq` drawn from one
 * sequence on every change: the cursor of the field app's pull. Milestones are append-only
 * facts; `resident_milestones` is derived state (which kinds a resident holds and since when)
 * kept in the same transaction as the facts, so neither coverage nor the pull scans the facts.
 *
 * The fact and derived tables written by every sync batch (milestones, resident_milestones)
 * carry no foreign keys: the service checks every reference in bulk before it writes, per-row
 * foreign-key triggers cost a quarter of the ingest's database time, and under Citus a foreign
 * key between distributed tables would have to include the distribution column anyway. Their
 * derived tables leave room on each page (fillfactor) so the upserts update in place.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence people_change_seq as bigint`.execute(db);

  await sql`
    create table households (
      id uuid primary key,
      village_code text not null references units (code),
      province_code text not null,
      label text not null,
      address text,
      head_name text,
      note text,
      created_on date not null,
      revision integer not null default 1,
      change_seq bigint not null default nextval('people_change_seq'),
      last_recorded_at timestamptz not null,
      last_device_id uuid,
      updated_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index households_village_seq_idx on households (village_code, change_seq)`.execute(db);

  await sql`
    create table residents (
      id uuid primary key,
      household_id uuid not null references households (id),
      village_code text not null references units (code),
      province_code text not null,
      full_name text not null,
      birth_year integer check (birth_year between 1900 and 2100),
      sex text check (sex in ('male', 'female', 'other')),
      groups text[] not null default '{}'
        check (groups <@ array['adult', 'pupil', 'cadre', 'enterprise_worker', 'elderly', 'ethnic_minority']::text[]),
      ethnicity text,
      language text,
      national_id_hash text,
      national_id_last4 text check (national_id_last4 ~ '^[0-9]{4}$'),
      created_on date not null,
      revision integer not null default 1,
      change_seq bigint not null default nextval('people_change_seq'),
      last_recorded_at timestamptz not null,
      last_device_id uuid,
      updated_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((national_id_hash is null) = (national_id_last4 is null))
    )`.execute(db);
  await sql`create index residents_village_seq_idx on residents (village_code, change_seq)`.execute(db);
  await sql`create index residents_household_idx on residents (household_id)`.execute(db);
  // One person per national ID number in a province: the dedupe key.
  await sql`create unique index residents_national_id_idx on residents (province_code, national_id_hash) where national_id_hash is not null`.execute(db);

  await sql`
    create table milestone_kinds (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name_vi text not null,
      name_en text not null,
      sort integer not null,
      active boolean not null default true
    )`.execute(db);
  await sql`
    insert into milestone_kinds (code, name_vi, name_en, sort) values
      ('vneid_activated', 'Kích hoạt tài khoản VNeID', 'VNeID account activated', 10),
      ('vneid_level2', 'Định danh điện tử mức 2 (VNeID)', 'VNeID level 2 identity', 20),
      ('provincial_app', 'Cài đặt ứng dụng số của tỉnh', 'Provincial app installed', 30),
      ('digital_signature', 'Đăng ký chữ ký số', 'Digital signature registered', 40),
      ('learning_platform', 'Đăng ký học trên nền tảng Bình dân học vụ số', 'Registered on the national learning platform', 50),
      ('skills_confirmed', 'Được xác nhận đạt kỹ năng số cơ bản', 'Basic digital skills confirmed', 60),
      ('public_service_used', 'Sử dụng dịch vụ công trực tuyến', 'Online public service used', 70),
      ('cashless_payment', 'Thanh toán không dùng tiền mặt', 'Cashless payment used', 80)
  `.execute(db);

  await sql`
    create table milestones (
      id uuid primary key,
      resident_id uuid not null,
      kind text not null,
      achieved_on date not null,
      source text not null,
      visit_id uuid,
      recorded_by uuid,
      unit_code text not null,
      province_code text not null,
      recorded_at timestamptz not null default now(),
      superseded_by uuid
    )`.execute(db);
  await sql`create index milestones_resident_idx on milestones (resident_id, kind)`.execute(db);
  await sql`create index milestones_visit_idx on milestones (visit_id) where visit_id is not null`.execute(db);

  await sql`
    create table resident_milestones (
      resident_id uuid not null,
      kind text not null,
      village_code text not null,
      province_code text not null,
      first_on date not null,
      facts integer not null check (facts > 0),
      previous_first_on date,
      primary key (resident_id, kind)
    ) with (fillfactor = 80)`.execute(db);
  await sql`create index resident_milestones_kind_idx on resident_milestones (village_code, kind)`.execute(db);
}
