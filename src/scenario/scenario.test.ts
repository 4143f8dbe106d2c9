import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recountRollups } from '../modules/rollups/rollup-rebuild.js';
import { createUserAndLogin, type TestUser } from '../testing/login.js';
import { startTestApp, TEST_SECRET_KEY, type TestApp } from '../testing/test-app.js';
import { runScenario, ScenarioRefused, type ScenarioReport } from './scenario.js';

/**
 * The scenario at a small scale, read back the way the steering committee reads it: through
 * GET /api/progress. Scale 0.01 is about the smallest at which every village's team still has a
 * member (183 members for 102 villages).
 */
const SCALE = 0.01;

let t: TestApp;
let report: ScenarioReport;
let officer: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  report = await runScenario(t.db, { scale: SCALE, secretKey: TEST_SECRET_KEY });
  officer = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
}, 120_000);
afterAll(() => t.close());

interface Figure { code: string; numerator: number | null; denominator: number | null; value: number | null; target: number | null; status: string }

async function progress(query: string): Promise<Figure[]> {
  const response = await t.app.inject({ method: 'GET', url: `/api/progress?${query}`, headers: officer.headers });
  expect(response.statusCode).toBe(200);
  return response.json().indicators;
}

const byCode = (figures: Figure[]) => Object.fromEntries(figures.map((f) => [f.code, f]));

describe('the Dak Lak 2025 scenario', () => {
  it("shows the source article's figures for the province, counts scaled and shares unchanged", async () => {
    const figures = byCode(await progress('unit=66'));
    const { totals } = report;
    expect(totals).toMatchObject({ communes: 102, villages: 102 });
    expect(figures.steering_committees).toMatchObject({ numerator: 102, denominator: 102, value: 100 });
    expect(figures.village_teams).toMatchObject({ numerator: totals.villages, denominator: totals.villages, value: 100 });
    expect(figures.team_members).toMatchObject({ numerator: 183, value: 183 });
    expect(figures.cadres_trained).toMatchObject({ numerator: Math.round(totals.cadres * 0.98), denominator: totals.cadres, value: 98 });
    expect(figures.learning_platform_registrations).toMatchObject({ numerator: 128, value: 128, target: 206 });
    expect(Math.round((figures.learning_platform_registrations!.value! / figures.learning_platform_registrations!.target!) * 100)).toBe(62);
    expect(figures.adults_skills_confirmed).toMatchObject({ numerator: Math.round(totals.adults * 0.58), denominator: totals.adults, value: 58 });
    expect(figures.civil_servants_digital).toMatchObject({ numerator: totals.civilServants, denominator: totals.civilServants, value: 100 });
    expect(figures.provincial_app_installed).toMatchObject({ numerator: Math.round(totals.adults * 0.32), denominator: totals.adults, value: 32 });
    expect(figures.digital_signatures).toMatchObject({ numerator: 1302, value: 1302 });
    expect(figures.week_participants).toMatchObject({ numerator: 5349, value: 5349 });
    expect(report.mismatches).toEqual([]);
    expect(report.expected.every((e) => figures[e.code]?.numerator === e.numerator && figures[e.code]?.value === e.value)).toBe(true);
  });

  it('gives the supervision views communes that differ: some done, some far behind', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/progress/children?unit=66&indicator=adults_skills_confirmed', headers: officer.headers });
    expect(response.statusCode).toBe(200);
    const communes = response.json().children.map((c: { indicators: Figure[] }) => c.indicators[0]!);
    expect(communes).toHaveLength(102);
    const values = communes.map((c: Figure) => c.value!);
    expect(communes.some((c: Figure) => c.status === 'achieved')).toBe(true);
    expect(communes.some((c: Figure) => c.status === 'behind')).toBe(true);
    expect(Math.max(...values)).toBeGreaterThanOrEqual(80);
    expect(Math.min(...values)).toBeLessThan(35);
    expect(new Set(values).size).toBeGreaterThan(50);
  });

  it('spreads the field work over the 100 peak days', async () => {
    const before = byCode(await progress('unit=66&date=2025-07-14'));
    const middle = byCode(await progress('unit=66&date=2025-09-05'));
    const after = byCode(await progress('unit=66&date=2025-10-25'));
    expect(before.adults_skills_confirmed!.numerator).toBe(0);
    expect(middle.adults_skills_confirmed!.numerator).toBeGreaterThan(0);
    expect(middle.adults_skills_confirmed!.numerator).toBeLessThan(after.adults_skills_confirmed!.numerator!);
    expect(after.adults_skills_confirmed!.value).toBe(58);
  });

  it('keeps the same figures after the rollups are rebuilt from the facts', async () => {
    const before = await progress('unit=66');
    await t.db.transaction().execute((trx) => recountRollups(trx));
    expect(await progress('unit=66')).toEqual(before);
  });

  it('refuses to run on a database that already has units', async () => {
    await expect(runScenario(t.db, { scale: SCALE, secretKey: TEST_SECRET_KEY })).rejects.toBeInstanceOf(ScenarioRefused);
    await expect(runScenario(t.db, { scale: 0.001, secretKey: TEST_SECRET_KEY })).rejects.toThrow(/--scale must be/);
  });
});
