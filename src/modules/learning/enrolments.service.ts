import type { Database } from '../../db/database.js';
import { inTransaction, sqlStateOf, SQLSTATE } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import { fastUuidV7 } from '../../lib/fast-uuid.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { addToRollups, holdRollupsForWrite, type RollupDelta } from '../rollups/rollups.service.js';
import * as q from './enrolments.queries.js';

/** Counts the learning module keeps: people enrolled (once each, on their first enrolment) and course completions. */
export const LEARNERS_SOURCE = 'learning:learners';
export const COMPLETIONS_SOURCE = 'learning:completions';
/**
 * Cadres trained: people who completed a course written for the cadre target group, once each,
 * on the day of their first such completion. The cadre indicator reads it where units have such
 * records, and their reported figure elsewhere.
 */
export const CADRES_TRAINED_SOURCE = 'learning:cadres_trained';
/** The target group whose courses count as cadre training. */
export const CADRE_GROUP = 'cadre';
export const LEARNING_ROLLUP_SOURCES = { exact: [LEARNERS_SOURCE, COMPLETIONS_SOURCE, CADRES_TRAINED_SOURCE], prefixes: [] } as const;

/** A person in learning: a learner account, a resident record, or both (once linked). */
export interface LearnerIdentity {
  userId?: string | null;
  residentId?: string | null;
}

export interface Course {
  id: string;
  provinceCode: string;
  code: string;
  skillCode: string | null;
  groupCode: string | null;
  status: 'draft' | 'published' | 'archived';
}

const presentCourse = (row: q.CourseRow): Course => ({
  id: row.id, provinceCode: row.province_code, code: row.code, skillCode: row.skill_code, groupCode: row.group_code, status: row.status,
});

export async function findCourseById(db: Database, id: string): Promise<Course | null> {
  const row = await q.selectCourseById(db, id);
  return row ? presentCourse(row) : null;
}

/** A course by its code in a province (what imports and xAPI activity ids name). */
export async function findCourseByCode(db: Database, provinceCode: string, code: string): Promise<Course | null> {
  const row = await q.selectCourseByCode(db, provinceCode, code);
  return row ? presentCourse(row) : null;
}

export interface EnrolInput extends LearnerIdentity {
  courseId: string;
  /** The lowest unit the person belongs to (a resident's village, an account's scope unit). */
  unitCode: string;
  provinceCode: string;
  /** Where the enrolment came from: 'app', 'import', 'xapi'… */
  source: string;
  enrolledOn?: string;
  externalRef?: string | null;
}

export interface Enrolment {
  id: string;
  courseId: string;
  userId: string | null;
  residentId: string | null;
  enrolledOn: string;
  source: string;
  lastLessonId: string | null;
  /** False when the person was enrolled already: enrolling again changes nothing. */
  created: boolean;
}

const presentEnrolment = (row: q.EnrolmentRow, created: boolean): Enrolment => ({
  id: row.id, courseId: row.course_id, userId: row.user_id, residentId: row.resident_id,
  enrolledOn: row.enrolled_on, source: row.source, lastLessonId: row.last_lesson_id, created,
});

function requireIdentity(who: LearnerIdentity): void {
  if (!who.userId && !who.residentId) throw new AppError('BAD_REQUEST', 'A learner needs an account or a resident record');
}

/**
 * Enrols a person in a course, idempotently: a second enrolment of the same person (by account
 * or resident record) answers the first one, and fills in the side it did not know. A person
 * counts once among learners, on the day of their first enrolment in any course.
 */
export async function enrol(trx: Database, input: EnrolInput): Promise<Enrolment> {
  requireIdentity(input);
  return inTransaction(trx, async (tx) => {
    await holdRollupsForWrite(tx);
    const existing = await q.selectEnrolment(tx, input.courseId, input);
    if (existing) {
      await q.completeEnrolmentIdentity(tx, existing.id, input);
      return presentEnrolment({ ...existing, user_id: existing.user_id ?? input.userId ?? null, resident_id: existing.resident_id ?? input.residentId ?? null }, false);
    }
    if (!(await q.selectCourseById(tx, input.courseId))) throw new AppError('COURSE_NOT_FOUND', `No course ${input.courseId}`, 'courseId');
    const enrolledOn = input.enrolledOn ?? vietnamDay();
    let row: q.EnrolmentRow | undefined;
    try {
      row = await q.insertEnrolment(tx, {
        id: fastUuidV7(), course_id: input.courseId, user_id: input.userId ?? null, resident_id: input.residentId ?? null,
        unit_code: input.unitCode, province_code: input.provinceCode, enrolled_on: enrolledOn, source: input.source,
        external_ref: input.externalRef ?? null,
      });
    } catch (error) {
      if (sqlStateOf(error) === SQLSTATE.FOREIGN_KEY_VIOLATION) throw new AppError('COURSE_NOT_FOUND', `No course ${input.courseId}`, 'courseId');
      throw error;
    }
    // A concurrent enrolment of the same person won the unique index: answer it.
    if (!row) return presentEnrolment((await q.selectEnrolment(tx, input.courseId, input))!, false);
    if ((await q.countOtherEnrolments(tx, input, row.id)) === 0) {
      await addToRollups(tx, [{ source: LEARNERS_SOURCE, unitCode: row.unit_code, provinceCode: row.province_code, day: enrolledOn, delta: 1 }]);
    }
    return presentEnrolment(row, true);
  });
}

export interface CompletionInput extends LearnerIdentity {
  courseId: string;
  unitCode: string;
  provinceCode: string;
  source: string;
  completedOn?: string;
  externalRef?: string | null;
}

export interface CourseCompletion {
  id: string;
  courseId: string;
  userId: string | null;
  residentId: string | null;
  completedOn: string;
  source: string;
  /** False when the person had completed the course already: nothing changed. */
  created: boolean;
}

const presentCompletion = (row: q.CompletionRow, created: boolean): CourseCompletion => ({
  id: row.id, courseId: row.course_id, userId: row.user_id, residentId: row.resident_id, completedOn: row.completed_on, source: row.source, created,
});

/**
 * Records that a person completed a course, once per person and course: a repeated report (the
 * same import twice, an xAPI statement resent, the app) answers the first completion unchanged.
 * A completion implies an enrolment, so one is made when missing.
 */
export async function recordCourseCompletion(trx: Database, input: CompletionInput): Promise<CourseCompletion> {
  requireIdentity(input);
  return inTransaction(trx, async (tx) => {
    const existing = await q.selectCompletion(tx, input.courseId, input);
    if (existing) return presentCompletion(existing, false);
    const completedOn = input.completedOn ?? vietnamDay();
    const enrolment = await enrol(tx, {
      courseId: input.courseId, userId: input.userId, residentId: input.residentId, unitCode: input.unitCode,
      provinceCode: input.provinceCode, source: input.source, enrolledOn: completedOn, externalRef: input.externalRef,
    });
    const row = await q.insertCompletion(tx, {
      id: fastUuidV7(), course_id: input.courseId, enrolment_id: enrolment.id, user_id: enrolment.userId, resident_id: enrolment.residentId,
      unit_code: input.unitCode, province_code: input.provinceCode, completed_on: completedOn, source: input.source,
      external_ref: input.externalRef ?? null,
    });
    if (!row) return presentCompletion((await q.selectCompletion(tx, input.courseId, input))!, false);
    const deltas = [{ source: COMPLETIONS_SOURCE, unitCode: row.unit_code, provinceCode: row.province_code, day: completedOn, delta: 1 }];
    const course = await q.selectCourseById(tx, input.courseId);
    if (course?.group_code === CADRE_GROUP && (await q.countOtherGroupCompletions(tx, { userId: row.user_id, residentId: row.resident_id }, CADRE_GROUP, row.id)) === 0) {
      deltas.push({ source: CADRES_TRAINED_SOURCE, unitCode: row.unit_code, provinceCode: row.province_code, day: completedOn, delta: 1 });
    }
    await addToRollups(tx, deltas);
    return presentCompletion(row, true);
  });
}

export async function listEnrolmentsOf(db: Database, who: LearnerIdentity): Promise<Enrolment[]> {
  return (await q.selectEnrolmentsOf(db, who)).map((row) => presentEnrolment(row, false));
}

export async function listCompletionsOf(db: Database, who: LearnerIdentity): Promise<CourseCompletion[]> {
  return (await q.selectCompletionsOf(db, who)).map((row) => presentCompletion(row, false));
}

/** The learning counts recomputed from the facts, for `rollups rebuild`. */
export async function recountLearningRollups(trx: Database): Promise<RollupDelta[]> {
  return (await q.recountLearningFacts(trx)).map((row) => ({
    source: row.source, unitCode: row.unit_code, provinceCode: row.province_code, day: row.day, delta: Number(row.n),
  }));
}

