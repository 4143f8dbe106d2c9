import type { Database } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import { bankQuestions } from '../question-banks/question-banks.service.js';
import { pickLanguage } from './content-language.js';
import * as cq from './courses.queries.js';
import { getCourse, getLesson, listCourses, type CourseSummary, type LessonContent } from './courses.service.js';
import { enrol, listCompletionsOf, listEnrolmentsOf, recordCourseCompletion, type Enrolment } from './enrolments.service.js';
import type { Learner } from './learners.service.js';

/** A lesson quiz is short: at most this many questions of its bank, in the bank's order. */
export const QUIZ_QUESTIONS = 5;

export interface MyCourse extends CourseSummary {
  enrolmentId: string;
  lessonsRead: number;
  quizzesPassed: number;
  lastLessonId: string | null;
  completedOn: string | null;
}

export async function enrolMe(db: Database, learner: Learner, courseId: string): Promise<Enrolment> {
  const course = await cq.selectCourseById(db, courseId);
  if (!course || course.status !== 'published' || course.province_code !== learner.provinceCode) throw new AppError('COURSE_NOT_FOUND', undefined, 'courseId');
  return enrol(db, { courseId, userId: learner.userId, residentId: learner.residentId, unitCode: learner.unitCode, provinceCode: learner.provinceCode, source: 'app' });
}

/** The learner's courses with where they are in each: what "resume" starts from. */
export async function myCourses(db: Database, learner: Learner, lang: string): Promise<MyCourse[]> {
  const enrolments = await listEnrolmentsOf(db, learner);
  if (enrolments.length === 0) return [];
  const completions = new Map((await listCompletionsOf(db, learner)).map((c) => [c.courseId, c.completedOn]));
  const progress = await cq.selectProgress(db, enrolments.map((e) => e.id));
  const courses = new Map((await listCourses(db, learner.provinceCode, lang, true)).map((c) => [c.id, c]));
  const mine: MyCourse[] = [];
  for (const e of enrolments) {
    const course = courses.get(e.courseId);
    if (!course) continue;
    const rows = progress.filter((p) => p.enrolment_id === e.id);
    mine.push({
      ...course, enrolmentId: e.id, lastLessonId: e.lastLessonId, completedOn: completions.get(e.courseId) ?? null,
      lessonsRead: rows.filter((p) => p.read_at !== null).length, quizzesPassed: rows.filter((p) => p.quiz_passed).length,
    });
  }
  return mine;
}

async function enrolmentFor(db: Database, learner: Learner, courseId: string): Promise<Enrolment | undefined> {
  return (await listEnrolmentsOf(db, learner)).find((e) => e.courseId === courseId);
}

export interface LessonForLearner extends LessonContent {
  read: boolean;
  quizPassed: boolean | null;
  previousLessonId: string | null;
  nextLessonId: string | null;
}

/** Opens a lesson: for an enrolled learner it counts as read and becomes where they resume. */
export async function openLesson(db: Database, learner: Learner, lessonId: string, lang: string, options = { markRead: true }): Promise<LessonForLearner> {
  const lesson = await getLesson(db, lessonId, lang);
  const course = await getCourse(db, lesson.courseId, lang);
  if (course.provinceCode !== learner.provinceCode) throw new AppError('LESSON_NOT_FOUND', undefined, 'lessonId');
  const enrolment = await enrolmentFor(db, learner, lesson.courseId);
  let quizPassed: boolean | null = null;
  if (enrolment) {
    if (options.markRead) await cq.markLessonRead(db, enrolment.id, lessonId, new Date());
    const row = (await cq.selectProgress(db, [enrolment.id])).find((p) => p.lesson_id === lessonId);
    quizPassed = row?.quiz_passed ?? null;
    if (options.markRead) await completeWhenDone(db, learner, lesson.courseId, enrolment.id);
  }
  const at = course.lessons.findIndex((l) => l.id === lessonId);
  const { markdown: _markdown, coursePublished: _published, ...content } = lesson;
  return {
    ...content, read: enrolment !== undefined, quizPassed,
    previousLessonId: course.lessons[at - 1]?.id ?? null, nextLessonId: course.lessons[at + 1]?.id ?? null,
  };
}

export interface QuizPaper {
  lessonId: string;
  passPercent: number;
  questions: { id: string; text: string; options: { id: string; text: string }[] }[];
}

async function quizOf(db: Database, lessonId: string, lang: string) {
  const quiz = pickLanguage(await cq.selectLessonQuizzes(db, [lessonId]), lang);
  if (!quiz) throw new AppError('NOT_FOUND', 'This lesson has no quiz', 'lessonId');
  const questions = (await bankQuestions(db, quiz.bank_id)).slice(0, QUIZ_QUESTIONS);
  return { quiz, questions };
}

/** The quiz's questions and options; which option is right stays on the server. */
export async function lessonQuiz(db: Database, learner: Learner, lessonId: string, lang: string): Promise<QuizPaper> {
  const lesson = await getLesson(db, lessonId, lang);
  if ((await getCourse(db, lesson.courseId, lang)).provinceCode !== learner.provinceCode) throw new AppError('LESSON_NOT_FOUND', undefined, 'lessonId');
  const { quiz, questions } = await quizOf(db, lessonId, lang);
  return {
    lessonId, passPercent: quiz.pass_percent,
    questions: questions.map((question) => ({ id: question.id, text: question.text, options: question.options.map((o) => ({ id: o.id, text: o.text })) })),
  };
}

export interface QuizResult {
  correct: number;
  total: number;
  passed: boolean;
  /** The right option of each question, shown after the answers are in. */
  corrections: { questionId: string; correctOptionId: string; chosenOptionId: string | null }[];
  courseCompleted: boolean;
}

/** Scores a lesson quiz on the server; the best result stays, and the last requirement met completes the course. */
export async function submitLessonQuiz(
  db: Database, learner: Learner, lessonId: string, answers: readonly { questionId: string; optionId: string }[], lang: string,
): Promise<QuizResult> {
  const lesson = await getLesson(db, lessonId, lang);
  const enrolment = await enrolmentFor(db, learner, lesson.courseId);
  if (!enrolment) throw new AppError('COURSE_NOT_ENROLLED', undefined, 'lessonId');
  const { quiz, questions } = await quizOf(db, lessonId, lang);
  const byQuestion = new Map(questions.map((question) => [question.id, question]));
  const chosen = new Map<string, string>();
  answers.forEach((answer, i) => {
    const question = byQuestion.get(answer.questionId);
    if (!question) throw new AppError('ATTEMPT_ANSWER_UNKNOWN_QUESTION', undefined, `answers[${i}].questionId`);
    if (chosen.has(answer.questionId)) throw new AppError('ATTEMPT_ANSWER_REPEATED', undefined, `answers[${i}].questionId`);
    if (!question.options.some((o) => o.id === answer.optionId)) throw new AppError('ATTEMPT_ANSWER_UNKNOWN_OPTION', undefined, `answers[${i}].optionId`);
    chosen.set(answer.questionId, answer.optionId);
  });
  const correct = questions.filter((question) => chosen.get(question.id) === question.correctOptionId).length;
  const passed = correct * 100 >= quiz.pass_percent * questions.length;
  const courseCompleted = await inTransaction(db, async (trx) => {
    await cq.saveQuizResult(trx, enrolment.id, lessonId, correct, questions.length, passed, new Date());
    await cq.markLessonRead(trx, enrolment.id, lessonId, new Date());
    return completeWhenDone(trx, learner, lesson.courseId, enrolment.id);
  });
  return {
    correct, total: questions.length, passed, courseCompleted,
    corrections: questions.map((question) => ({ questionId: question.id, correctOptionId: question.correctOptionId, chosenOptionId: chosen.get(question.id) ?? null })),
  };
}

/** A course is complete when every lesson is read and every quiz passed; recorded once. */
async function completeWhenDone(db: Database, learner: Learner, courseId: string, enrolmentId: string): Promise<boolean> {
  const lessons = await cq.selectLessonsOf(db, [courseId]);
  const quizzes = new Set((await cq.selectLessonQuizzes(db, lessons.map((l) => l.id))).map((quiz) => quiz.lesson_id));
  const progress = new Map((await cq.selectProgress(db, [enrolmentId])).map((p) => [p.lesson_id, p]));
  const done = lessons.length > 0 && lessons.every((l) => progress.get(l.id)?.read_at && (!quizzes.has(l.id) || progress.get(l.id)?.quiz_passed));
  if (!done) return false;
  await recordCourseCompletion(db, { courseId, userId: learner.userId, residentId: learner.residentId, unitCode: learner.unitCode, provinceCode: learner.provinceCode, source: 'app' });
  return true;
}
