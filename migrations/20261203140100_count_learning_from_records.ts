import { sql, type Kysely } from 'kysely';

/**
 * The cadre indicator reads cadres who completed a cadre course wherever a commune has such
 * records; elsewhere the figure its officers typed still serves (facts first, as the Week reads
 * its events). Only the shipped indicator moves, and only while it still reads what it shipped
 * with: an officer who changed it keeps the change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update indicators
    set numerator = '{"source": "reported", "over": "latest", "factsFirst": "learning:cadres_trained"}'::jsonb,
      explanation_vi = 'Số người đã hoàn thành khóa bồi dưỡng cán bộ (nơi chưa có hồ sơ: theo báo cáo) ÷ tổng số cán bộ, công chức, viên chức', explanation_en = 'People who completed a cadre course (reported where no records yet) ÷ all cadres, civil servants and public employees', updated_at = now()
    where code = 'cadres_trained' and numerator = '{"source": "reported", "over": "latest"}'::jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    update indicators set numerator = '{"source": "reported", "over": "latest"}'::jsonb
    where code = 'cadres_trained' and numerator = '{"source": "reported", "over": "latest", "factsFirst": "learning:cadres_trained"}'::jsonb`.execute(db);
}
