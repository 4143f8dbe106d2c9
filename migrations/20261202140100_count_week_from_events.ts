import { sql, type Kysely } from 'kysely';

/**
 * The Week participants indicator reads the check-ins of Week events wherever a unit held them,
 * and the figure its officers typed elsewhere. Only the shipped indicator is moved, and only
 * while it still reads reported figures (an officer who changed it keeps their change).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update indicators
    set numerator = numerator || '{"eventsFirst": "week_participants"}'::jsonb,
      explanation_vi = 'Tổng lượt người được hướng dẫn 5 kỹ năng số cơ bản trong Tuần lễ (điểm danh tại sự kiện nơi có, còn lại theo báo cáo)',
      explanation_en = 'People guided in the five basic skills during the Week (event check-ins where held, else reported)',
      updated_at = now()
    where code = 'week_participants' and numerator = '{"source": "reported", "over": "sum"}'::jsonb`.execute(db);
}
