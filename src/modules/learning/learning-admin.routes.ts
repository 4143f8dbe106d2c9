import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { ErrorResponse } from '../../http/schemas.js';
import { provinceCodeOf } from '../units/units.service.js';
import { addLesson, courseOfLesson, courseRow, createCourse, getCourse, getLesson, listCourses, previewMarkdown, updateCourse, updateLesson } from './courses.service.js';
import * as lq from './courses.queries.js';
import { frameworkVariantNames, getFramework, loadFrameworkVariant, saveFramework } from './framework.service.js';
import { learnerOf, linkLearner, unlinkLearner } from './learners.service.js';
import * as s from './learning.schema.js';
import { confirmOnLink, listSkillCheckSettings, saveSkillCheckSetting } from './skill-checks.service.js';

const tags = ['learning-admin'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
const authors = ['province_officer'] as const;

async function provinceOf(db: Database, viewer: Viewer): Promise<string> {
  if (!viewer.scopeUnitCode) throw new AppError('FORBIDDEN', 'Authors write for their province');
  return (await provinceCodeOf(db, viewer.scopeUnitCode)) ?? viewer.scopeUnitCode;
}

/** A course of the author's province, else not found: authors of one province do not see another's drafts. */
async function authoredCourse(db: Database, viewer: Viewer, id: string): Promise<lq.CourseRow> {
  const row = await courseRow(db, id);
  if (!row || row.province_code !== (await provinceOf(db, viewer))) throw new AppError('COURSE_NOT_FOUND', undefined, 'id');
  return row;
}

/** The officers' side under /api/learning-admin: the framework, courses and lessons, skill checks, learner links. */
export const learningAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;

  app.get('/framework', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'The skills framework: skills, competences, target groups and the skills each must confirm', response: { 200: s.FrameworkSchema, ...errors } },
  }, () => getFramework(db));

  app.put('/framework', {
    config: { access: authors },
    schema: { tags, summary: 'Replace the skills framework (province officers)', body: s.FrameworkSchema, response: { 200: s.FrameworkSchema, ...errors } },
  }, (request) => saveFramework(db, request.body));

  app.get('/framework/variants', {
    config: { access: authors },
    schema: { tags, summary: 'Frameworks that can be loaded whole', response: { 200: s.VariantList, ...errors } },
  }, () => ({ items: frameworkVariantNames() }));

  app.post('/framework/variants/:name', {
    config: { access: authors },
    schema: { tags, summary: 'Load a framework variant in place of the current one', params: s.VariantParams, response: { 200: s.FrameworkSchema, ...errors } },
  }, (request) => loadFrameworkVariant(db, request.params.name));

  app.get('/courses', {
    config: { access: authors },
    schema: { tags, summary: 'Every course of the province, drafts included', querystring: s.LangQuery, response: { 200: s.CourseList, ...errors } },
  }, async (request) => ({ items: await listCourses(db, await provinceOf(db, request.viewer!), request.query.lang ?? request.lang, true) }));

  app.post('/courses', {
    config: { access: authors },
    schema: { tags, summary: 'Create a course (Vietnamese text required)', body: s.CourseWriteBody, response: { 201: s.CreatedSchema, ...errors } },
  }, async (request, reply) => reply.status(201).send({ id: await createCourse(db, await provinceOf(db, request.viewer!), request.body, request.viewer!.id) }));

  app.get('/courses/:id', {
    config: { access: authors },
    schema: { tags, summary: 'A course as its authors see it', params: s.IdParams, querystring: s.LangQuery, response: { 200: s.CourseDetailSchema, ...errors } },
  }, async (request) => {
    await authoredCourse(db, request.viewer!, request.params.id);
    return getCourse(db, request.params.id, request.query.lang ?? request.lang, true);
  });

  app.put('/courses/:id', {
    config: { access: authors },
    schema: { tags, summary: 'Change a course, its texts and its status', params: s.IdParams, body: s.CourseWriteBody, response: { 204: s.NoContentSchema, ...errors } },
  }, async (request, reply) => {
    await authoredCourse(db, request.viewer!, request.params.id);
    await updateCourse(db, request.params.id, request.body);
    return reply.status(204).send(null);
  });

  app.post('/courses/:id/lessons', {
    config: { access: authors },
    schema: { tags, summary: 'Add a lesson: Markdown per language, media links, a quiz bank per language', params: s.IdParams, body: s.LessonWriteBody, response: { 201: s.CreatedSchema, ...errors } },
  }, async (request, reply) => {
    await authoredCourse(db, request.viewer!, request.params.id);
    return reply.status(201).send({ id: await addLesson(db, request.params.id, request.body) });
  });

  app.get('/lessons/:id', {
    config: { access: authors },
    schema: { tags, summary: 'A lesson as its authors wrote it, every language', params: s.IdParams, response: { 200: s.AuthorLessonSchema, ...errors } },
  }, async (request) => {
    const course = await courseOfLesson(db, request.params.id);
    if (!course) throw new AppError('LESSON_NOT_FOUND', undefined, 'id');
    await authoredCourse(db, request.viewer!, course.id);
    const lesson = await getLesson(db, request.params.id, 'vi', true);
    const texts = await lq.selectLessonTexts(db, [lesson.id]);
    const quizzes = await lq.selectLessonQuizzes(db, [lesson.id]);
    return {
      id: lesson.id, courseId: lesson.courseId, sort: lesson.sort, minutes: lesson.minutes,
      texts: texts.map((t) => ({ lang: t.lang, title: t.title, markdown: t.body_md, media: t.media as never })),
      quizzes: quizzes.map((quiz) => ({ lang: quiz.lang, bankId: quiz.bank_id, passPercent: quiz.pass_percent })),
    };
  });

  app.put('/lessons/:id', {
    config: { access: authors },
    schema: { tags, summary: 'Change a lesson', params: s.IdParams, body: s.LessonWriteBody, response: { 204: s.NoContentSchema, ...errors } },
  }, async (request, reply) => {
    const course = await courseOfLesson(db, request.params.id);
    if (!course) throw new AppError('LESSON_NOT_FOUND', undefined, 'id');
    await authoredCourse(db, request.viewer!, course.id);
    await updateLesson(db, request.params.id, request.body);
    return reply.status(204).send(null);
  });

  app.post('/preview', {
    config: { access: authors },
    schema: { tags, summary: 'Render Markdown exactly as learners will see it (no raw HTML)', body: s.PreviewBody, response: { 200: s.PreviewSchema, ...errors } },
  }, (request) => ({ html: previewMarkdown(request.body.markdown) }));

  app.get('/skill-checks', {
    config: { access: authors },
    schema: { tags, summary: 'Each skill\'s check: bank, questions, pass mark, minutes', response: { 200: s.SkillCheckSettingList, ...errors } },
  }, async () => ({ items: await listSkillCheckSettings(db) }));

  app.put('/skill-checks/:skill', {
    config: { access: authors },
    schema: { tags, summary: 'Set a skill\'s check', params: s.SkillParams, body: s.SkillCheckSettingBody, response: { 204: s.NoContentSchema, ...errors } },
  }, async (request, reply) => {
    await saveSkillCheckSetting(db, await provinceOf(db, request.viewer!), { skillCode: request.params.skill, ...request.body });
    return reply.status(204).send(null);
  });

  app.post('/links', {
    config: { access: ['province_officer', 'commune_officer'], personalData: { audit: 'learning.link' } },
    schema: { tags, summary: 'Link a learner account to a resident record the officer chose (never by guesswork)', body: s.LinkBody, response: { 201: s.LinkSchema, ...errors } },
  }, async (request, reply) => {
    const link = await linkLearner(db, request.viewer!, request.body);
    const learner = await learnerOf(db, { id: link.userId, username: '', role: 'learner', scopeUnitCode: null });
    const skillsConfirmed = await confirmOnLink(db, learner);
    return reply.status(201).send({ ...link, skillsConfirmed });
  });

  app.delete('/links/:userId', {
    config: { access: ['province_officer', 'commune_officer'], personalData: { audit: 'learning.unlink' } },
    schema: { tags, summary: 'Undo a link made by mistake', params: s.UserParams, response: { 204: s.NoContentSchema, ...errors } },
  }, async (request, reply) => {
    await unlinkLearner(db, request.viewer!, request.params.userId);
    return reply.status(204).send(null);
  });
};
