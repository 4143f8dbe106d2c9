import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamDay } from '../../lib/vietnam-day.js';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { createUnit } from '../units/units.service.js';
import { recountRollups } from '../../rollup-sources.js';
import { recordAreas, snapshotRollups } from '../rollups/rollups.service.js';
import { startWithToken, submitWithToken } from './attempts.service.js';
import { importAikenBank, registerPerson, rightAnswers, type ContestClient } from './contest-fixtures.js';

let t: TestApp;
let officer: TestUser;
let bankId: string;
let contestId: string;
const today = vietnamDay();

beforeAll(async () => {
  t = await startTestApp({
    seed: async (db) => {
      await createSmallProvince(db);
      await createUnit(db, { code: '67', name: 'Tỉnh Bên Cạnh', type: 'tỉnh', parentCode: null, validFrom: '2025-07-01' }, null);
      await createUnit(db, { code: '67001', name: 'Xã Bên Cạnh', type: 'xã', parentCode: '67', validFrom: '2025-07-01' }, null);
    },
    env: { CONTEST_PERSON_RATE_LIMIT: '1000', CONTEST_REGISTER_RATE_LIMIT: '1000' },
  });
  officer = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  bankId = await importAikenBank(t.app, officer, 30);
  const created = await t.app.inject({
    method: 'POST', url: '/api/contest-admin/contests', headers: officer.headers,
    payload: {
      provinceCode: '66', title: 'Tìm hiểu chuyển đổi số', bankId, organiserPhones: ['0912 000 999'],
      phases: [{ startsOn: addDays(today, -1), endsOn: addDays(today, 1) }, { startsOn: addDays(today, 2), endsOn: addDays(today, 3) }],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  contestId = created.json().id;
});
afterAll(() => t.close());

const start = (client: ContestClient, id = contestId) =>
  t.app.inject({ method: 'POST', url: `/api/contests/${id}/attempts`, headers: { cookie: client.cookie }, remoteAddress: client.address });
const submit = (client: ContestClient, attemptId: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/attempts/${attemptId}/submit`, headers: { cookie: client.cookie }, remoteAddress: client.address, payload });

describe('taking part', () => {
  it('lists the open contest with its phases and the default rules', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/contests' });
    const contest = list.json().items.find((c: { id: string }) => c.id === contestId);
    expect(contest.phases.map((p: { number: number }) => p.number)).toEqual([1, 2]);
    expect(contest.rules).toMatchObject({ questionsPerAttempt: 10, timeLimitSeconds: 600, attemptsPerDay: 1 });
    expect(JSON.stringify(list.json())).not.toContain('organiser');
  });

  it('starts an attempt whose questions carry no mark of the right option, and resumes it after a dropped connection', async () => {
    const person = await registerPerson(t.app, '6600101');
    const first = await start(person);
    expect(first.statusCode, first.body).toBe(200);
    const paper = first.json();
    expect(Object.keys(paper).sort()).toEqual(['attemptId', 'deadline', 'questions']);
    expect(paper.questions).toHaveLength(10);
    for (const question of paper.questions) {
      expect(Object.keys(question).sort()).toEqual(['id', 'options', 'text']);
      expect(question.options).toHaveLength(4);
      for (const option of question.options) expect(Object.keys(option).sort()).toEqual(['id', 'text']);
    }
    expect(first.body).not.toMatch(/correct/i);
    // Sent as its own bytes: exactly what the schema's serialiser writes, in the schema's order.
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.body).toBe(JSON.stringify({
      attemptId: paper.attemptId,
      questions: paper.questions.map((q: { id: string; text: string; options: { id: string; text: string }[] }) => ({
        id: q.id, text: q.text, options: q.options.map((o) => ({ id: o.id, text: o.text })),
      })),
      deadline: paper.deadline,
    }));
    // The deadline is the server's: ten minutes from the start.
    const stored = await t.db.selectFrom('contest_attempts').select(['started_at', 'deadline']).where('id', '=', paper.attemptId).executeTakeFirstOrThrow();
    expect(new Date(paper.deadline).getTime() - new Date(stored.started_at).getTime()).toBe(600_000);

    const again = await start(person);
    expect(again.json()).toEqual(paper);

    const answered = await submit(person, paper.attemptId, { answers: rightAnswers(paper, 7), prediction: 1200 });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ score: 70, correct: 7 });
    expect(answered.json().durationMs).toBeGreaterThanOrEqual(0);

    const tomorrowOnly = await start(person);
    expect(tomorrowOnly.statusCode).toBe(409);
    expect(tomorrowOnly.json().error.code).toBe('ATTEMPT_DAILY_LIMIT');
  });

  it('makes one attempt of ten starts of one person arriving together, all answered with it', async () => {
    const person = await registerPerson(t.app, '6600202');
    const replies = await Promise.all(Array.from({ length: 10 }, () => start(person)));
    expect(replies.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(new Set(replies.map((r) => r.json().attemptId)).size).toBe(1);
    const rows = await sql<{ n: number }>`select count(*)::int as n from contest_attempts a join contest_participants p on p.id = a.participant_id where p.unit_code = '6600202'`.execute(t.db);
    expect(Number(rows.rows[0]!.n)).toBe(1);
  });

  it('shows a participant their place right after they submit, though the leaderboard was read a moment before', async () => {
    const board = (client?: ContestClient) =>
      t.app.inject({ method: 'GET', url: `/api/contests/${contestId}/leaderboard?phase=1`, headers: client ? { cookie: client.cookie } : {} });
    const early = await registerPerson(t.app, '6600102');
    const earlyPaper = (await start(early)).json();
    expect((await submit(early, earlyPaper.attemptId, { answers: rightAnswers(earlyPaper, 2), prediction: 10 })).statusCode).toBe(200);
    const before = (await board()).json();
    // The ranking is kept a few seconds: this submission lands after it was read.
    const late = await registerPerson(t.app, '6600102');
    const latePaper = (await start(late)).json();
    expect((await submit(late, latePaper.attemptId, { answers: rightAnswers(latePaper, 10), prediction: 10 })).statusCode).toBe(200);
    const kept = (await board()).json();
    expect(kept.participantCount).toBe(before.participantCount);
    const mine = (await board(late)).json();
    expect(mine.me).toMatchObject({ rank: 1, score: 100, correct: 10 });
    expect(mine.participantCount).toBe(before.participantCount + 1);
    const theirs = (await board(early)).json();
    expect(theirs.me).toMatchObject({ score: 20 });
    expect(theirs.me.rank).toBe(before.items.findIndex((i: { score: number; durationMs: number }) => i.score === 20) + 1);
  });

  it('scores fifty copies of one submission arriving together once, and counts the entrant once', async () => {
    const person = await registerPerson(t.app, '6600201');
    const paper = (await start(person)).json();
    const body = { answers: rightAnswers(paper, 10), prediction: 50 };
    const replies = await Promise.all(Array.from({ length: 50 }, () => submit(person, paper.attemptId, body)));
    const ok = replies.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    expect(ok[0]!.json()).toMatchObject({ score: 100, correct: 10 });
    const refused = replies.filter((r) => r.statusCode !== 200);
    expect(new Set(refused.map((r) => `${r.statusCode} ${r.json().error.code}`))).toEqual(new Set(['409 ATTEMPT_ALREADY_SUBMITTED']));
    const counts = await t.db.selectFrom('rollup_counts').select(['value']).where('source', '=', 'contest_participants').where('unit_code', '=', '6600201').execute();
    expect(counts.reduce((sum, r) => sum + Number(r.value), 0)).toBe(1);
    const entries = await sql<{ n: number }>`select count(*)::int as n from contest_entries where unit_code = '6600201'`.execute(t.db);
    expect(Number(entries.rows[0]!.n)).toBe(1);
  });

  it('starts in one round trip and scores in one (the statement, the attempt kept from its start), the counts the same as a rebuild', async () => {
    const person = await registerPerson(t.app, '6600102');
    const token = person.cookie.split('=')[1];
    let statements = 0;
    const counted = t.db.withPlugin({
      transformQuery: (args) => { statements += 1; return args.node; },
      transformResult: (args) => Promise.resolve(args.result),
    });
    // Warm the contest and its bank, kept in memory as on a running server.
    await startWithToken(t.db, token, contestId, person.address);
    const other = await registerPerson(t.app, '6600101');
    const otherToken = other.cookie.split('=')[1];
    statements = 0;
    const paper = await startWithToken(counted, otherToken, contestId, other.address);
    expect(statements).toBe(1);
    statements = 0;
    const result = await submitWithToken(counted, otherToken, paper.attemptId, { answers: rightAnswers(paper, 4), prediction: 7 }, other.address);
    expect(result).toMatchObject({ score: 40, correct: 4 });
    expect(statements).toBe(1);
    // The copy is refused after one read: the statement is not tried again.
    statements = 0;
    await expect(submitWithToken(counted, otherToken, paper.attemptId, { answers: rightAnswers(paper, 4), prediction: 7 }, other.address))
      .rejects.toMatchObject({ code: 'ATTEMPT_ALREADY_SUBMITTED' });
    expect(statements).toBe(1);
    const before = await snapshotRollups(t.db);
    await t.db.transaction().execute((trx) => recountRollups(trx));
    expect(await snapshotRollups(t.db)).toEqual(before);
  });

  it('writes starts and scorings that arrive together in a few statements, each answered and stored as its own', async () => {
    const units = ['6600101', '6600102', '6600201', '6600202'];
    const people = await Promise.all(units.flatMap((unit) => [1, 2, 3].map(() => registerPerson(t.app, unit))));
    // Counted before, as on a live server: a unit's first entrant ever records its area first (another statement).
    await recordAreas(t.db, units);
    const tokens = people.map((person) => person.cookie.split('=')[1]);
    let statements = 0;
    const counted = t.db.withPlugin({
      transformQuery: (args) => { statements += 1; return args.node; },
      transformResult: (args) => Promise.resolve(args.result),
    });
    const papers = await Promise.all(people.map((person, i) => startWithToken(counted, tokens[i], contestId, person.address)));
    expect(new Set(papers.map((paper) => paper.attemptId)).size).toBe(people.length);
    // The first goes alone at once; the others arrive while it runs and go together next.
    expect(statements).toBeGreaterThanOrEqual(2);
    expect(statements).toBeLessThanOrEqual(3);
    const owners = await t.db.selectFrom('contest_attempts').innerJoin('contest_participants as p', 'p.id', 'contest_attempts.participant_id')
      .select(['contest_attempts.id', 'p.token_hash']).where('contest_attempts.id', 'in', papers.map((paper) => paper.attemptId)).execute();
    expect(owners).toHaveLength(people.length);

    statements = 0;
    const results = await Promise.all(people.map((person, i) =>
      submitWithToken(counted, tokens[i], papers[i]!.attemptId, { answers: rightAnswers(papers[i]!, i % 11), prediction: i }, person.address)));
    expect(results.map((result) => result.correct)).toEqual(people.map((_, i) => i % 11));
    expect(statements).toBeLessThanOrEqual(3);
    const stored = await t.db.selectFrom('contest_attempts').select(['id', 'correct', 'prediction'])
      .where('id', 'in', papers.map((paper) => paper.attemptId)).execute();
    const byId = new Map(stored.map((row) => [row.id, row]));
    papers.forEach((paper, i) => expect(byId.get(paper.attemptId)).toMatchObject({ correct: i % 11, prediction: i }));
    const before = await snapshotRollups(t.db);
    await t.db.transaction().execute((trx) => recountRollups(trx));
    expect(await snapshotRollups(t.db)).toEqual(before);
  });

  it('refuses each kind of bad submission with its own code and the field, scoring nothing', async () => {
    const person = await registerPerson(t.app, '6600102');
    const paper = (await start(person)).json();
    const good = rightAnswers(paper, 10);
    const cases: [object, string, string][] = [
      [{ answers: [{ questionId: '0190c3c1-0000-7000-8000-000000000000', optionId: 'x' }], prediction: 1 }, 'ATTEMPT_ANSWER_UNKNOWN_QUESTION', 'answers[0].questionId'],
      [{ answers: [{ ...good[0]!, optionId: 'nope' }], prediction: 1 }, 'ATTEMPT_ANSWER_UNKNOWN_OPTION', 'answers[0].optionId'],
      [{ answers: [good[0], good[1], good[0]], prediction: 1 }, 'ATTEMPT_ANSWER_REPEATED', 'answers[2].questionId'],
      [{ answers: good, prediction: -1 }, 'PREDICTION_INVALID', 'prediction'],
      [{ answers: good, prediction: 2.5 }, 'PREDICTION_INVALID', 'prediction'],
      [{ answers: good, prediction: '12' }, 'PREDICTION_INVALID', 'prediction'],
    ];
    for (const [body, code, field] of cases) {
      const reply = await submit(person, paper.attemptId, body);
      expect(reply.statusCode).toBe(422);
      expect(reply.json().error).toMatchObject({ code, field });
    }
    const row = await t.db.selectFrom('contest_attempts').select(['submitted_at', 'score']).where('id', '=', paper.attemptId).executeTakeFirstOrThrow();
    expect(row).toEqual({ submitted_at: null, score: null });
    const stranger = await registerPerson(t.app, '6600102');
    expect((await submit(stranger, paper.attemptId, { answers: good, prediction: 1 })).json().error.code).toBe('ATTEMPT_NOT_FOUND');
  });

  it('refuses a submission after the deadline and its grace', async () => {
    const person = await registerPerson(t.app, '6600301');
    const paper = (await start(person)).json();
    // The attempt started 10 minutes and 16 seconds ago: past the deadline and the 15-second grace.
    await t.db.updateTable('contest_attempts').set({
      started_at: new Date(Date.now() - 616_000), deadline: new Date(Date.now() - 16_000),
    }).where('id', '=', paper.attemptId).execute();
    const late = await submit(person, paper.attemptId, { answers: rightAnswers(paper, 10), prediction: 3 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('ATTEMPT_DEADLINE_PASSED');
    // Its day's attempt is spent: the lapsed attempt is not handed back, nor a new one.
    expect((await start(person)).json().error.code).toBe('ATTEMPT_DAILY_LIMIT');
  });

  it('keeps people of another province and the organisers out', async () => {
    const outsider = await registerPerson(t.app, '67001');
    expect((await start(outsider)).json().error.code).toBe('CONTEST_NOT_ELIGIBLE');
    const organiser = await t.app.inject({ method: 'POST', url: '/api/contests/participants', payload: { fullName: 'Cán Bộ Tổ Chức', phone: '+84912000999', unitCode: '66001' } });
    const cookie = `doorstep_contest=${organiser.cookies.find((c) => c.name === 'doorstep_contest')!.value}`;
    const refused = await t.app.inject({ method: 'POST', url: `/api/contests/${contestId}/attempts`, headers: { cookie } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('CONTEST_NOT_ELIGIBLE');
    expect((await t.app.inject({ method: 'POST', url: `/api/contests/${contestId}/attempts` })).json().error.code).toBe('PARTICIPANT_UNKNOWN');
  });

  it('signs the same person in again on another phone, but not someone naming another person\'s number', async () => {
    const payload = { fullName: 'Trần Thị Bình', phone: '0987 654 321', unitCode: '6600102' };
    const first = await t.app.inject({ method: 'POST', url: '/api/contests/participants', payload });
    const second = await t.app.inject({ method: 'POST', url: '/api/contests/participants', payload: { ...payload, fullName: 'trần thị  bình' } });
    expect(second.statusCode).toBe(200);
    const rows = await t.db.selectFrom('contest_participants').select('id').where('full_name', '=', 'Trần Thị Bình').execute();
    expect(rows).toHaveLength(1);
    const oldCookie = `doorstep_contest=${first.cookies.find((c) => c.name === 'doorstep_contest')!.value}`;
    expect((await t.app.inject({ method: 'GET', url: '/api/contests/participants/me', headers: { cookie: oldCookie } })).statusCode).toBe(401);
    // Nor does the old phone submit an attempt this server started and keeps in memory for it.
    const third = await t.app.inject({ method: 'POST', url: '/api/contests/participants', payload });
    const thirdClient = { cookie: `doorstep_contest=${third.cookies.find((c) => c.name === 'doorstep_contest')!.value}`, address: '10.0.0.9' };
    const paper = (await start(thirdClient)).json();
    await t.app.inject({ method: 'POST', url: '/api/contests/participants', payload });
    const stale = await submit(thirdClient, paper.attemptId, { answers: rightAnswers(paper, 3), prediction: 1 });
    expect(stale.json().error.code).toBe('PARTICIPANT_UNKNOWN');
    const row = await t.db.selectFrom('contest_attempts').select(['submitted_at']).where('id', '=', paper.attemptId).executeTakeFirstOrThrow();
    expect(row.submitted_at).toBeNull();
    const other = await t.app.inject({ method: 'POST', url: '/api/contests/participants', payload: { ...payload, fullName: 'Kẻ Mạo Danh' } });
    expect(other.json().error).toMatchObject({ code: 'PARTICIPANT_NAME_MISMATCH', field: 'phone' });
    // The phone itself is nowhere in the database.
    const dump = JSON.stringify(await t.db.selectFrom('contest_participants').selectAll().execute());
    expect(dump).not.toContain('987654321');
  });
});

describe('question banks', () => {
  it('refuses a file with bad rows, listing each, and writes nothing', async () => {
    const before = await t.db.selectFrom('question_banks').select('id').execute();
    const bad = 'Câu một?\nA. Một\nB. Hai\nC. Ba\nD. Bốn\nANSWER: B\n\nCâu hai?\nA. Một\nB. Hai\nANSWER: A\n\nCâu ba?\nA. Một\nB. Hai\nC. Ba\nD. Bốn\nANSWER: Z\n';
    const reply = await t.app.inject({
      method: 'POST', url: '/api/contest-admin/banks?provinceCode=66&name=Hỏng&format=aiken', headers: { ...officer.headers, 'content-type': 'text/plain', 'accept-language': 'en' }, payload: bad,
    });
    expect(reply.statusCode).toBe(422);
    expect(reply.json().error.code).toBe('IMPORT_INVALID');
    expect(reply.json().error.rows.map((r: { row: number; reason: string }) => [r.row, r.reason])).toEqual([[8, 'QUESTION_OPTION_COUNT'], [18, 'QUESTION_BAD_ANSWER']]);
    expect(reply.json().error.rows[0].message).toBe('The question has 2 options; it needs exactly 4');
    expect(await t.db.selectFrom('question_banks').select('id').execute()).toHaveLength(before.length);
  });

  it('exports a bank that imports again the same, as GIFT and as XLSX', async () => {
    for (const [format, type] of [['gift', 'text/plain'], ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']] as const) {
      const exported = await t.app.inject({ method: 'GET', url: `/api/contest-admin/banks/${bankId}/export?format=${format}`, headers: officer.headers });
      expect(exported.statusCode).toBe(200);
      const again = await t.app.inject({
        method: 'POST', url: `/api/contest-admin/banks?provinceCode=66&name=Lại&format=${format}`, headers: { ...officer.headers, 'content-type': type }, payload: exported.rawPayload,
      });
      expect(again.statusCode, again.body).toBe(201);
      expect(again.json().questionCount).toBe(30);
    }
  });

  it('is for province officers of the province only', async () => {
    const commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
    expect((await t.app.inject({ method: 'GET', url: '/api/contest-admin/banks?provinceCode=66', headers: commune.headers })).statusCode).toBe(403);
    const neighbour = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '67' });
    expect((await t.app.inject({ method: 'GET', url: '/api/contest-admin/banks?provinceCode=66', headers: neighbour.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/contest-admin/contests/${contestId}/units`, headers: neighbour.headers })).statusCode).toBe(404);
  });
});
