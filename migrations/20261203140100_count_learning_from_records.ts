import { sql, type Kysely } from 'kysely';

/**
 * The cadre indicator reads cadres who completed a cadre course, and the registrations indicator
 * reads the people registered on the learning platform (the national import writes them with
 * its enrolments, teams record them in the field), wherever a commune has such records; elsewhere the figure its officers typed
 * still serves (facts first, as the Week reads its events). Only the shipped indicators move, and
 * only while they still read what they shipped with: an officer who changed one keeps the change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update indicators
    set numerator = '{"source": "reported", "over": "latest", "factsFirst": "learning:cadres_trained"}'::jsonb,
      explanation_vi = 'Số người đã hoàn thành khóa bồi dưỡng cán bộ (nơi chưa có hồ sơ: theo báo cáo) ÷ tổng số cán bộ, công chức, viên chức', explanation_en = 'People who completed a cadre course (reported where no records yet) ÷ all cadres, civil servants and public employees', updated_at = now()
    where code = 'cadres_trained' and numerator = '{"source": "reported", "over": "latest"}'::jsonb`.execute(db);
  await sql`
    update indicators
    set numerator = '{"source": "reported", "over": "latest", "factsFirst": "milestone:learning_platform"}'::jsonb,
      explanation_vi = 'Số người đã đăng ký học (hồ sơ nhập từ nền tảng và tổ công nghệ số ghi nhận; nơi chưa có hồ sơ: theo báo cáo)', explanation_en = 'People registered (imported from the platform or recorded by teams; reported where no records yet)', updated_at = now()
    where code = 'learning_platform_registrations' and numerator = '{"source": "milestone", "kind": "learning_platform"}'::jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    update indicators set numerator = '{"source": "reported", "over": "latest"}'::jsonb
    where code = 'cadres_trained' and numerator = '{"source": "reported", "over": "latest", "factsFirst": "learning:cadres_trained"}'::jsonb`.execute(db);
  await sql`
    update indicators set numerator = '{"source": "milestone", "kind": "learning_platform"}'::jsonb
    where code = 'learning_platform_registrations' and numerator = '{"source": "reported", "over": "latest", "factsFirst": "milestone:learning_platform"}'::jsonb`.execute(db);
}
