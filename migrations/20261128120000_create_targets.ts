import { sql, type Kysely } from 'kysely';

/**
 * Indicators as data (a numerator and a denominator over named sources), targets per unit and
 * deadline, figures reported by units per period with their approval history, the difficulties
 * units report, and the last known status of each unit per indicator for alerts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table indicators (
      code text primary key,
      name_vi text not null,
      name_en text not null,
      explanation_vi text not null default '',
      explanation_en text not null default '',
      unit_label text not null,
      percent boolean not null,
      numerator jsonb not null,
      denominator jsonb,
      sort integer not null default 0,
      active boolean not null default true,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table targets (
      indicator_code text not null references indicators (code),
      unit_code text not null references units (code),
      target_value numeric not null check (target_value >= 0),
      deadline date not null,
      set_by uuid references users (id) on delete set null,
      set_at timestamptz not null default now(),
      primary key (indicator_code, unit_code)
    )`.execute(db);

  await sql`
    create table reported_values (
      id bigint generated always as identity primary key,
      indicator_code text not null references indicators (code),
      unit_code text not null references units (code),
      province_code text not null,
      period_type text not null check (period_type in ('day', 'week', 'month', 'quarter', 'year')),
      period_start date not null,
      period_end date not null,
      value numeric not null check (value >= 0),
      status text not null check (status in ('draft', 'submitted', 'approved', 'returned')),
      comment text,
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now(),
      unique (indicator_code, unit_code, period_type, period_start)
    )`.execute(db);
  await sql`create index reported_values_province_idx on reported_values (province_code, indicator_code, period_end)`.execute(db);

  await sql`
    create table reported_value_history (
      id bigint generated always as identity primary key,
      reported_value_id bigint not null references reported_values (id),
      action text not null check (action in ('save', 'submit', 'approve', 'return')),
      value numeric not null,
      status text not null,
      comment text,
      actor_user_id uuid references users (id) on delete set null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index reported_value_history_value_idx on reported_value_history (reported_value_id, id)`.execute(db);

  await sql`
    create table difficulties (
      id uuid primary key,
      unit_code text not null references units (code),
      province_code text not null,
      category text not null check (category in ('weak_network', 'no_devices', 'no_trainers', 'no_materials', 'other')),
      description text not null,
      status text not null check (status in ('open', 'assigned', 'answered', 'closed')),
      reported_by uuid references users (id) on delete set null,
      reported_at timestamptz not null default now(),
      assignee_user_id uuid references users (id) on delete set null,
      answer text,
      answered_by uuid references users (id) on delete set null,
      answered_at timestamptz,
      closed_at timestamptz
    )`.execute(db);
  await sql`create index difficulties_unit_idx on difficulties (unit_code, status)`.execute(db);
  await sql`create index difficulties_province_idx on difficulties (province_code, status, reported_at)`.execute(db);

  await sql`
    create table indicator_status (
      indicator_code text not null references indicators (code),
      unit_code text not null references units (code),
      status text not null,
      changed_at timestamptz not null default now(),
      primary key (indicator_code, unit_code)
    )`.execute(db);

  await sql`
    create table progress_alerts (
      id bigint generated always as identity primary key,
      indicator_code text not null references indicators (code),
      unit_code text not null references units (code),
      province_code text not null,
      previous_status text,
      status text not null,
      raised_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index progress_alerts_province_idx on progress_alerts (province_code, id)`.execute(db);
}
