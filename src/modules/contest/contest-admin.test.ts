import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamDay } from '../../lib/vietnam-day.js';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { DAKLAK_2025_PLAN } from '../targets/indicators/daklak-2025-plan.js';
import { installPlan } from '../targets/indicators/indicators.service.js';
import { importAikenBank, registerPerson, rightAnswers, type ContestClient } from './contest-fixtures.js';

let t: TestApp;
let officer: TestUser;
let bankId: string;
let contestId: string;
const today = vietnamDay();
const phases = [
  { startsOn: addDays(today, -10), endsOn: addDays(today, -8) },
  { startsOn: addDays(today, -1), endsOn: addDays(today, 1) },
  { startsOn: addDays(today, 5), endsOn: addDays(today, 6) },
];

beforeAll(async () => {
  t = await startTestApp({
    seed: async (db) => {
      await createSmallProvince(db);
      await installPlan(db, DAKLAK_2025_PLAN, '66');
    },
    env: { CONTEST_PERSON_RATE_LIMIT: '1000', CONTEST_REGISTER_RATE_LIMIT: '1000' },
  });
  officer = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  bankId = await importAikenBank(t.app, officer, 20);
  const created = await t.app.inject({
    method: 'POST', url: '/api/contest-admin/contests', headers: officer.headers,
    payload: { provinceCode: '66', title: 'Thi tìm hiểu chuyển đổi số', bankId, phases },
  });
  expect(created.statusCode, created.body).toBe(201);
  contestId = created.json().id;
});
afterAll(() => t.close());

const edit = (payload: object) => t.app.inject({ method: 'PATCH', url: `/api/contest-admin/contests/${contestId}`, headers: { ...officer.headers, 'accept-language': 'en' }, payload });
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: officer.headers });

async function takePart(person: ContestClient, right: number): Promise<void> {
  const paper = (await t.app.inject({ method: 'POST', url: `/api/contests/${contestId}/attempts`, headers: { cookie: person.cookie }, remoteAddress: person.address })).json();
  const submitted = await t.app.inject({
    method: 'POST', url: `/api/attempts/${paper.attemptId}/submit`, headers: { cookie: person.cookie }, remoteAddress: person.address,
    payload: { answers: rightAnswers(paper, right), prediction: 2 },
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
}

describe('organisers editing a contest', () => {
  it('changes title, rules (merged), prizes per phase and the organisers, who may then not take part', async () => {
    const edited = await edit({
      title: 'Thi tìm hiểu chuyển đổi số năm 2026', rules: { attemptsPerDay: 2, onePrizePerPerson: false },
      phases: [phases[0], { ...phases[1], prizes: { first: 1, second: 0, third: 1 } }, phases[2]],
      organiserPhones: ['0912 000 111'],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Thi tìm hiểu chuyển đổi số năm 2026', organiserCount: 1 });
    expect(edited.json().rules).toMatchObject({ attemptsPerDay: 2, onePrizePerPerson: false, questionsPerAttempt: 10 });
    expect(edited.json().phases.map((p: { prizes: object }) => p.prizes)).toEqual([
      { first: 1, second: 2, third: 3 }, { first: 1, second: 0, third: 1 }, { first: 1, second: 2, third: 3 },
    ]);
    expect(JSON.stringify(edited.json())).not.toContain('0912');

    const response = await t.app.inject({ method: 'POST', url: '/api/contests/participants', payload: { fullName: 'Người Tổ Chức', phone: '0912000111', unitCode: '6600101' } });
    const cookie = `doorstep_contest=${response.cookies.find((c) => c.name === 'doorstep_contest')!.value}`;
    const refused = await t.app.inject({ method: 'POST', url: `/api/contests/${contestId}/attempts`, headers: { cookie } });
    expect(refused.json().error.code).toBe('CONTEST_NOT_ELIGIBLE');
  });

  it('gives a phase the prizes it was set, and the dashboard tile and the plan count its participants', async () => {
    for (const right of [9, 8, 7]) await takePart(await registerPerson(t.app, '6600201'), right);
    const winners = (await get(`/api/contest-admin/contests/${contestId}/winners?phase=2`)).json().items;
    expect(winners.map((w: { prize: number; score: number }) => [w.prize, w.score])).toEqual([[1, 90], [3, 80]]);

    const tile = (await get('/api/contest-admin/summary?provinceCode=66')).json().contest;
    expect(tile).toMatchObject({ contestId, phase: { number: 2 }, participantsToday: 3, participantsThisPhase: 3, lastPublishedPhase: null });

    const progress = (await get(`/api/progress?unit=66&date=${today}`)).json();
    expect(progress.indicators.find((i: { code: string }) => i.code === 'contest_participants')).toMatchObject({ numerator: 3, value: 3, status: 'no_target' });
    const children = (await get(`/api/progress/children?unit=66&indicator=contest_participants&date=${today}`)).json().children;
    const byCode = Object.fromEntries(children.map((c: { unit: { code: string }; indicators: { value: number }[] }) => [c.unit.code, c.indicators[0]!.value]));
    expect(byCode).toMatchObject({ '66001': 0, '66002': 3 });
  });

  it('refuses what would undo people\'s results, each with its code and field', async () => {
    const other = await importAikenBank(t.app, officer, 15);
    expect((await edit({ bankId: other })).json().error).toMatchObject({ code: 'CONTEST_BANK_IN_USE', field: 'bankId' });
    expect((await edit({ phases: [phases[0]] })).json().error).toMatchObject({ code: 'CONTEST_PHASE_HAS_ATTEMPTS', field: 'phases' });
    expect((await edit({ organiserPhones: ['12345'] })).json().error).toMatchObject({ code: 'CONTEST_ORGANISER_PHONE_INVALID', field: 'organiserPhones[0]' });
    expect((await edit({ phases: [phases[0], phases[1], { startsOn: addDays(today, 1), endsOn: addDays(today, 3) }] })).json().error)
      .toMatchObject({ code: 'CONTEST_PHASES_INVALID', field: 'phases[2].startsOn' });
    expect((await edit({ rules: { questionsPerAttempt: 25 } })).json().error).toMatchObject({ code: 'CONTEST_BANK_TOO_SMALL', field: 'rules.questionsPerAttempt' });

    expect((await t.app.inject({ method: 'POST', url: `/api/contest-admin/contests/${contestId}/phases/1/publish`, headers: officer.headers })).statusCode).toBe(200);
    const moved = await edit({ phases: [{ ...phases[0], endsOn: addDays(today, -7) }, phases[1], phases[2]] });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().error).toMatchObject({ code: 'CONTEST_PHASE_PUBLISHED', field: 'phases[0]' });
    expect(moved.json().error.message).toContain('published');

    // The last phase has nobody yet: it may go, and an untouched published phase may come back as it was.
    const shorter = await edit({ phases: [phases[0], phases[1]] });
    expect(shorter.statusCode, shorter.body).toBe(200);
    expect(shorter.json().phases).toHaveLength(2);
    expect(shorter.json().phases[0].publishedAt).not.toBeNull();
    expect((await get('/api/contest-admin/summary?provinceCode=66')).json().contest).toMatchObject({ lastPublishedPhase: 1 });
  });

  it('keeps other officers out', async () => {
    const commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
    const reply = await t.app.inject({ method: 'PATCH', url: `/api/contest-admin/contests/${contestId}`, headers: commune.headers, payload: { title: 'Không được' } });
    expect(reply.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/contest-admin/summary?provinceCode=66', headers: commune.headers })).statusCode).toBe(403);
  });
});
