import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { recountRollups } from '../../rollup-sources.js';
import { snapshotRollups } from '../rollups/rollups.service.js';
import { DAKLAK_2025_PLAN } from '../targets/indicators/daklak-2025-plan.js';
import { recordCourseCompletion } from './enrolments.service.js';

let t: TestApp;
let officer: TestUser;
let admin: TestUser;
const course: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  officer = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  admin = await createUserAndLogin(t.app, { role: 'admin', scopeUnitCode: null });
  for (const [code, groupCode] of [['cadre-a', 'cadre'], ['cadre-b', 'cadre'], ['citizen-a', null]] as const) {
    const created = await t.app.inject({
      method: 'POST', url: '/api/learning-admin/courses', headers: officer.headers,
      payload: { code, skillCode: null, groupCode, status: 'published', texts: [{ lang: 'vi', title: code, summary: '' }] },
    });
    course[code] = created.json().id;
  }
  const indicator = await t.app.inject({
    method: 'PUT', url: '/api/indicators/cadres_from_records', headers: admin.headers,
    payload: {
      nameVi: 'Cán bộ được bồi dưỡng', nameEn: 'Cadres trained', explanationVi: '', explanationEn: '', unitLabel: 'người', percent: false,
      numerator: { source: 'reported', over: 'latest', factsFirst: 'learning:cadres_trained' }, denominator: null, sort: 901, active: true,
    },
  });
  expect(indicator.statusCode, indicator.body).toBe(200);
  // Figures the communes reported before any record existed.
  for (const [unit, value] of [['66001', 30], ['66002', 7]] as const) {
    await t.db.insertInto('reported_values').values({
      indicator_code: 'cadres_from_records', unit_code: unit, province_code: '66', period_type: 'month',
      period_start: '2025-08-01', period_end: '2025-08-31', value, status: 'approved', updated_by: null,
    }).execute();
  }
}, 300_000);
afterAll(() => t.close());

async function figure(unit: string) {
  const progress = (await t.app.inject({ method: 'GET', url: `/api/progress?unit=${unit}`, headers: officer.headers })).json();
  return progress.indicators.find((i: { code: string }) => i.code === 'cadres_from_records') as { numerator: number | null; source?: string };
}

describe('cadre training from records', () => {
  it('reads the reported figure where no record exists, the records where they do, and says which', async () => {
    expect(await figure('66')).toMatchObject({ numerator: 37, source: 'reported' });
    const learner = await createUserAndLogin(t.app, { role: 'learner', scopeUnitCode: '6600101' });
    const complete = (courseId: string, on: string) => recordCourseCompletion(t.db, {
      userId: learner.id, courseId, unitCode: '6600101', provinceCode: '66', source: 'test', completedOn: on,
    });
    await complete(course['citizen-a']!, '2025-09-01');
    // A course for citizens trains no cadre: still the reports.
    expect(await figure('66')).toMatchObject({ numerator: 37, source: 'reported' });
    await complete(course['cadre-a']!, '2025-09-02');
    await complete(course['cadre-b']!, '2025-09-03');
    // One person trained, counted once; commune 66001's record replaces its report, 66002 still reports.
    expect(await figure('66001')).toMatchObject({ numerator: 1, source: 'records' });
    expect(await figure('66002')).toMatchObject({ numerator: 7, source: 'reported' });
    expect(await figure('66')).toMatchObject({ numerator: 8, source: 'mixed' });
  });

  it('rebuilds the cadre count from the completions to what was counted as they came', async () => {
    const before = await snapshotRollups(t.db);
    expect(before.counts.some((row) => row.source === 'learning:cadres_trained')).toBe(true);
    await t.db.transaction().execute((trx) => recountRollups(trx, 'learning:'));
    expect(await snapshotRollups(t.db)).toEqual(before);
  });

  it('ships the cadre indicator reading records first, and registrations from the people registered', async () => {
    const numerator = (code: string) => DAKLAK_2025_PLAN.find((i) => i.code === code)!.numerator;
    expect(numerator('cadres_trained')).toEqual({ source: 'reported', over: 'latest', factsFirst: 'learning:cadres_trained' });
    expect(numerator('learning_platform_registrations')).toEqual({ source: 'milestone', kind: 'learning_platform' });
  });
});
