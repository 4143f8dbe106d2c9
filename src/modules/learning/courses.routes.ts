import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../http/schemas.js';
import { getCourse, listCourses } from './courses.service.js';
import { learnerOf } from './learners.service.js';
import * as s from './learning.schema.js';
import { enrolMe, lessonQuiz, myCourses, openLesson, submitLessonQuiz } from './progress.service.js';
import { mySkillChecks, startSkillCheck, submitSkillCheck } from './skill-checks.service.js';
import { listSkills } from './learning.service.js';

const tags = ['learning'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
const access = 'authenticated' as const;
// The learner's own progress: their data, shown to themself only.
const own = { own: true } as const;

/** The learner's side under /api/learning: catalogue, my courses, lessons, quizzes and skill checks. */
export const learnerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;

  app.get('/courses', {
    config: { access },
    schema: { tags, summary: 'Published courses of the learner\'s province, in the asked language (Vietnamese as the fallback)', querystring: s.LangQuery, response: { 200: s.CourseList, ...errors } },
  }, async (request) => {
    const learner = await learnerOf(db, request.viewer!);
    return { items: await listCourses(db, learner.provinceCode, request.query.lang ?? request.lang) };
  });

  app.get('/courses/:id', {
    config: { access },
    schema: { tags, summary: 'A published course with its lessons', params: s.IdParams, querystring: s.LangQuery, response: { 200: s.CourseDetailSchema, ...errors } },
  }, async (request) => getCourse(db, request.params.id, request.query.lang ?? request.lang));

  app.post('/courses/:id/enrolment', {
    config: { access, personalData: own },
    schema: { tags, summary: 'Enrol in a course (enrolling again answers the first enrolment)', params: s.IdParams, response: { 200: s.EnrolmentSchema, ...errors } },
  }, async (request) => {
    const e = await enrolMe(db, await learnerOf(db, request.viewer!), request.params.id);
    return { id: e.id, courseId: e.courseId, enrolledOn: e.enrolledOn, source: e.source, lastLessonId: e.lastLessonId, created: e.created };
  });

  app.get('/my/courses', {
    config: { access, personalData: own },
    schema: { tags, summary: 'My courses, how far I am in each and where to resume', querystring: s.LangQuery, response: { 200: s.MyCourseList, ...errors } },
  }, async (request) => ({ items: await myCourses(db, await learnerOf(db, request.viewer!), request.query.lang ?? request.lang) }));

  app.get('/lessons/:id', {
    config: { access, personalData: own },
    schema: {
      tags, summary: 'A lesson, rendered on the server; opening it marks it read for an enrolled learner, fetching it to keep offline (keep=true) does not',
      params: s.IdParams, querystring: s.LessonQuery, response: { 200: s.LessonSchema, ...errors },
    },
  }, async (request) => openLesson(db, await learnerOf(db, request.viewer!), request.params.id, request.query.lang ?? request.lang, { markRead: request.query.keep !== true }));

  app.get('/lessons/:id/quiz', {
    config: { access },
    schema: { tags, summary: 'The lesson\'s quiz: questions and options, never which is right', params: s.IdParams, querystring: s.LangQuery, response: { 200: s.QuizPaperSchema, ...errors } },
  }, async (request) => lessonQuiz(db, await learnerOf(db, request.viewer!), request.params.id, request.query.lang ?? request.lang));

  app.post('/lessons/:id/quiz', {
    config: { access, personalData: own },
    schema: { tags, summary: 'Answer the lesson\'s quiz; scored on the server', params: s.IdParams, querystring: s.LangQuery, body: s.AnswersBody, response: { 200: s.QuizResultSchema, ...errors } },
  }, async (request) => submitLessonQuiz(db, await learnerOf(db, request.viewer!), request.params.id, request.body.answers, request.query.lang ?? request.lang));

  app.get('/skill-checks', {
    config: { access, personalData: own },
    schema: { tags, summary: 'My skill checks: which my target group must pass, which I passed', response: { 200: s.MySkillChecksSchema, ...errors } },
  }, async (request) => {
    const skills = await listSkills(db, request.lang);
    const mine = await mySkillChecks(db, await learnerOf(db, request.viewer!), skills.map((skill) => skill.code));
    const names = new Map(skills.map((skill) => [skill.code, skill.name]));
    return { confirmed: mine.confirmed, items: mine.items.map((item) => ({ ...item, name: names.get(item.skillCode) ?? item.skillCode })) };
  });

  app.post('/skill-checks/:skill/attempts', {
    config: { access, personalData: own },
    schema: { tags, summary: 'Start (or resume) a skill check: questions drawn on the server in the asked language (Vietnamese as the fallback), deadline from the server\'s clock', params: s.SkillParams, querystring: s.LangQuery, response: { 200: s.SkillCheckPaperSchema, ...errors } },
  }, async (request) => startSkillCheck(db, await learnerOf(db, request.viewer!), request.params.skill, request.query.lang ?? request.lang));

  app.post('/skill-check-attempts/:id/submit', {
    config: { access, personalData: own },
    schema: { tags, summary: 'Submit a skill check once; late answers and answers to questions not drawn are refused', params: s.IdParams, body: s.AnswersBody, response: { 200: s.SkillCheckResultSchema, ...errors } },
  }, async (request) => submitSkillCheck(db, await learnerOf(db, request.viewer!), request.params.id, request.body.answers));
};
