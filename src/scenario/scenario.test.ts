import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recountRollups } from '../rollup-sources.js';
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
  it("shows the source article's figures for the province on the report's day, counts scaled and shares unchanged", async () => {
    // "After just over 50 days" of the peak days launched on 15 July 2025.
    expect(report.reportDay).toBe('2025-09-05');
    const figures = byCode(await progress(`unit=66&date=${report.reportDay}`));
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

  it("rises from the launch towards the article's figures, week after week, and reaches them on the report's day", async () => {
    expect(byCode(await progress('unit=66&date=2025-07-14')).adults_skills_confirmed!.numerator).toBe(0);
    const weekly: Record<string, Figure>[] = [];
    for (let day = '2025-07-25'; day < report.reportDay; day = new Date(Date.parse(`${day}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)) {
      weekly.push(byCode(await progress(`unit=66&date=${day}`)));
    }
    weekly.push(byCode(await progress(`unit=66&date=${report.reportDay}`)));
    for (const code of ['adults_skills_confirmed', 'provincial_app_installed', 'digital_signatures', 'learning_platform_registrations']) {
      const values = weekly.map((w) => w[code]!.numerator!);
      for (let i = 1; i < values.length; i += 1) expect(values[i], `${code} week ${i}`).toBeGreaterThan(values[i - 1]!);
    }
    // The Week and the monthly figures are reported for periods over by the report's day.
    expect(weekly.at(-2)!.cadres_trained!.value).toBeLessThan(98);
    expect(weekly.at(-1)!.cadres_trained!.value).toBe(98);
    expect(weekly.at(-1)!.adults_skills_confirmed!.value).toBe(58);
    // Nothing is recorded after the report: the figures of 25 October are the report's.
    expect(byCode(await progress('unit=66&date=2025-10-25')).adults_skills_confirmed!.value).toBe(58);
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
