import { sql, type Kysely } from 'kysely';

/**
 * The quiz contest: question banks (kept apart so learning can reuse them), contests with their
 * phases and rules, participants (no account: a keyed hash of the phone is the identity), their
 * attempts with server-side timing, entries (a participant's first scored attempt of a contest,
 * what the targets count) and the prizes of a published phase. `province_code` on every row is
 * the future distribution key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table question_banks (
      id uuid primary key,
      province_code text not null,
      name text not null,
      question_count integer not null,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);

  // A bank never changes once imported: an attempt names its questions, and a new import is a new bank.
  await sql`
    create table bank_questions (
      id uuid primary key,
      bank_id uuid not null references question_banks (id),
      sort integer not null,
      topic text not null default '',
      text text not null,
      options jsonb not null,
      correct_option_id text not null,
      unique (bank_id, sort)
    )`.execute(db);

  await sql`
    create table contests (
      id uuid primary key,
      province_code text not null references units (code),
      title text not null,
      bank_id uuid not null references question_banks (id),
      rules jsonb not null,
      organiser_phone_hashes text[] not null default '{}',
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index contests_province_idx on contests (province_code)`.execute(db);

  await sql`
    create table contest_phases (
      contest_id uuid not null references contests (id),
      number integer not null check (number > 0),
      starts_on date not null,
      ends_on date not null,
      -- Frozen when the results are published: the real number the predictions aimed at.
      participant_count integer,
      published_at timestamptz,
      primary key (contest_id, number),
      check (ends_on >= starts_on)
    )`.execute(db);

  await sql`
    create table contest_participants (
      id uuid primary key,
      province_code text not null,
      phone_hash text not null,
      full_name text not null,
      unit_code text not null references units (code),
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      unique (province_code, phone_hash)
    )`.execute(db);

  await sql`
    create table contest_attempts (
      id uuid primary key,
      contest_id uuid not null references contests (id),
      phase_number integer not null,
      participant_id uuid not null references contest_participants (id),
      province_code text not null,
      unit_code text not null,
      day date not null,
      seq integer not null,
      questions jsonb not null,
      started_at timestamptz not null,
      deadline timestamptz not null,
      submitted_at timestamptz,
      answers jsonb,
      answer_times jsonb,
      prediction bigint,
      correct integer,
      score integer,
      duration_ms integer,
      client_address text not null,
      submit_address text,
      -- The attempts-per-day rule as a constraint: two starts racing for the same slot cannot both land.
      unique (contest_id, participant_id, day, seq)
    )`.execute(db);
  await sql`create index contest_attempts_phase_idx on contest_attempts (contest_id, phase_number) where submitted_at is not null`.execute(db);
  await sql`create index contest_attempts_address_idx on contest_attempts (contest_id, client_address)`.execute(db);

  await sql`
    create table contest_entries (
      contest_id uuid not null references contests (id),
      participant_id uuid not null references contest_participants (id),
      phase_number integer not null,
      unit_code text not null,
      province_code text not null,
      day date not null,
      primary key (contest_id, participant_id)
    )`.execute(db);

  await sql`
    create table contest_prizes (
      contest_id uuid not null references contests (id),
      phase_number integer not null,
      participant_id uuid not null references contest_participants (id),
      rank integer not null,
      prize integer not null check (prize in (1, 2, 3)),
      primary key (contest_id, phase_number, participant_id)
    )`.execute(db);
}
