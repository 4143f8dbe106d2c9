import type { Database } from '../../db/database.js';
import { inTransaction, sqlStateOf, SQLSTATE } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import { fastUuidV7 } from '../../lib/fast-uuid.js';
import { getBank } from '../question-banks/question-banks.service.js';
import { groupBy, pickLanguage } from './content-language.js';
import * as q from './courses.queries.js';
import { isMediaUrl, renderLessonMarkdown, type LessonMedia } from './lesson-markdown.js';

export interface CourseSummary {
  id: string;
  code: string;
  skillCode: string | null;
  groupCode: string | null;
  status: 'draft' | 'published' | 'archived';
  lang: string;
  languages: string[];
  title: string;
  summary: string;
  lessonCount: number;
  minutes: number;
}

export interface LessonSummary {
  id: string;
  sort: number;
  title: string;
  minutes: number;
  hasQuiz: boolean;
}

function summarise(row: q.CourseRow, texts: readonly q.CourseTextRow[], lessons: readonly q.LessonRow[], lang: string): CourseSummary {
  const text = pickLanguage(texts, lang);
  return {
    id: row.id, code: row.code, skillCode: row.skill_code, groupCode: row.group_code, status: row.status,
    lang: text?.lang ?? lang, languages: texts.map((t) => t.lang).sort(), title: text?.title ?? row.code, summary: text?.summary ?? '',
    lessonCount: lessons.length, minutes: lessons.reduce((sum, lesson) => sum + lesson.minutes, 0),
  };
}

/** The courses of a province: published ones for learners, all for their authors. */
export async function listCourses(db: Database, provinceCode: string, lang: string, includeDrafts = false): Promise<CourseSummary[]> {
  const rows = await q.selectCourses(db, provinceCode, includeDrafts ? ['draft', 'published', 'archived'] : ['published']);
  const ids = rows.map((row) => row.id);
  const texts = groupBy(await q.selectCourseTexts(db, ids), (t) => t.course_id);
  const lessons = groupBy(await q.selectLessonsOf(db, ids), (l) => l.course_id);
  return rows.map((row) => summarise(row, texts.get(row.id) ?? [], lessons.get(row.id) ?? [], lang));
}

export interface CourseDetail extends CourseSummary {
  provinceCode: string;
  lessons: LessonSummary[];
}

/** A course with its lessons' titles; a draft only for its authors. */
export async function getCourse(db: Database, id: string, lang: string, asAuthor = false): Promise<CourseDetail> {
  const row = await q.selectCourseById(db, id);
  if (!row || (!asAuthor && row.status !== 'published')) throw new AppError('COURSE_NOT_FOUND', undefined, 'courseId');
  const lessons = await q.selectLessonsOf(db, [id]);
  const titles = groupBy(await q.selectLessonTexts(db, lessons.map((l) => l.id), true), (t) => t.lesson_id);
  const quizzes = new Set((await q.selectLessonQuizzes(db, lessons.map((l) => l.id))).map((quiz) => quiz.lesson_id));
  return {
    ...summarise(row, await q.selectCourseTexts(db, [id]), lessons, lang),
    provinceCode: row.province_code,
    lessons: lessons.map((lesson) => ({
      id: lesson.id, sort: lesson.sort, minutes: lesson.minutes, hasQuiz: quizzes.has(lesson.id),
      title: pickLanguage(titles.get(lesson.id) ?? [], lang)?.title ?? '',
    })),
  };
}

export interface LessonContent {
  id: string;
  courseId: string;
  sort: number;
  minutes: number;
  lang: string;
  languages: string[];
  title: string;
  /** Rendered on the server from the author's Markdown, raw HTML switched off. */
  html: string;
  media: LessonMedia[];
  quiz: { bankId: string; passPercent: number } | null;
}

/** A lesson in the reader's language (Vietnamese as the fallback), ready to show. */
export async function getLesson(db: Database, id: string, lang: string, asAuthor = false): Promise<LessonContent & { markdown: string; coursePublished: boolean }> {
  const lesson = await q.selectLesson(db, id);
  const course = lesson ? await q.selectCourseById(db, lesson.course_id) : undefined;
  if (!lesson || !course || (!asAuthor && course.status !== 'published')) throw new AppError('LESSON_NOT_FOUND', undefined, 'lessonId');
  const texts = await q.selectLessonTexts(db, [id]);
  const text = pickLanguage(texts, lang);
  const quiz = pickLanguage(await q.selectLessonQuizzes(db, [id]), lang);
  return {
    id, courseId: lesson.course_id, sort: lesson.sort, minutes: lesson.minutes, lang: text?.lang ?? lang,
    languages: texts.map((t) => t.lang).sort(), title: text?.title ?? '', markdown: text?.body_md ?? '',
    html: renderLessonMarkdown(text?.body_md ?? ''), media: (text?.media ?? []) as LessonMedia[],
    quiz: quiz ? { bankId: quiz.bank_id, passPercent: quiz.pass_percent } : null, coursePublished: course.status === 'published',
  };
}

// ---- Authoring (officers) ----

export interface CourseWrite {
  code: string;
  skillCode: string | null;
  groupCode: string | null;
  status: 'draft' | 'published' | 'archived';
  sort?: number;
  texts: { lang: string; title: string; summary: string }[];
}

function checkTexts(texts: readonly { lang: string }[], field: string): void {
  if (!texts.some((t) => t.lang === 'vi')) throw new AppError('VALIDATION_FAILED', 'Vietnamese text is required: it is the fallback', `${field}`);
  const seen = new Set<string>();
  texts.forEach((t, i) => {
    if (seen.has(t.lang)) throw new AppError('VALIDATION_FAILED', `Language ${t.lang} given twice`, `${field}[${i}].lang`);
    seen.add(t.lang);
  });
}

export async function createCourse(db: Database, provinceCode: string, input: CourseWrite, actorId: string | null): Promise<string> {
  checkTexts(input.texts, 'texts');
  const id = fastUuidV7();
  try {
    await inTransaction(db, async (trx) => {
      await q.insertCourse(trx, {
        id, province_code: provinceCode, code: input.code, skill_code: input.skillCode, group_code: input.groupCode,
        status: input.status, sort: input.sort ?? 0, created_by: actorId,
      });
      await q.replaceCourseTexts(trx, id, courseTextRows(id, provinceCode, input));
    });
  } catch (error) {
    if (sqlStateOf(error) === SQLSTATE.UNIQUE_VIOLATION) throw new AppError('COURSE_CODE_TAKEN', undefined, 'code');
    if (sqlStateOf(error) === SQLSTATE.FOREIGN_KEY_VIOLATION) throw new AppError('SKILL_UNKNOWN', undefined, 'skillCode');
    throw error;
  }
  return id;
}

const courseTextRows = (courseId: string, provinceCode: string, input: CourseWrite) => input.texts.map((t) => ({
  course_id: courseId, province_code: provinceCode, lang: t.lang, title: t.title.trim(), summary: t.summary.trim(),
}));

export async function updateCourse(db: Database, id: string, input: CourseWrite): Promise<void> {
  checkTexts(input.texts, 'texts');
  const course = await q.selectCourseById(db, id);
  if (!course) throw new AppError('COURSE_NOT_FOUND', undefined, 'courseId');
  try {
    await inTransaction(db, async (trx) => {
      await q.updateCourse(trx, id, { code: input.code, skill_code: input.skillCode, group_code: input.groupCode, status: input.status, ...(input.sort === undefined ? {} : { sort: input.sort }) });
      await q.replaceCourseTexts(trx, id, courseTextRows(id, course.province_code, input));
    });
  } catch (error) {
    if (sqlStateOf(error) === SQLSTATE.UNIQUE_VIOLATION) throw new AppError('COURSE_CODE_TAKEN', undefined, 'code');
    if (sqlStateOf(error) === SQLSTATE.FOREIGN_KEY_VIOLATION) throw new AppError('SKILL_UNKNOWN', undefined, 'skillCode');
    throw error;
  }
}

export interface LessonWrite {
  sort?: number;
  minutes: number;
  texts: { lang: string; title: string; markdown: string; media: LessonMedia[] }[];
  quizzes: { lang: string; bankId: string; passPercent: number }[];
}

async function checkLesson(db: Database, input: LessonWrite, provinceCode: string): Promise<void> {
  checkTexts(input.texts, 'texts');
  input.texts.forEach((t, i) => t.media.forEach((m, j) => {
    if (!isMediaUrl(m.url)) throw new AppError('VALIDATION_FAILED', 'Media must be an http(s) link', `texts[${i}].media[${j}].url`);
  }));
  for (const [i, quiz] of input.quizzes.entries()) {
    const bank = await getBank(db, quiz.bankId).catch(() => null);
    if (!bank || bank.provinceCode !== provinceCode) throw new AppError('BANK_NOT_FOUND', undefined, `quizzes[${i}].bankId`);
  }
}

const lessonTextRows = (lessonId: string, provinceCode: string, input: LessonWrite) => input.texts.map((t) => ({
  lesson_id: lessonId, province_code: provinceCode, lang: t.lang, title: t.title.trim(), body_md: t.markdown, media: JSON.stringify(t.media),
}));
const quizRows = (lessonId: string, provinceCode: string, input: LessonWrite) => input.quizzes.map((quiz) => ({
  lesson_id: lessonId, province_code: provinceCode, lang: quiz.lang, bank_id: quiz.bankId, pass_percent: quiz.passPercent,
}));

export async function addLesson(db: Database, courseId: string, input: LessonWrite): Promise<string> {
  const course = await q.selectCourseById(db, courseId);
  if (!course) throw new AppError('COURSE_NOT_FOUND', undefined, 'courseId');
  await checkLesson(db, input, course.province_code);
  const id = fastUuidV7();
  await inTransaction(db, async (trx) => {
    const sort = input.sort ?? (await q.maxLessonSort(trx, courseId)) + 1;
    try {
      await q.insertLesson(trx, { id, course_id: courseId, province_code: course.province_code, sort, minutes: input.minutes });
    } catch (error) {
      if (sqlStateOf(error) === SQLSTATE.UNIQUE_VIOLATION) throw new AppError('VALIDATION_FAILED', 'Another lesson has this place', 'sort');
      throw error;
    }
    await q.replaceLessonTexts(trx, id, lessonTextRows(id, course.province_code, input));
    await q.replaceLessonQuizzes(trx, id, quizRows(id, course.province_code, input));
  });
  return id;
}

export async function updateLesson(db: Database, lessonId: string, input: LessonWrite): Promise<void> {
  const lesson = await q.selectLesson(db, lessonId);
  const course = lesson ? await q.selectCourseById(db, lesson.course_id) : undefined;
  if (!lesson || !course) throw new AppError('LESSON_NOT_FOUND', undefined, 'lessonId');
  await checkLesson(db, input, course.province_code);
  await inTransaction(db, async (trx) => {
    try {
      await q.updateLesson(trx, lessonId, { minutes: input.minutes, ...(input.sort === undefined ? {} : { sort: input.sort }) });
    } catch (error) {
      if (sqlStateOf(error) === SQLSTATE.UNIQUE_VIOLATION) throw new AppError('VALIDATION_FAILED', 'Another lesson has this place', 'sort');
      throw error;
    }
    await q.replaceLessonTexts(trx, lessonId, lessonTextRows(lessonId, course.province_code, input));
    await q.replaceLessonQuizzes(trx, lessonId, quizRows(lessonId, course.province_code, input));
  });
}

/** What the author's Markdown will look like to learners, rendered by the same code. */
export function previewMarkdown(markdown: string): string {
  return renderLessonMarkdown(markdown);
}

/** The course a lesson belongs to, with its province, for scope checks. */
export async function courseOfLesson(db: Database, lessonId: string): Promise<q.CourseRow | undefined> {
  const lesson = await q.selectLesson(db, lessonId);
  return lesson ? q.selectCourseById(db, lesson.course_id) : undefined;
}

export async function courseRow(db: Database, id: string): Promise<q.CourseRow | undefined> {
  return q.selectCourseById(db, id);
}

export async function lessonsOf(db: Database, courseId: string): Promise<{ id: string; hasQuiz: boolean }[]> {
  const lessons = await q.selectLessonsOf(db, [courseId]);
  const quizzes = new Set((await q.selectLessonQuizzes(db, lessons.map((l) => l.id))).map((quiz) => quiz.lesson_id));
  return lessons.map((l) => ({ id: l.id, hasQuiz: quizzes.has(l.id) }));
}
