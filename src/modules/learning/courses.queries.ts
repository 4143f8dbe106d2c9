import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { CoursesTable, CourseTextsTable, LessonProgressTable, LessonQuizzesTable, LessonsTable, LessonTextsTable } from '../../db/learning-types.js';

export type CourseRow = Selectable<CoursesTable>;
export type CourseTextRow = Selectable<CourseTextsTable>;
export type LessonRow = Selectable<LessonsTable>;
export type LessonTextRow = Selectable<LessonTextsTable>;
export type ProgressRow = Selectable<LessonProgressTable>;

export async function selectCourseById(db: Database, id: string): Promise<CourseRow | undefined> {
  return db.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function selectCourses(db: Database, provinceCode: string, statuses: readonly CoursesTable['status']['__select__'][]): Promise<CourseRow[]> {
  return db.selectFrom('courses').selectAll().where('province_code', '=', provinceCode).where('status', 'in', [...statuses])
    .orderBy('sort').orderBy('code').execute();
}

export async function selectCourseTexts(db: Database, courseIds: readonly string[]): Promise<CourseTextRow[]> {
  if (courseIds.length === 0) return [];
  return db.selectFrom('course_texts').selectAll().where('course_id', 'in', [...courseIds]).execute();
}

export async function selectLessonsOf(db: Database, courseIds: readonly string[]): Promise<LessonRow[]> {
  if (courseIds.length === 0) return [];
  return db.selectFrom('lessons').selectAll().where('course_id', 'in', [...courseIds]).orderBy('course_id').orderBy('sort').execute();
}

export async function selectLesson(db: Database, id: string): Promise<LessonRow | undefined> {
  return db.selectFrom('lessons').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function selectLessonTexts(db: Database, lessonIds: readonly string[], titlesOnly = false): Promise<LessonTextRow[]> {
  if (lessonIds.length === 0) return [];
  const query = db.selectFrom('lesson_texts').where('lesson_id', 'in', [...lessonIds]);
  if (titlesOnly) {
    return (await query.select(['lesson_id', 'province_code', 'lang', 'title']).execute()).map((row) => ({ ...row, body_md: '', media: [] }));
  }
  return query.selectAll().execute();
}

export async function selectLessonQuizzes(db: Database, lessonIds: readonly string[]): Promise<{ lesson_id: string; lang: string; bank_id: string; pass_percent: number }[]> {
  if (lessonIds.length === 0) return [];
  return db.selectFrom('lesson_quizzes').selectAll().where('lesson_id', 'in', [...lessonIds]).execute();
}

export async function insertCourse(db: Database, row: Insertable<CoursesTable>): Promise<void> {
  await db.insertInto('courses').values(row).execute();
}

export async function updateCourse(db: Database, id: string, set: Updateable<CoursesTable>): Promise<void> {
  await db.updateTable('courses').set({ ...set, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Replaces the course's texts: a language left out is removed. */
export async function replaceCourseTexts(db: Database, courseId: string, rows: readonly Insertable<CourseTextsTable>[]): Promise<void> {
  await db.deleteFrom('course_texts').where('course_id', '=', courseId).execute();
  if (rows.length > 0) await db.insertInto('course_texts').values([...rows]).execute();
}

export async function insertLesson(db: Database, row: Insertable<LessonsTable>): Promise<void> {
  await db.insertInto('lessons').values(row).execute();
}

export async function updateLesson(db: Database, id: string, set: Updateable<LessonsTable>): Promise<void> {
  await db.updateTable('lessons').set({ ...set, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function maxLessonSort(db: Database, courseId: string): Promise<number> {
  const row = await db.selectFrom('lessons').select((eb) => eb.fn.max('sort').as('max')).where('course_id', '=', courseId).executeTakeFirst();
  return Number(row?.max ?? 0);
}

export async function replaceLessonTexts(db: Database, lessonId: string, rows: readonly Insertable<LessonTextsTable>[]): Promise<void> {
  await db.deleteFrom('lesson_texts').where('lesson_id', '=', lessonId).execute();
  if (rows.length > 0) await db.insertInto('lesson_texts').values([...rows]).execute();
}

export async function replaceLessonQuizzes(db: Database, lessonId: string, rows: readonly Insertable<LessonQuizzesTable>[]): Promise<void> {
  await db.deleteFrom('lesson_quizzes').where('lesson_id', '=', lessonId).execute();
  if (rows.length > 0) await db.insertInto('lesson_quizzes').values([...rows]).execute();
}

export async function selectProgress(db: Database, enrolmentIds: readonly string[]): Promise<ProgressRow[]> {
  if (enrolmentIds.length === 0) return [];
  return db.selectFrom('lesson_progress').selectAll().where('enrolment_id', 'in', [...enrolmentIds]).execute();
}

/** The enrolment's province, which its progress rows carry, read in the statement that writes them. */
const provinceOfEnrolment = (db: Database, enrolmentId: string) =>
  db.selectFrom('enrolments').select('province_code').where('id', '=', enrolmentId);

/** Opening a lesson marks it read and makes it the place to resume. */
export async function markLessonRead(db: Database, enrolmentId: string, lessonId: string, at: Date): Promise<void> {
  await db.insertInto('lesson_progress')
    .values({ enrolment_id: enrolmentId, lesson_id: lessonId, province_code: provinceOfEnrolment(db, enrolmentId), opened_at: at, read_at: at })
    .onConflict((oc) => oc.columns(['enrolment_id', 'lesson_id', 'province_code']).doNothing()).execute();
  await db.updateTable('enrolments').set({ last_lesson_id: lessonId, updated_at: at }).where('id', '=', enrolmentId).execute();
}

/** The best quiz result is kept: a retry never lowers what was passed. */
export async function saveQuizResult(db: Database, enrolmentId: string, lessonId: string, correct: number, total: number, passed: boolean, at: Date): Promise<void> {
  await db.insertInto('lesson_progress').values({
    enrolment_id: enrolmentId, lesson_id: lessonId, province_code: provinceOfEnrolment(db, enrolmentId),
    opened_at: at, read_at: at, quiz_correct: correct, quiz_total: total, quiz_passed: passed,
  })
    .onConflict((oc) => oc.columns(['enrolment_id', 'lesson_id', 'province_code']).doUpdateSet((eb) => ({
      quiz_correct: eb.fn('greatest', [eb.ref('lesson_progress.quiz_correct'), eb.ref('excluded.quiz_correct')]),
      quiz_total: eb.ref('excluded.quiz_total'),
      quiz_passed: sql<boolean>`coalesce(lesson_progress.quiz_passed, false) or excluded.quiz_passed`,
      read_at: eb.fn.coalesce('lesson_progress.read_at', 'excluded.read_at'),
    }))).execute();
}
