import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { CourseCompletionsTable, CoursesTable, EnrolmentsTable } from '../../db/learning-types.js';

export type CourseRow = Selectable<CoursesTable>;
export type EnrolmentRow = Selectable<EnrolmentsTable>;
export type CompletionRow = Selectable<CourseCompletionsTable>;

export async function selectCourseById(db: Database, id: string): Promise<CourseRow | undefined> {
  return db.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function selectCourseByCode(db: Database, provinceCode: string, code: string): Promise<CourseRow | undefined> {
  return db.selectFrom('courses').selectAll().where('province_code', '=', provinceCode).where('code', '=', code).executeTakeFirst();
}

/** The enrolment of a person in a course: by account, by resident record, or by either. */
export async function selectEnrolment(db: Database, courseId: string, who: { userId?: string | null; residentId?: string | null }): Promise<EnrolmentRow | undefined> {
  let query = db.selectFrom('enrolments').selectAll().where('course_id', '=', courseId);
  query = query.where((eb) => eb.or([
    ...(who.userId ? [eb('user_id', '=', who.userId)] : []),
    ...(who.residentId ? [eb('resident_id', '=', who.residentId)] : []),
  ]));
  return query.orderBy('enrolled_at').executeTakeFirst();
}

export async function insertEnrolment(db: Database, row: Insertable<EnrolmentsTable>): Promise<EnrolmentRow | undefined> {
  return db.insertInto('enrolments').values(row).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst();
}

/** Fills in the side of the person an enrolment did not know yet (an account or a resident record). */
export async function completeEnrolmentIdentity(db: Database, id: string, who: { userId?: string | null; residentId?: string | null }): Promise<void> {
  if (who.userId) await db.updateTable('enrolments').set({ user_id: who.userId }).where('id', '=', id).where('user_id', 'is', null).execute();
  if (who.residentId) await db.updateTable('enrolments').set({ resident_id: who.residentId }).where('id', '=', id).where('resident_id', 'is', null).execute();
}

/** How many courses the person is enrolled in, the one of `excludeId` left out. */
export async function countOtherEnrolments(db: Database, who: { userId?: string | null; residentId?: string | null }, excludeId: string): Promise<number> {
  const row = await db.selectFrom('enrolments').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('id', '<>', excludeId)
    .where((eb) => eb.or([
      ...(who.userId ? [eb('user_id', '=', who.userId)] : []),
      ...(who.residentId ? [eb('resident_id', '=', who.residentId)] : []),
    ]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function selectCompletion(db: Database, courseId: string, who: { userId?: string | null; residentId?: string | null }): Promise<CompletionRow | undefined> {
  return db.selectFrom('course_completions').selectAll().where('course_id', '=', courseId)
    .where((eb) => eb.or([
      ...(who.userId ? [eb('user_id', '=', who.userId)] : []),
      ...(who.residentId ? [eb('resident_id', '=', who.residentId)] : []),
    ]))
    .executeTakeFirst();
}

export async function insertCompletion(db: Database, row: Insertable<CourseCompletionsTable>): Promise<CompletionRow | undefined> {
  return db.insertInto('course_completions').values(row).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst();
}

export async function selectEnrolmentsOf(db: Database, who: { userId?: string | null; residentId?: string | null }): Promise<EnrolmentRow[]> {
  if (!who.userId && !who.residentId) return [];
  return db.selectFrom('enrolments').selectAll()
    .where((eb) => eb.or([
      ...(who.userId ? [eb('user_id', '=', who.userId)] : []),
      ...(who.residentId ? [eb('resident_id', '=', who.residentId)] : []),
    ]))
    .orderBy('enrolled_at').execute();
}

export async function selectCompletionsOf(db: Database, who: { userId?: string | null; residentId?: string | null }): Promise<CompletionRow[]> {
  if (!who.userId && !who.residentId) return [];
  return db.selectFrom('course_completions').selectAll()
    .where((eb) => eb.or([
      ...(who.userId ? [eb('user_id', '=', who.userId)] : []),
      ...(who.residentId ? [eb('resident_id', '=', who.residentId)] : []),
    ]))
    .orderBy('completed_on').execute();
}

/** The person's completions of courses for a target group, other than this one. */
export async function countOtherGroupCompletions(db: Database, who: { userId?: string | null; residentId?: string | null }, groupCode: string, excludeId: string): Promise<number> {
  const row = await db.selectFrom('course_completions').innerJoin('courses', 'courses.id', 'course_completions.course_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('course_completions.id', '<>', excludeId)
    .where('courses.group_code', '=', groupCode)
    .where((eb) => eb.or([
      ...(who.userId ? [eb('course_completions.user_id', '=', who.userId)] : []),
      ...(who.residentId ? [eb('course_completions.resident_id', '=', who.residentId)] : []),
    ]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Learners per unit and day of their first enrolment, and completions per unit and day, for a rebuild of the counts. */
export async function recountLearningFacts(db: Database): Promise<{ source: string; unit_code: string; province_code: string; day: string; n: string }[]> {
  const learners = await db.selectFrom((eb) => eb.selectFrom('enrolments')
    .select(['unit_code', 'province_code', 'enrolled_on'])
    .select((e) => e.fn.coalesce(e.cast<string>('resident_id', 'text'), e.cast<string>('user_id', 'text')).as('person'))
    .distinctOn((e) => e.fn.coalesce(e.cast<string>('resident_id', 'text'), e.cast<string>('user_id', 'text')))
    .orderBy((e) => e.fn.coalesce(e.cast<string>('resident_id', 'text'), e.cast<string>('user_id', 'text')))
    .orderBy('enrolled_at')
    .as('firsts'))
    .select(['unit_code', 'province_code'])
    .select((eb) => [eb.val('learning:learners').as('source'), eb.cast<string>('enrolled_on', 'text').as('day'), eb.fn.countAll<string>().as('n')])
    .groupBy(['unit_code', 'province_code', 'enrolled_on'])
    .execute();
  const completions = await db.selectFrom('course_completions')
    .select(['unit_code', 'province_code'])
    .select((eb) => [eb.val('learning:completions').as('source'), eb.cast<string>('completed_on', 'text').as('day'), eb.fn.countAll<string>().as('n')])
    .groupBy(['unit_code', 'province_code', 'completed_on'])
    .execute();
  // Cadres trained: each person's first completion of a cadre course (see CADRES_TRAINED_SOURCE).
  const cadres = await db.selectFrom((eb) => eb.selectFrom('course_completions').innerJoin('courses', 'courses.id', 'course_completions.course_id')
    .where('courses.group_code', '=', 'cadre')
    .select(['course_completions.unit_code', 'course_completions.province_code', 'course_completions.completed_on'])
    .distinctOn((e) => e.fn.coalesce(e.cast<string>('course_completions.resident_id', 'text'), e.cast<string>('course_completions.user_id', 'text')))
    .orderBy((e) => e.fn.coalesce(e.cast<string>('course_completions.resident_id', 'text'), e.cast<string>('course_completions.user_id', 'text')))
    // The first recorded (ids are time-ordered), as the incremental count saw it.
    .orderBy('course_completions.id')
    .as('firsts'))
    .select(['unit_code', 'province_code'])
    .select((eb) => [eb.val('learning:cadres_trained').as('source'), eb.cast<string>('completed_on', 'text').as('day'), eb.fn.countAll<string>().as('n')])
    .groupBy(['unit_code', 'province_code', 'completed_on'])
    .execute();
  return [...learners, ...completions, ...cadres] as { source: string; unit_code: string; province_code: string; day: string; n: string }[];
}
