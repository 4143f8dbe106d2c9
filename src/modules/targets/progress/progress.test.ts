import zlib from 'node:zlib';
import fastJson from 'fast-json-stringify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordQueries, tablesReadBy } from '../../../../bench/ceilings/query-recorder.js';
import type { Database } from '../../../db/database.js';
import { addToRollups } from '../../rollups/rollups.service.js';
import { putCommittee } from '../../teams/committees.service.js';
import { addMember, createTeam } from '../../teams/teams.service.js';
import { mergeUnits } from '../../units/unit-operations.js';
import { upsertStatistics } from '../../units/units.queries.js';
import { createUserAndLogin, type TestUser } from '../../../testing/login.js';
import { startTestApp, type TestApp } from '../../../testing/test-app.js';
import { createSmallProvince } from '../../../testing/unit-fixtures.js';
import { DAKLAK_2025_PLAN } from '../indicators/daklak-2025-plan.js';
import { installPlan } from '../indicators/indicators.service.js';
import { refreshAlerts } from '../alerts/alerts.service.js';
import { ChildrenProgressSchema, ProgressAnswerSchema } from './progress.schema.js';

let t: TestApp;
let province: TestUser;
let commune: TestUser;

const VILLAGES = ['6600101', '6600102', '6600201', '6600202', '6600301', '6600302'];

async function seed(db: Database) {
  await createSmallProvince(db);
  await upsertStatistics(db, VILLAGES.map((code) => ({ unit_code: code, kind: 'adults', as_of: '2025-07-01', value: 100, province_code: '66' })));
  await installPlan(db, DAKLAK_2025_PLAN, '66');
  const milestone = (unitCode: string, day: string, delta: number) => ({ source: 'milestone:skills_confirmed', unitCode, day, provinceCode: '66', delta });
  // Commune 66001 moves fast (30 in August, 30 more by mid-August), 66002 slowly, 66003 not at all.
  await addToRollups(db, [milestone('6600101', '2025-08-01', 30), milestone('6600102', '2025-08-20', 30), milestone('6600201', '2025-08-20', 30)]);
  await putCommittee(db, null, '66001', { decisionNumber: '12/QĐ-UBND', decisionDate: '2025-07-10', members: [{ fullName: 'Chủ tịch', position: 'Chủ tịch UBND', committeeRole: 'chair' }] });
  const team = await createTeam(db, null, { unitCode: '6600101', name: 'Tổ CNSCĐ thôn 1', establishedOn: '2025-07-15' });
  await addMember(db, null, team.id, { fullName: 'Y Bih', affiliation: 'youth_union', role: 'leader', joinedOn: '2025-07-15' });
  await addMember(db, null, team.id, { fullName: 'H Nhung', affiliation: 'teacher', role: 'member', joinedOn: '2025-07-15' });
}

beforeAll(async () => {
  t = await startTestApp({ seed });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66002' });
});
afterAll(() => t.close());

const get = (user: TestUser, url: string) => t.app.inject({ method: 'GET', url, headers: user.headers });
type Row = { code: string; numerator: number | null; denominator: number | null; value: number | null; target: number | null; status: string; neededPerWeek: number | null };
const indicator = (body: { indicators: Row[] }, code: string) => body.indicators.find((i) => i.code === code)!;

describe('progress of a unit', () => {
  it('computes every indicator of the plan from rollups, statistics and team records', async () => {
    const response = await get(province, '/api/progress?unit=66&date=2025-09-01');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.indicators.map((i: Row) => i.code)).toEqual(DAKLAK_2025_PLAN.map((p) => p.code));
    expect(indicator(body, 'adults_skills_confirmed')).toMatchObject({ numerator: 90, denominator: 600, value: 15, target: 80, status: 'behind' });
    expect(indicator(body, 'steering_committees')).toMatchObject({ numerator: 1, denominator: 3, value: 33.33 });
    expect(indicator(body, 'village_teams')).toMatchObject({ numerator: 1, denominator: 6 });
    expect(indicator(body, 'team_members')).toMatchObject({ numerator: 2, value: 2, status: 'no_target' });
    // No pupils statistic and no reported figure: "no data", never a division error.
    expect(indicator(body, 'pupils_digital_skills')).toMatchObject({ value: null, status: 'no_data' });
    expect(indicator(body, 'digital_signatures')).toMatchObject({ numerator: 0, target: 200000 });
    // Read on the primary: the figures are current as of the request.
    expect(Math.abs(Date.parse(body.figuresAt) - Date.now())).toBeLessThan(60_000);
  });

  it('gives each child its figures, with percentage targets passed down and absolute ones not', async () => {
    const body = (await get(province, '/api/progress/children?unit=66&indicator=adults_skills_confirmed&date=2025-09-01')).json();
    const byCode = Object.fromEntries(body.children.map((c: { unit: { code: string }; indicators: Row[] }) => [c.unit.code, c.indicators[0]]));
    expect(byCode['66001']).toMatchObject({ numerator: 60, denominator: 200, value: 30, target: 80 });
    expect(byCode['66002']).toMatchObject({ value: 15 });
    expect(byCode['66003']).toMatchObject({ value: 0, status: 'behind' });
    expect(byCode['66001'].neededPerWeek).toBeCloseTo((50 / 121) * 7, 1);
    const absolute = (await get(province, '/api/progress/children?unit=66&indicator=digital_signatures&date=2025-09-01')).json();
    expect(absolute.children[0].indicators[0]).toMatchObject({ target: null, status: 'no_target' });
  });

  it('names each indicator once, its heading as the unit\'s own answer gives it, and each child\'s standings in the same order', async () => {
    const own = (await get(province, '/api/progress?unit=66&date=2025-09-01')).json();
    const body = (await get(province, '/api/progress/children?unit=66&date=2025-09-01')).json();
    expect(body.indicators).toEqual(own.indicators.map((i: Row & { name: string; unitLabel: string; percent: boolean }) => ({
      code: i.code, name: i.name, unitLabel: i.unitLabel, percent: i.percent,
    })));
    expect(body.children.length).toBeGreaterThan(1);
    for (const child of body.children as { indicators: Record<string, unknown>[] }[]) {
      expect(child.indicators.map((i) => i.code)).toEqual(body.indicators.map((i: Row) => i.code));
      for (const standing of child.indicators) {
        for (const heading of ['name', 'unitLabel', 'percent']) expect(standing).not.toHaveProperty(heading);
      }
    }
    const english = (await t.app.inject({ method: 'GET', url: '/api/progress/children?unit=66&date=2025-09-01', headers: { ...province.headers, 'accept-language': 'en' } })).json();
    expect(english.indicators.map((i: { name: string }) => i.name)).not.toEqual(body.indicators.map((i: { name: string }) => i.name));
  });

  it('lets a commune target override the province one', async () => {
    const put = await t.app.inject({ method: 'PUT', url: '/api/targets', headers: province.headers, payload: { indicatorCode: 'adults_skills_confirmed', unitCode: '66001', targetValue: 25, deadline: '2025-12-31' } });
    expect(put.statusCode).toBe(200);
    const body = (await get(province, '/api/progress?unit=66001&date=2025-09-01')).json();
    expect(indicator(body, 'adults_skills_confirmed')).toMatchObject({ value: 30, target: 25, status: 'achieved' });
  });

  it('keeps a commune officer to the commune', async () => {
    expect((await get(commune, '/api/progress?unit=66001')).statusCode).toBe(404);
    expect((await get(commune, '/api/progress?unit=66002&date=2025-09-01')).statusCode).toBe(200);
    expect((await get(commune, '/api/progress?unit=66002&date=2025-09-31')).json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'querystring.date' });
  });

  it('refuses an indicator whose formula names an unknown milestone or statistic', async () => {
    const payload = {
      nameVi: 'Thử', nameEn: 'Try', explanationVi: '', explanationEn: '', unitLabel: '%', percent: true,
      numerator: { source: 'milestone', kind: 'flying' }, denominator: { source: 'statistic', kind: 'adults' }, sort: 99, active: true,
    };
    // A new indicator is a shared definition: an administrator's to add.
    const admin = await createUserAndLogin(t.app, { role: 'admin', scopeUnitCode: null });
    const bad = await t.app.inject({ method: 'PUT', url: '/api/indicators/try_it', headers: admin.headers, payload });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'INDICATOR_FORMULA_INVALID', field: 'numerator.kind' });
    const badStat = await t.app.inject({ method: 'PUT', url: '/api/indicators/try_it', headers: admin.headers, payload: { ...payload, numerator: { source: 'visits' }, denominator: { source: 'statistic', kind: 'goats' } } });
    expect(badStat.json().error).toMatchObject({ code: 'INDICATOR_FORMULA_INVALID', field: 'denominator.kind' });
  });
});

describe('alerts', () => {
  it('are raised once when a commune turns behind, and shown only in scope', async () => {
    const raised = await refreshAlerts(t.db, '66', '2025-09-01');
    expect(raised).toBeGreaterThan(0);
    expect(await refreshAlerts(t.db, '66', '2025-09-01')).toBe(0);
    const all = (await get(province, '/api/alerts?unit=66')).json().items;
    expect(all).toHaveLength(raised);
    expect(all.some((a: { unitCode: string; indicatorCode: string }) => a.unitCode === '66003' && a.indicatorCode === 'adults_skills_confirmed')).toBe(true);
    const mine = (await get(commune, '/api/alerts?unit=66002')).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a: { unitCode: string }) => a.unitCode === '66002')).toBe(true);
    expect((await get(commune, '/api/alerts?unit=66')).statusCode).toBe(404);
  });

  it('are acknowledged once by an officer in scope, and refreshed on request', async () => {
    const post = (user: TestUser, url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: user.headers, ...(payload ? { payload } : {}) });
    const all = (await get(province, '/api/alerts?unit=66')).json().items as { id: number; unitCode: string; acknowledgedAt: string | null }[];
    const mine = all.find((a) => a.unitCode === '66002')!;
    const other = all.find((a) => a.unitCode === '66003')!;
    expect(mine.acknowledgedAt).toBeNull();
    const acknowledged = await post(commune, `/api/alerts/${mine.id}/acknowledge`);
    expect(acknowledged.statusCode).toBe(200);
    expect(acknowledged.json()).toMatchObject({ id: mine.id, acknowledgedBy: commune.id });
    const again = await post(province, `/api/alerts/${mine.id}/acknowledge`);
    expect(again.json()).toMatchObject({ acknowledgedAt: acknowledged.json().acknowledgedAt, acknowledgedBy: commune.id });
    expect((await post(commune, `/api/alerts/${other.id}/acknowledge`)).statusCode).toBe(404);
    expect((await post(commune, '/api/alerts/refresh', { unit: '66' })).statusCode).toBe(404);
    const refreshed = await post(province, '/api/alerts/refresh', { unit: '66' });
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json().raised).toBeGreaterThanOrEqual(0);
  });
});

describe('progress across a merge', () => {
  it('shows the old communes before the merge and the successor, with their figures, after', async () => {
    await t.db.transaction().execute((trx) => mergeUnits(trx, null, { sources: ['66001', '66002'], into: { code: '66100', name: 'Xã Hợp Nhất', type: 'xã' }, effectiveDate: '2025-09-10' }, null));
    const before = (await get(province, '/api/progress/children?unit=66&indicator=adults_skills_confirmed&date=2025-09-01')).json();
    expect(before.children.map((c: { unit: { code: string } }) => c.unit.code)).toEqual(['66001', '66002', '66003']);
    const after = (await get(province, '/api/progress/children?unit=66&indicator=adults_skills_confirmed&date=2025-09-15')).json();
    expect(after.children.map((c: { unit: { code: string } }) => c.unit.code)).toEqual(['66003', '66100']);
    expect(after.children[1].indicators[0]).toMatchObject({ numerator: 90, denominator: 400, value: 22.5 });
    const total = (await get(province, '/api/progress?unit=66&date=2025-09-15')).json();
    expect(indicator(total, 'adults_skills_confirmed')).toMatchObject({ numerator: 90, denominator: 600 });
  });
});

describe('a share above 100%', () => {
  it('is flagged as suspect, never passed off silently as achieved', async () => {
    // A village's adults set to 10 while 30 of them are counted: 300%.
    await upsertStatistics(t.db, [{ unit_code: '6600101', kind: 'adults', as_of: '2025-10-01', value: 10, province_code: '66' }]);
    const village = (await get(province, '/api/progress?unit=6600101&date=2025-10-05')).json();
    expect(indicator(village, 'adults_skills_confirmed')).toMatchObject({ numerator: 30, denominator: 10, value: 300, suspect: true });
    const whole = (await get(province, '/api/progress?unit=66&date=2025-10-05')).json();
    expect(indicator(whole, 'adults_skills_confirmed')).toMatchObject({ suspect: false });
    const before = (await get(province, '/api/progress?unit=6600101&date=2025-09-01')).json();
    expect(indicator(before, 'adults_skills_confirmed')).toMatchObject({ value: 30, suspect: false });
  });
});

describe('the cost of a dashboard read', () => {
  it('answers exactly the bytes its schema would write, though serialised as built', async () => {
    for (const url of ['/api/progress?unit=66&date=2025-09-01', '/api/progress/children?unit=66&date=2025-09-01', '/api/progress/children?unit=66']) {
      const response = await get(province, url);
      expect(response.statusCode).toBe(200);
      const schema = url.includes('children') ? ChildrenProgressSchema : ProgressAnswerSchema;
      expect(response.payload).toBe(fastJson(schema as Parameters<typeof fastJson>[0])(response.json()));
    }
  });

  it('reads the session with the reference stamps, and both days of counts in one statement; while no data changes, only whether it did', async () => {
    for (const url of ['/api/progress?unit=66', '/api/progress/children?unit=66']) {
      await get(province, url); // fills the kept reference data and keeps the answer
      // A write, even of no row, is a change: the next read makes its answer again.
      await sql`update difficulties set id = id where false`.execute(t.db);
      const statements = (await recordQueries(() => get(province, url))).map(tablesReadBy);
      // The session and whether data changed; the indicators, targets and open difficulties at
      // once, in any order; then the counts, which need the indicators.
      expect(statements.slice(0, 2)).toEqual(['reference_stamps+sessions', 'data_changes']);
      expect(statements.slice(2, 5).sort()).toEqual(['difficulties', 'indicators', 'targets']);
      // Both days' area totals, units' own counts and the records read before reported figures.
      expect(statements.slice(5)).toEqual(['unnest+rollup_area_totals+rollup_area_counts+rollup_counts+rollup_counts']);
      const kept = (await recordQueries(() => get(province, url))).map(tablesReadBy);
      expect(kept).toEqual(['reference_stamps+sessions', 'data_changes']);
    }
  });

  it('sends a kept answer compressed as the browser asks: quickly the first time, then smaller, the same bytes each time after', async () => {
    const url = '/api/progress/children?unit=66&date=2025-09-01';
    const plain = await get(province, url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const [asked, encoding, decode] of [['gzip, deflate, br', 'br', zlib.brotliDecompressSync], ['gzip;q=1, br;q=0.5', 'gzip', zlib.gunzipSync]] as const) {
      const ask = () => t.app.inject({ method: 'GET', url, headers: { ...province.headers, 'accept-encoding': asked } });
      const [first, second, third] = [await ask(), await ask(), await ask()];
      for (const reply of [first, second, third]) {
        expect(reply.headers['content-encoding']).toBe(encoding);
        expect(reply.headers.vary).toContain('accept-encoding');
        expect(Number(reply.headers['content-length'])).toBe(reply.rawPayload.length);
        expect(decode(reply.rawPayload).toString()).toBe(plain.payload);
      }
      expect(second.rawPayload.length).toBeLessThan(first.rawPayload.length);
      expect(third.rawPayload.equals(second.rawPayload)).toBe(true);
    }
  });

  it('gives a kept answer only until a write under it commits', async () => {
    const url = '/api/progress/children?unit=66&date=2025-09-01';
    const confirmedIn = (body: { children: { unit: { code: string }; indicators: Row[] }[] }, code: string) =>
      indicator(body.children.find((c) => c.unit.code === code)!, 'adults_skills_confirmed').numerator;
    const first = (await get(province, url)).json();
    expect((await get(province, url)).json()).toEqual(first);
    await addToRollups(t.db, [{ source: 'milestone:skills_confirmed', unitCode: '6600301', day: '2025-08-25', provinceCode: '66', delta: 7 }]);
    const after = (await get(province, url)).json();
    expect(confirmedIn(after, '66003')).toBe(confirmedIn(first, '66003')! + 7);
    // Another officer's answer is kept apart: the commune officer sees only their commune.
    expect((await get(commune, url)).statusCode).toBe(404);
    expect((await get(commune, '/api/progress/children?unit=66002&date=2025-09-01')).statusCode).toBe(200);
  });
});
