import { sql, type Kysely } from 'kysely';

/**
 * Learning: the skills framework as data (competences under each skill, the four target groups
 * of Decision 757/QĐ-BKHCN and which skills each must confirm), courses with lessons written per
 * language, lesson quizzes and skill checks drawn from the shared question banks, enrolments,
 * progress, course completions and skill-check attempts.
 *
 * A learner is a person known by a learner account (`user_id`), by a resident record
 * (`resident_id`, e.g. from a national-platform import), or both once an officer links them
 * (`learner_links`). Every fact row carries the lowest unit it happened in and its province.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table skill_competences (
      skill_code text not null references skills (code) on update cascade,
      code text not null check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name_vi text not null,
      name_en text not null,
      sort integer not null,
      primary key (skill_code, code)
    )`.execute(db);

  // The four target groups; `resident_group` is the group code a resident record carries.
  await sql`
    create table learner_groups (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name_vi text not null,
      name_en text not null,
      resident_group text,
      sort integer not null
    )`.execute(db);
  await sql`
    create table learner_group_skills (
      group_code text not null references learner_groups (code) on delete cascade on update cascade,
      skill_code text not null references skills (code) on delete cascade on update cascade,
      primary key (group_code, skill_code)
    )`.execute(db);

  await sql`
    create table courses (
      id uuid primary key,
      province_code text not null,
      code text not null check (code ~ '^[a-z0-9][a-z0-9_-]{1,63}$'),
      skill_code text references skills (code) on update cascade,
      -- A course meant for one target group (cadre training is a course for 'cadre').
      group_code text references learner_groups (code) on update cascade,
      status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
      sort integer not null default 0,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (province_code, code)
    )`.execute(db);
  await sql`
    create table course_texts (
      course_id uuid not null references courses (id) on delete cascade,
      lang text not null check (lang ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$'),
      title text not null,
      summary text not null default '',
      primary key (course_id, lang)
    )`.execute(db);

  await sql`
    create table lessons (
      id uuid primary key,
      course_id uuid not null references courses (id) on delete cascade,
      sort integer not null,
      minutes integer not null default 5 check (minutes between 1 and 600),
      updated_at timestamptz not null default now(),
      unique (course_id, sort)
    )`.execute(db);
  // Markdown as the author wrote it; the server renders it without raw HTML. Media are links.
  await sql`
    create table lesson_texts (
      lesson_id uuid not null references lessons (id) on delete cascade,
      lang text not null check (lang ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$'),
      title text not null,
      body_md text not null,
      media jsonb not null default '[]',
      primary key (lesson_id, lang)
    )`.execute(db);
  // A lesson's short quiz: a question bank per language (Vietnamese is the fallback).
  await sql`
    create table lesson_quizzes (
      lesson_id uuid not null references lessons (id) on delete cascade,
      lang text not null,
      bank_id uuid not null references question_banks (id),
      pass_percent integer not null default 60 check (pass_percent between 1 and 100),
      primary key (lesson_id, lang)
    )`.execute(db);

  await sql`
    create table learner_links (
      user_id uuid primary key references users (id) on delete cascade,
      resident_id uuid not null unique,
      linked_by uuid references users (id) on delete set null,
      linked_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table enrolments (
      id uuid primary key,
      course_id uuid not null references courses (id),
      user_id uuid references users (id) on delete set null,
      resident_id uuid,
      unit_code text not null,
      province_code text not null,
      enrolled_on date not null,
      source text not null,
      external_ref text,
      last_lesson_id uuid,
      enrolled_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (user_id is not null or resident_id is not null)
    )`.execute(db);
  await sql`create unique index enrolments_course_user_idx on enrolments (course_id, user_id) where user_id is not null`.execute(db);
  await sql`create unique index enrolments_course_resident_idx on enrolments (course_id, resident_id) where resident_id is not null`.execute(db);
  await sql`create index enrolments_user_idx on enrolments (user_id) where user_id is not null`.execute(db);
  await sql`create index enrolments_resident_idx on enrolments (resident_id) where resident_id is not null`.execute(db);

  await sql`
    create table lesson_progress (
      enrolment_id uuid not null references enrolments (id) on delete cascade,
      lesson_id uuid not null references lessons (id) on delete cascade,
      opened_at timestamptz not null default now(),
      read_at timestamptz,
      quiz_correct integer,
      quiz_total integer,
      quiz_passed boolean,
      primary key (enrolment_id, lesson_id)
    )`.execute(db);

  // A person completes a course once; a second report (import, xAPI, app) changes nothing.
  await sql`
    create table course_completions (
      id uuid primary key,
      course_id uuid not null references courses (id),
      enrolment_id uuid references enrolments (id) on delete set null,
      user_id uuid references users (id) on delete set null,
      resident_id uuid,
      unit_code text not null,
      province_code text not null,
      completed_on date not null,
      source text not null,
      external_ref text,
      recorded_at timestamptz not null default now(),
      check (user_id is not null or resident_id is not null)
    )`.execute(db);
  await sql`create unique index course_completions_user_idx on course_completions (course_id, user_id) where user_id is not null`.execute(db);
  await sql`create unique index course_completions_resident_idx on course_completions (course_id, resident_id) where resident_id is not null`.execute(db);

  // Per skill: which bank its check draws from, how many questions, the pass mark and the time.
  await sql`
    create table skill_check_settings (
      skill_code text primary key references skills (code) on delete cascade on update cascade,
      bank_id uuid not null references question_banks (id),
      question_count integer not null check (question_count between 1 and 100),
      pass_percent integer not null check (pass_percent between 1 and 100),
      minutes integer not null check (minutes between 1 and 240)
    )`.execute(db);

  await sql`
    create table skill_check_attempts (
      id uuid primary key,
      skill_code text not null references skills (code) on update cascade,
      user_id uuid not null references users (id) on delete cascade,
      resident_id uuid,
      unit_code text not null,
      province_code text not null,
      -- The drawn questions with their answer keys: never sent to the learner before submission.
      questions jsonb not null,
      pass_percent integer not null,
      started_at timestamptz not null,
      deadline timestamptz not null,
      submitted_at timestamptz,
      answers jsonb,
      correct integer,
      passed boolean
    )`.execute(db);
  await sql`create index skill_check_attempts_user_idx on skill_check_attempts (user_id, skill_code)`.execute(db);

  await sql`
    insert into learner_groups (code, name_vi, name_en, resident_group, sort) values
      ('pupil', 'Học sinh, sinh viên', 'Pupils and students', 'pupil', 10),
      ('citizen', 'Người dân', 'Citizens', 'adult', 20),
      ('cadre', 'Cán bộ, công chức, viên chức', 'Cadres, civil servants and public employees', 'cadre', 30),
      ('enterprise_worker', 'Người lao động trong doanh nghiệp, hợp tác xã', 'Enterprise and cooperative workers', 'enterprise_worker', 40)
  `.execute(db);
  await sql`
    insert into learner_group_skills (group_code, skill_code)
    select g.code, s.code from learner_groups g cross join skills s
    where s.code in ('public_services', 'online_shopping', 'online_payment', 'online_safety', 'local_platforms')
  `.execute(db);
  await sql`
    insert into skill_competences (skill_code, code, name_vi, name_en, sort) values
      ('public_services', 'vneid', 'Kích hoạt và dùng tài khoản định danh điện tử VNeID', 'Activate and use the VNeID electronic identity', 10),
      ('public_services', 'portal', 'Nộp hồ sơ trên Cổng dịch vụ công', 'File an application on the public service portal', 20),
      ('online_shopping', 'choose_seller', 'Chọn người bán và sàn thương mại uy tín', 'Choose a trustworthy seller and marketplace', 10),
      ('online_shopping', 'order_track', 'Đặt hàng, theo dõi và trả hàng', 'Order, track and return goods', 20),
      ('online_payment', 'qr_pay', 'Thanh toán bằng mã QR', 'Pay with a QR code', 10),
      ('online_payment', 'protect_otp', 'Giữ bí mật mật khẩu và mã OTP', 'Keep passwords and OTP codes secret', 20),
      ('online_safety', 'spot_scam', 'Nhận biết cuộc gọi, tin nhắn lừa đảo', 'Spot scam calls and messages', 10),
      ('online_safety', 'personal_data', 'Bảo vệ dữ liệu cá nhân', 'Protect personal data', 20),
      ('local_platforms', 'provincial_app', 'Cài đặt và dùng ứng dụng số của tỉnh', 'Install and use the provincial app', 10),
      ('local_platforms', 'feedback', 'Gửi phản ánh, kiến nghị qua ứng dụng', 'Send feedback through the app', 20)
  `.execute(db);
}
