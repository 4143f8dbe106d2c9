import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamDay } from '../../lib/vietnam-day.js';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { startTestApp, TEST_SECRET_KEY, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { recountRollups } from '../../rollup-sources.js';
import { snapshotRollups } from '../rollups/rollups.service.js';
import { upsertStatistics } from '../units/units.queries.js';
import { startAttempt, submitAttempt } from './attempts.service.js';
import { importAikenBank, rightAnswers } from './contest-fixtures.js';
import { registerParticipant, type Participant } from './participants.service.js';
import { pickWinners, placeAmong, type RankedEntry } from './ranking.js';

let t: TestApp;
let officer: TestUser;
let contestId: string;
const today = vietnamDay();
// Three days ago at this time of day: inside phase 1, which has ended.
const base = Date.now() - 3 * 86_400_000;

beforeAll(async () => {
  t = await startTestApp({
    seed: async (db) => {
      await createSmallProvince(db);
      await upsertStatistics(db, [
        { unit_code: '66001', kind: 'adults', as_of: '2025-07-01', value: 10, province_code: '66' },
        { unit_code: '66002', kind: 'adults', as_of: '2025-07-01', value: 4, province_code: '66' },
        { unit_code: '66003', kind: 'adults', as_of: '2025-07-01', value: 20, province_code: '66' },
      ]);
    },
  });
  officer = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  const bankId = await importAikenBank(t.app, officer, 20);
  const created = await t.app.inject({
    method: 'POST', url: '/api/contest-admin/contests', headers: officer.headers,
    payload: {
      provinceCode: '66', title: 'Cuộc thi thử xếp hạng', bankId,
      rules: { attemptsPerDay: 3, prizes: { first: 1, second: 1, third: 1 } },
      phases: [{ startsOn: addDays(today, -3), endsOn: addDays(today, -2) }, { startsOn: addDays(today, 1), endsOn: addDays(today, 2) }],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  contestId = created.json().id;

  let phone = 970_000_000;
  const person = async (fullName: string, unitCode: string) =>
    (await registerParticipant(t.db, TEST_SECRET_KEY, { fullName, phone: `0${(phone += 1)}`, unitCode })).participant;
  /** An attempt started `startMin` minutes after the base, with `right` right answers, submitted `seconds` later. */
  const attempt = async (who: Participant, startMin: number, right: number, prediction: number, seconds: number) => {
    const startAt = base + startMin * 60_000;
    const paper = await startAttempt(t.db, who, contestId, '10.0.0.1', new Date(startAt));
    await submitAttempt(t.db, who, paper.attemptId, { answers: rightAnswers(paper, right), prediction }, '10.0.0.1', new Date(startAt + seconds * 1000));
  };
  // Five participants, so the real number the predictions aim at is 5.
  const e = await person('Lê Văn Em', '6600101');
  const c = await person('Phạm Thị Cúc', '6600201');
  const d = await person('Hoàng Văn Dũng', '6600102');
  const b = await person('Trần Văn Bình', '6600301');
  const a = await person('Nguyễn Thị An', '6600302');
  await attempt(e, 0, 4, 100, 300); // the highest score wins whatever else
  await attempt(c, 1, 3, 3, 50); // 2 off the real number, 50 s
  await attempt(d, 2, 3, 3, 50); // the same as C but started later
  await attempt(b, 3, 3, 7, 100); // 2 off too, but slower
  await attempt(a, 4, 1, 5, 10); // exact prediction, but a low score…
  await attempt(a, 5, 3, 1000, 20); // …her better attempt is the one that counts
});
afterAll(() => t.close());

describe('ranking', () => {
  it('orders by score, then the prediction closest to the real count, then shorter time, then earlier start; the best attempt counts', async () => {
    const reply = await t.app.inject({ method: 'GET', url: `/api/contests/${contestId}/leaderboard?phase=1` });
    expect(reply.statusCode, reply.body).toBe(200);
    const board = reply.json();
    expect(board.participantCount).toBe(5);
    expect(board.items.map((i: { name: string; score: number; prediction: number; durationMs: number }) => [i.name, i.score, i.prediction, i.durationMs])).toEqual([
      ['Lê V. Em', 40, 100, 300_000],
      ['Phạm T. Cúc', 30, 3, 50_000],
      ['Hoàng V. Dũng', 30, 3, 50_000],
      ['Trần V. Bình', 30, 7, 100_000],
      ['Nguyễn T. An', 30, 1000, 20_000],
    ]);
    // Villages of different communes share names: each goes with its commune's.
    expect(board.items.map((i: { unitName: string }) => i.unitName)).toEqual(['Thôn 1, Xã Số 1', 'Thôn 1, Xã Số 2', 'Thôn 2, Xã Số 1', 'Thôn 1, Xã Số 3', 'Thôn 2, Xã Số 3']);
    expect(board.me).toBeNull();
  });

  it('scores units: participation percent of adults plus 10/8/6 points for 1st/2nd/3rd prizes', async () => {
    const reply = await t.app.inject({ method: 'GET', url: `/api/contest-admin/contests/${contestId}/units?phase=1`, headers: officer.headers });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json().items.map((u: { unitCode: string; participants: number; eligible: number; participationPercent: number; prizeScore: number; prizes: object }) =>
      [u.unitCode, u.participants, u.eligible, u.participationPercent, u.prizes, u.prizeScore])).toEqual([
      ['66001', 2, 10, 20, { first: 1, second: 0, third: 1 }, 36],
      ['66002', 1, 4, 25, { first: 0, second: 1, third: 0 }, 33],
      ['66003', 2, 20, 10, { first: 0, second: 0, third: 0 }, 10],
    ]);
  });

  it('publishes an ended phase only, and then shows its results without a login', async () => {
    const hidden = await t.app.inject({ method: 'GET', url: `/api/contests/${contestId}/results?phase=1` });
    expect(hidden.json().error.code).toBe('PHASE_NOT_FOUND');
    const early = await t.app.inject({ method: 'POST', url: `/api/contest-admin/contests/${contestId}/phases/2/publish`, headers: officer.headers });
    expect(early.json().error.code).toBe('PHASE_NOT_ENDED');
    const published = await t.app.inject({ method: 'POST', url: `/api/contest-admin/contests/${contestId}/phases/1/publish`, headers: officer.headers });
    expect(published.statusCode, published.body).toBe(200);
    const results = (await t.app.inject({ method: 'GET', url: `/api/contests/${contestId}/results?phase=1` })).json();
    expect(results.participantCount).toBe(5);
    expect(results.winners.map((w: { fullName: string; prize: number; rank: number }) => [w.fullName, w.prize, w.rank])).toEqual([
      ['Lê Văn Em', 1, 1], ['Phạm Thị Cúc', 2, 2], ['Hoàng Văn Dũng', 3, 3],
    ]);
    expect(results.winners.map((w: { unitName: string }) => w.unitName)).toEqual(['Thôn 1, Xã Số 1', 'Thôn 1, Xã Số 2', 'Thôn 2, Xã Số 1']);
    expect(results.units[0]).toMatchObject({ unitCode: '66001', prizeScore: 36 });
    const audit = await t.db.selectFrom('audit_events').select('action').where('action', '=', 'contest.publish').execute();
    expect(audit).toHaveLength(1);
  });

  it('lists answers faster than reading allows', async () => {
    const reply = await t.app.inject({ method: 'GET', url: `/api/contest-admin/contests/${contestId}/suspicious?phase=1`, headers: officer.headers });
    expect(reply.statusCode, reply.body).toBe(200);
    // 10 s and 20 s for 10 questions are under the 3 s a question reading takes; 50 s is not.
    expect(reply.json().fastAttempts.map((f: { durationMs: number }) => f.durationMs).sort()).toEqual([10_000, 20_000]);
    expect(reply.json().addresses).toEqual([]);
  });
});

describe('targets', () => {
  it('counts each entrant once, on the day of the first scored attempt, the same as a rebuild from the entries', async () => {
    const incremental = await snapshotRollups(t.db);
    const entrants = incremental.counts.filter((r) => r.source === 'contest_participants');
    expect(entrants.reduce((sum, r) => sum + Number(r.value), 0)).toBe(5);
    const firstDays = new Set([vietnamDay(new Date(base)), vietnamDay(new Date(base + 6 * 60_000))]);
    expect(entrants.every((r) => firstDays.has(r.day))).toBe(true);
    await t.db.transaction().execute((trx) => recountRollups(trx, 'contest_'));
    expect(await snapshotRollups(t.db)).toEqual(incremental);
  });
});

describe('winners across phases', () => {
  const entry = (participantId: string): RankedEntry => ({ participantId, unitCode: '66001', score: 0, correct: 0, prediction: 0, durationMs: 0, startedAt: new Date() });
  const ranking = ['x', 'y', 'z', 'w'].map(entry);
  const prizes = { first: 1, second: 1, third: 1 };

  it('passes over someone who won in an earlier phase when one prize per person is the rule', () => {
    expect(pickWinners(ranking, prizes, new Set(['x']), true).map((w) => [w.participantId, w.prize, w.rank])).toEqual([['y', 1, 2], ['z', 2, 3], ['w', 3, 4]]);
    expect(pickWinners(ranking, prizes, new Set(['x']), false).map((w) => w.participantId)).toEqual(['x', 'y', 'z']);
  });
});

describe('a place among a kept ranking', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 8, minute));
  const entry = (participantId: string, score: number, prediction: number, durationMs: number, minute: number): RankedEntry =>
    ({ participantId, unitCode: '66001', score, correct: score / 10, prediction, durationMs, startedAt: at(minute) });
  // In ranking order against 100 participants.
  const ranked = [entry('a', 90, 100, 60_000, 0), entry('b', 80, 95, 60_000, 1), entry('c', 80, 120, 30_000, 2), entry('d', 80, 120, 40_000, 3)];

  it('follows the tie-breaks: score, then the prediction nearer the real count, then time, then start', () => {
    expect(placeAmong(ranked, entry('x', 100, 0, 600_000, 9), 100)).toBe(0);
    expect(placeAmong(ranked, entry('x', 80, 99, 600_000, 9), 100)).toBe(1);
    expect(placeAmong(ranked, entry('x', 80, 80, 35_000, 9), 100)).toBe(3);
    expect(placeAmong(ranked, entry('x', 80, 120, 40_000, 0), 100)).toBe(3);
    expect(placeAmong(ranked, entry('x', 10, 100, 1_000, 0), 100)).toBe(4);
  });

  it('puts an entry level with another after it, never ahead of a full ranking', () => {
    expect(placeAmong(ranked, entry('x', 80, 120, 40_000, 3), 100)).toBe(4);
    expect(placeAmong([], entry('x', 0, 0, 0, 0), 0)).toBe(0);
  });
});
