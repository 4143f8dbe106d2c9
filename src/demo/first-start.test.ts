import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { statisticsAt } from '../modules/units/unit-statistics.js';
import * as units from '../modules/units/units.queries.js';
import { loginAs } from '../testing/login.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { prepareFirstStart, type StartupReport } from './first-start.js';

let t: TestApp;
let report: StartupReport;

beforeAll(async () => {
  t = await startTestApp();
  report = await prepareFirstStart(t.db, loadConfig({ DOORSTEP_ADMIN_PASSWORD: 'admin-secret-1' }));
});
afterAll(() => t.close());

describe('the first start on an empty database', () => {
  it('builds a province shaped like Dak Lak: 88 communes and 14 wards, about 30 villages each, 3.3 million people', async () => {
    expect(report.demoBuilt).toBe(true);
    const communes = await units.listChildrenAt(t.db, '66', '2025-07-01', undefined, 500);
    expect(communes.filter((c) => c.type === 'xã')).toHaveLength(88);
    expect(communes.filter((c) => c.type === 'phường')).toHaveLength(14);
    const all = await units.subtreeCodesAt(t.db, '66', '2025-07-01');
    const villages = all.length - 1 - 102;
    expect(villages).toBeGreaterThan(102 * 25);
    expect(villages).toBeLessThan(102 * 35);
    const stats = await statisticsAt(t.db, '66', '2025-07-01');
    expect(stats.population).toBeGreaterThan(3_290_000);
    expect(stats.population).toBeLessThan(3_310_000);
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
    expect(progress.indicators).toHaveLength(11);
    const adults = progress.indicators.find((i: { code: string }) => i.code === 'adults_skills_confirmed');
    expect(adults).toMatchObject({ numerator: 0, target: 80 });
    expect(adults.denominator).toBe((await statisticsAt(t.db, '66', '2025-07-01')).adults);
  });

  it('builds nothing and shows no password on the next start', async () => {
    const again = await prepareFirstStart(t.db, loadConfig({}));
    expect(again.demoBuilt).toBe(false);
    expect(again.logins.every((l) => l.password === undefined)).toBe(true);
    expect(again.logins).toHaveLength(6);
  });

  it('answers the health check with the database kind', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toEqual({ status: 'ok', database: t.database.kind });
  });
});
