import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { deviceOf, items } from '../../testing/sync-fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { seedStarterCourses } from './starter-courses.js';

let t: TestApp;
let officer: TestUser;
let leader: TestUser;
let learner: TestUser;
let residentId: string;
const householdId = uuidv7();

beforeAll(async () => {
  t = await startTestApp({ seed: async (db) => { await createSmallProvince(db); await seedStarterCourses(db, '66', null); } });
  officer = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  leader = await createUserAndLogin(t.app, { role: 'team_leader', scopeUnitCode: '6600101' });
  learner = await createUserAndLogin(t.app, { role: 'learner', scopeUnitCode: '6600101' });
  const resident = items.resident({ householdId, groups: ['adult'] });
  residentId = resident.data.id as string;
  await deviceOf(t.app, leader).pushOk([items.household({ id: householdId, villageCode: '6600101' }), resident]);
});
afterAll(() => t.close());

const as = (user: TestUser, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, lang = 'vi') =>
  t.app.inject({ method, url, headers: { ...user.headers, 'accept-language': lang }, ...(payload ? { payload } : {}) });

type Paper = { questions: { id: string; options: { id: string }[] }[] };
/** The right answers, read from the database as only the server can. */
async function rightAnswers(paper: Paper) {
  const rows = await t.db.selectFrom('bank_questions').select(['id', 'correct_option_id']).where('id', 'in', paper.questions.map((q) => q.id)).execute();
  const right = new Map(rows.map((r) => [r.id, r.correct_option_id]));
  return paper.questions.map((q) => ({ questionId: q.id, optionId: right.get(q.id)! }));
}

describe('a learner from catalogue to confirmed skills', () => {
  it('shows the starter courses in Vietnamese and English, lessons rendered without raw HTML', async () => {
    const vi = (await as(learner, 'GET', '/api/learning/courses')).json();
    expect(vi.items).toHaveLength(5);
    expect(vi.items[0]).toMatchObject({ code: 'vneid-muc-2', lang: 'vi', lessonCount: 2, languages: ['en', 'vi'] });
    const en = (await as(learner, 'GET', '/api/learning/courses', undefined, 'en')).json();
    expect(en.items[0].title).toBe('VNeID level 2 and the public service portal');
    // A language nobody wrote falls back to Vietnamese.
    const ede = (await as(learner, 'GET', '/api/learning/courses?lang=ede')).json();
    expect(ede.items[0].lang).toBe('vi');
  });

  it('refuses an unlinked link by guesswork and links by the officer\'s choice', async () => {
    const wrong = await as(officer, 'POST', '/api/learning-admin/links', { userId: leader.id, residentId });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.field).toBe('userId');
    const linked = await as(officer, 'POST', '/api/learning-admin/links', { userId: learner.id, residentId });
    expect(linked.statusCode, linked.body).toBe(201);
    const again = await as(officer, 'POST', '/api/learning-admin/links', { userId: learner.id, residentId });
    expect(again.json().error.code).toBe('LEARNER_LINK_TAKEN');
  });

  it('enrols, reads, passes each quiz, resumes and completes the course once', async () => {
    const course = (await as(learner, 'GET', '/api/learning/courses')).json().items[0];
    const enrolled = await as(learner, 'POST', `/api/learning/courses/${course.id}/enrolment`);
    expect(enrolled.json()).toMatchObject({ created: true, source: 'app' });
    expect((await as(learner, 'POST', `/api/learning/courses/${course.id}/enrolment`)).json().created).toBe(false);
    const detail = (await as(learner, 'GET', `/api/learning/courses/${course.id}`)).json();
    const [first, second] = detail.lessons;
    // Kept for offline reading ahead of time: the lesson comes, but it is not marked read.
    const kept = await as(learner, 'GET', `/api/learning/lessons/${second.id}?keep=true`);
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().title).toBe(second.title);
    expect((await as(learner, 'GET', '/api/learning/my/courses')).json().items[0]).toMatchObject({ lessonsRead: 0, lastLessonId: null });
    const lesson = (await as(learner, 'GET', `/api/learning/lessons/${first.id}`)).json();
    expect(lesson.html).toContain('<strong>VNeID mức 2</strong>');
    expect(lesson.nextLessonId).toBe(second.id);
    const mine = (await as(learner, 'GET', '/api/learning/my/courses')).json().items;
    expect(mine[0]).toMatchObject({ lastLessonId: first.id, lessonsRead: 1, completedOn: null });

    for (const { id } of detail.lessons) {
      const paper = (await as(learner, 'GET', `/api/learning/lessons/${id}/quiz`)).json();
      expect(JSON.stringify(paper)).not.toMatch(/correct/i);
      const wrongQuestion = await as(learner, 'POST', `/api/learning/lessons/${id}/quiz`, { answers: [{ questionId: uuidv7(), optionId: 'x' }] });
      expect(wrongQuestion.json().error).toMatchObject({ code: 'ATTEMPT_ANSWER_UNKNOWN_QUESTION', field: 'answers[0].questionId' });
      const result = (await as(learner, 'POST', `/api/learning/lessons/${id}/quiz`, { answers: await rightAnswers(paper) })).json();
      expect(result).toMatchObject({ correct: 3, total: 3, passed: true });
    }
    const done = (await as(learner, 'GET', '/api/learning/my/courses')).json().items[0];
    expect(done.completedOn).not.toBeNull();
    const completions = await t.db.selectFrom('course_completions').selectAll().where('course_id', '=', course.id).execute();
    expect(completions).toHaveLength(1);
    expect(completions[0]).toMatchObject({ resident_id: residentId, user_id: learner.id, source: 'app' });
  });

  it('draws a skill check on the server, refuses late answers and strangers\' questions, and confirms the skills with the last pass', async () => {
    const checks = (await as(learner, 'GET', '/api/learning/skill-checks')).json();
    expect(checks.items.filter((i: { required: boolean }) => i.required)).toHaveLength(5);
    expect(checks.confirmed).toBe(false);

    let last: { skillsConfirmed: boolean } | undefined;
    for (const item of checks.items as { skillCode: string }[]) {
      const paper = (await as(learner, 'POST', `/api/learning/skill-checks/${item.skillCode}/attempts`)).json();
      expect(paper.questions).toHaveLength(5);
      expect(JSON.stringify(paper)).not.toMatch(/correct/i);
      expect(new Date(paper.deadline).getTime() - new Date(paper.startedAt).getTime()).toBe(600_000);
      const stranger = await as(learner, 'POST', `/api/learning/skill-check-attempts/${paper.attemptId}/submit`, { answers: [{ questionId: uuidv7(), optionId: 'a' }] });
      expect(stranger.json().error.code).toBe('ATTEMPT_ANSWER_UNKNOWN_QUESTION');
      const result = await as(learner, 'POST', `/api/learning/skill-check-attempts/${paper.attemptId}/submit`, { answers: await rightAnswers(paper) });
      expect(result.json()).toMatchObject({ passed: true, correct: 5 });
      last = result.json();
      const twice = await as(learner, 'POST', `/api/learning/skill-check-attempts/${paper.attemptId}/submit`, { answers: [] });
      expect(twice.json().error.code).toBe('ATTEMPT_ALREADY_SUBMITTED');
    }
    expect(last?.skillsConfirmed).toBe(true);
    const facts = await t.db.selectFrom('milestones').selectAll().where('resident_id', '=', residentId).where('kind', '=', 'skills_confirmed').execute();
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ source: 'test', unit_code: '6600101' });
    const counted = await t.db.selectFrom('rollup_counts').select('value').where('source', '=', 'milestone:skills_confirmed').where('unit_code', '=', '6600101').execute();
    expect(counted.reduce((sum, r) => sum + Number(r.value), 0)).toBe(1);
    expect((await as(learner, 'GET', '/api/learning/skill-checks')).json().confirmed).toBe(true);
    // The certificate comes with the confirmation, and checks as valid.
    const certificates = (await as(learner, 'GET', '/api/me/certificates')).json().items;
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toMatchObject({ source: 'test', unitCode: '6600101', skills: expect.any(Array) });
    expect((await as(learner, 'GET', `/api/certificates/${certificates[0].code}`)).json().status).toBe('valid');
  });

  it('refuses answers after the deadline', async () => {
    const paper = (await as(learner, 'POST', '/api/learning/skill-checks/online_safety/attempts')).json();
    await t.db.updateTable('skill_check_attempts').set({ deadline: new Date(Date.now() - 60_000) }).where('id', '=', paper.attemptId).execute();
    const late = await as(learner, 'POST', `/api/learning/skill-check-attempts/${paper.attemptId}/submit`, { answers: await rightAnswers(paper) });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('ATTEMPT_DEADLINE_PASSED');
  });

  it('records a guided confirmation from the field app with source guided', async () => {
    const other = items.resident({ householdId, groups: ['adult'] });
    const visit = items.visit({ householdId, help: [{ residentId: other.data.id, milestone: 'skills_confirmed', skills: ['online_safety', 'online_payment'] }] });
    await deviceOf(t.app, leader).pushOk([other, visit]);
    const fact = await t.db.selectFrom('milestones').selectAll().where('resident_id', '=', other.data.id as string).executeTakeFirstOrThrow();
    expect(fact).toMatchObject({ kind: 'skills_confirmed', source: 'guided', skills: ['online_safety', 'online_payment'] });
  });
});

describe('skill checks per language', () => {
  it('draws the questions in the learner\'s language, Vietnamese where the check has none', async () => {
    const reader = await createUserAndLogin(t.app, { role: 'learner', scopeUnitCode: '6600101' });
    const settings = (await as(officer, 'GET', '/api/learning-admin/skill-checks')).json().items;
    const payment = settings.find((x: { skillCode: string }) => x.skillCode === 'online_payment');
    expect(payment.languages).toEqual([{ lang: 'en', bankId: expect.any(String) }]);
    const bankOf = async (paper: Paper) => new Set((await t.db.selectFrom('bank_questions').select('bank_id')
      .where('id', 'in', paper.questions.map((q) => q.id)).execute()).map((r) => r.bank_id));
    const english = (await as(reader, 'POST', '/api/learning/skill-checks/online_payment/attempts', undefined, 'en')).json();
    expect(await bankOf(english)).toEqual(new Set([payment.languages[0].bankId]));
    // Ê Đê has no bank of its own: Vietnamese serves.
    const ede = (await as(reader, 'POST', '/api/learning/skill-checks/online_safety/attempts?lang=ede')).json();
    const safety = settings.find((x: { skillCode: string }) => x.skillCode === 'online_safety');
    expect(await bankOf(ede)).toEqual(new Set([safety.bankId]));
    // An English bank must be a bank of the province with enough questions, and Vietnamese is not a second language.
    const { skillCode: _code, ...body } = safety;
    const twice = await as(officer, 'PUT', '/api/learning-admin/skill-checks/online_safety', { ...body, languages: [{ lang: 'vi', bankId: safety.bankId }] });
    expect(twice.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'languages[0].lang' });
    const unknown = await as(officer, 'PUT', '/api/learning-admin/skill-checks/online_safety', { ...body, languages: [{ lang: 'en', bankId: uuidv7() }] });
    expect(unknown.json().error).toMatchObject({ code: 'BANK_NOT_FOUND', field: 'languages[0].bankId' });
  });
});

describe('authors and the framework', () => {
  it('writes a course with a lesson per language, previews Markdown without raw HTML, and keeps drafts from learners', async () => {
    const created = await as(officer, 'POST', '/api/learning-admin/courses', {
      code: 'cadre-training', skillCode: null, groupCode: 'cadre', status: 'draft', texts: [{ lang: 'vi', title: 'Bồi dưỡng cán bộ', summary: '' }, { lang: 'ede', title: 'Bồi dưỡng', summary: '' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const lesson = await as(officer, 'POST', `/api/learning-admin/courses/${created.json().id}/lessons`, {
      minutes: 3, quizzes: [],
      texts: [{ lang: 'vi', title: 'Bài 1', markdown: 'Xin chào <script>alert(1)</script> **đậm**', media: [{ kind: 'video', url: 'javascript:alert(1)', caption: '' }] }],
    });
    expect(lesson.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'texts[0].media[0].url' });
    const preview = (await as(officer, 'POST', '/api/learning-admin/preview', { markdown: 'Xin chào <script>alert(1)</script> [x](javascript:alert(1))' })).json();
    expect(preview.html).not.toContain('<script>');
    expect(preview.html).not.toContain('href="javascript');
    expect((await as(learner, 'GET', `/api/learning/courses/${created.json().id}`)).statusCode).toBe(404);
    const noVi = await as(officer, 'POST', '/api/learning-admin/courses', { code: 'x-1', skillCode: null, groupCode: null, status: 'draft', texts: [{ lang: 'en', title: 'X', summary: '' }] });
    expect(noVi.json().error.field).toBe('texts');
    expect((await as(learner, 'POST', '/api/learning-admin/courses', { code: 'x-2', skillCode: null, groupCode: null, status: 'draft', texts: [{ lang: 'vi', title: 'X', summary: '' }] })).statusCode).toBe(403);
  });

  it('edits the framework as data and refuses a requirement naming no skill', async () => {
    const framework = (await as(learner, 'GET', '/api/learning-admin/framework')).json();
    expect(framework.skills).toHaveLength(5);
    expect(framework.groups.map((g: { code: string }) => g.code)).toEqual(['pupil', 'citizen', 'cadre', 'enterprise_worker']);
    const pupils = framework.groups.find((g: { code: string }) => g.code === 'pupil');
    pupils.skills = ['online_safety', 'public_services'];
    const saved = await as(officer, 'PUT', '/api/learning-admin/framework', framework);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().groups[0].skills).toEqual(['public_services', 'online_safety']);
    pupils.skills = ['flying'];
    const bad = await as(officer, 'PUT', '/api/learning-admin/framework', framework);
    expect(bad.json().error).toMatchObject({ code: 'SKILL_UNKNOWN', field: 'groups[0].skills[0]' });
  });
});

describe('learning in the targets', () => {
  it('lets an indicator read enrolments, counting each learner once', async () => {
    const admin = await createUserAndLogin(t.app, { role: 'admin', scopeUnitCode: null });
    const saved = await as(admin, 'PUT', '/api/indicators/learners_enrolled', {
      nameVi: 'Người đăng ký học', nameEn: 'People registered for learning', explanationVi: '', explanationEn: '', unitLabel: 'người',
      percent: false, numerator: { source: 'learners' }, denominator: null, sort: 900, active: true,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const progress = (await as(officer, 'GET', '/api/progress?unit=66')).json();
    const figure = progress.indicators.find((i: { code: string }) => i.code === 'learners_enrolled');
    // The learner enrolled in one course: counted once, whatever the number of courses.
    expect(figure.numerator).toBe(1);
  });
});
