import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { statisticsAt } from '../modules/units/unit-statistics.js';
import * as units from '../modules/units/units.queries.js';
import { loginAs } from '../testing/login.js';
import { addDays, vietnamDay } from '../lib/vietnam-day.js';
import { startTestApp, TEST_SECRET_KEY, type TestApp } from '../testing/test-app.js';
import { prepareFirstStart, type StartupReport } from './first-start.js';
import { DEMO_SCALE } from './living-demo.js';

let t: TestApp;
let report: StartupReport;
let firstStartMs: number;

beforeAll(async () => {
  t = await startTestApp();
  const started = performance.now();
  report = await prepareFirstStart(t.db, loadConfig({ DOORSTEP_ADMIN_PASSWORD: 'admin-secret-1' }), TEST_SECRET_KEY);
  firstStartMs = performance.now() - started;
  console.log(`first start with the living demo on ${t.database.kind}: ${(firstStartMs / 1000).toFixed(1)} s`);
}, 180_000);
afterAll(() => t.close());

describe('the first start on an empty database', () => {
  it('builds a province shaped like Dak Lak at the demo scale: 88 communes and 14 wards, each with villages, 3.3 million people × the scale', async () => {
    expect(report.demoBuilt).toBe(true);
    const communes = await units.listChildrenAt(t.db, '66', '2025-07-01', undefined, 500);
    expect(communes.filter((c) => c.type === 'xã')).toHaveLength(88);
    expect(communes.filter((c) => c.type === 'phường')).toHaveLength(14);
    const all = await units.subtreeCodesAt(t.db, '66', '2025-07-01');
    expect(all.length - 1 - 102).toBeGreaterThanOrEqual(102);
    const stats = await statisticsAt(t.db, '66', '2025-07-01');
    expect(stats.population).toBeGreaterThan(3_290_000 * DEMO_SCALE);
    expect(stats.population).toBeLessThan(3_310_000 * DEMO_SCALE);
    for (const kind of ['adults', 'households', 'cadres', 'civil_servants', 'pupils', 'enterprise_workers', 'smartphone_users']) {
      expect(stats[kind]).toBeGreaterThan(0);
    }
  });

  it('prints logins that work: admin from the environment, demo accounts with the generated password', async () => {
    expect(report.logins.map((l) => l.username)).toEqual(['admin', 'province', 'commune', 'leader', 'member', 'learner']);
    expect(report.logins[0]!.password).toBeUndefined();
    await loginAs(t.app, { username: 'admin', password: 'admin-secret-1' });
    for (const login of report.logins.slice(1)) {
      expect(login.password).toBeTruthy();
      const session = await loginAs(t.app, { username: login.username, password: login.password! });
      const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });
      expect(me.json().user).toMatchObject({ username: login.username, scopeUnitCode: login.scopeUnitCode });
    }
    const commune = report.logins.find((l) => l.username === 'commune')!;
    const leader = report.logins.find((l) => l.username === 'leader')!;
    expect((await units.findUnitAt(t.db, leader.scopeUnitCode!, '2025-07-01'))?.parent_code).toBe(commune.scopeUnitCode);
  });

  it('installs the Dak Lak 2025 plan, so the province dashboard has its indicators and denominators', async () => {
    const session = await loginAs(t.app, { username: 'province', password: report.logins[1]!.password! });
    const progress = (await t.app.inject({ method: 'GET', url: '/api/progress?unit=66', headers: session.headers })).json();
    expect(progress.indicators).toHaveLength(12);
    const adults = progress.indicators.find((i: { code: string }) => i.code === 'adults_skills_confirmed');
    expect(adults).toMatchObject({ value: 58, target: 80 });
    expect(adults.denominator).toBe((await statisticsAt(t.db, '66', '2025-07-01')).adults);
  });

  const sessionOf = (username: string) => loginAs(t.app, { username, password: report.logins.find((l) => l.username === username)!.password! });
  const get = async (username: string, url: string) => {
    const response = await t.app.inject({ method: 'GET', url, headers: (await sessionOf(username)).headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  interface Figure { code: string; numerator: number; value: number; deadline: string; status: string }
  const figure = (progress: { indicators: Figure[] }, code: string) => progress.indicators.find((i) => i.code === code)!;

  it('dates the campaign relative to today: launched 52 days ago, rising to the figures of today, its deadlines ahead', async () => {
    const today = vietnamDay();
    const before = await get('province', `/api/progress?unit=66&date=${addDays(today, -53)}`);
    const middle = await get('province', `/api/progress?unit=66&date=${addDays(today, -20)}`);
    const now = await get('province', '/api/progress?unit=66');
    expect(figure(before, 'adults_skills_confirmed').numerator).toBe(0);
    expect(figure(middle, 'adults_skills_confirmed').numerator).toBeGreaterThan(0);
    expect(figure(middle, 'adults_skills_confirmed').numerator).toBeLessThan(figure(now, 'adults_skills_confirmed').numerator);
    expect(figure(now, 'steering_committees').value).toBe(100);
    expect(figure(now, 'adults_skills_confirmed').deadline > today).toBe(true);
    expect(figure(now, 'week_participants').deadline > today).toBe(true);
  });

  it('spreads the communes from far behind to done: the province is neither all red nor all green', async () => {
    const children = await get('province', '/api/progress/children?unit=66&indicator=adults_skills_confirmed');
    const statuses = children.children.map((c: { indicators: { status: string }[] }) => c.indicators[0]!.status);
    expect(statuses).toHaveLength(102);
    expect(statuses).toContain('behind');
    expect(statuses.some((s: string) => s === 'achieved' || s === 'on_track')).toBe(true);
  });

  it("fills the demo accounts' units: the commune's figures, difficulties, figures awaiting approval and conflicts, the village's records", async () => {
    const commune = report.logins.find((l) => l.username === 'commune')!.scopeUnitCode!;
    const village = report.logins.find((l) => l.username === 'leader')!.scopeUnitCode!;
    expect(figure(await get('commune', `/api/progress?unit=${commune}`), 'adults_skills_confirmed').numerator).toBeGreaterThan(0);
    expect(figure(await get('leader', `/api/progress?unit=${village}`), 'village_teams').value).toBe(100);
    const pulled = await get('member', `/api/sync/pull?village=${village}&limit=50`);
    expect(pulled.households.length).toBeGreaterThan(0);
    expect((await get('commune', `/api/sync/conflicts?unit=${commune}`)).items.length).toBeGreaterThanOrEqual(3);
    expect((await get('province', '/api/reported-values?unit=66&status=submitted')).items.length).toBeGreaterThan(0);
    expect((await get('province', '/api/difficulties?unit=66')).items.length).toBeGreaterThan(0);
    // The leader's screen: the two accounts on the village team, households given to each, the member's phone synced.
    const desk = await get('leader', `/api/team-desk?village=${village}`);
    const member = desk.members.find((m: { fullName: string }) => m.fullName === 'H Hoa Mlô');
    expect(member).toMatchObject({ assignedHouseholds: 5, day: { visits: 2 } });
    expect(member.lastSyncedAt).not.toBeNull();
    expect(desk.members.find((m: { isLeader: boolean }) => m.isLeader)?.fullName).toBe('Y Blu Niê');
  });

  it('runs the Week: Week events held in some communes with check-ins, the province figure mixing them with reports, and a class to register for', async () => {
    const campaigns = (await get('province', '/api/event-campaigns?province=66')).items;
    const progress = await get('province', `/api/event-campaigns/${campaigns[0].id}/progress`);
    expect(progress.organised).toBeGreaterThan(0);
    expect(progress.organised).toBeLessThan(progress.communes);
    expect(figure(await get('province', '/api/progress?unit=66'), 'week_participants')).toMatchObject({ source: 'mixed' });
    const commune = report.logins.find((l) => l.username === 'commune')!.scopeUnitCode!;
    expect((await get('commune', `/api/events?unit=${commune}`)).items.length).toBeGreaterThan(0);
    expect((await get('member', `/api/materials?unit=${report.logins.find((l) => l.username === 'member')!.scopeUnitCode}`)).items.length).toBe(3);
  });

  it('has people in the demo contest: its ended phase to publish, and today, counted in the plan', async () => {
    const tile = (await get('province', '/api/contest-admin/summary?provinceCode=66')).contest;
    expect(tile.participantsToday).toBeGreaterThan(0);
    expect(tile.participantsThisPhase).toBe(tile.participantsToday);
    const winners = await get('province', `/api/contest-admin/contests/${tile.contestId}/winners?phase=${tile.phase.number - 1}`);
    expect(winners.items.length).toBe(6);
    expect(figure(await get('province', '/api/progress?unit=66'), 'contest_participants').numerator).toBeGreaterThanOrEqual(30);
  });

  it('builds nothing and shows no password on the next start', async () => {
    const again = await prepareFirstStart(t.db, loadConfig({}), TEST_SECRET_KEY);
    expect(again.demoBuilt).toBe(false);
    expect(again.logins.every((l) => l.password === undefined)).toBe(true);
    expect(again.logins).toHaveLength(6);
  });

  it('answers the health check with the database kind', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toEqual({ status: 'ok', database: t.database.kind });
  });
});
