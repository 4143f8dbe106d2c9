import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordQueries, tablesReadBy } from '../../../../bench/ceilings/query-recorder.js';
import type { Database } from '../../../db/database.js';
import { addDays, vietnamDay } from '../../../lib/vietnam-day.js';
import { createUserAndLogin, type TestUser } from '../../../testing/login.js';
import { startTestApp, type TestApp } from '../../../testing/test-app.js';
import { createSmallProvince } from '../../../testing/unit-fixtures.js';
import { addToRollups, type RollupDelta } from '../../rollups/rollups.service.js';
import { addMember, createTeam } from '../../teams/teams.service.js';
import { createUnit } from '../../units/units.service.js';
import { upsertStatistics } from '../../units/units.queries.js';
import { DAKLAK_2025_PLAN } from '../indicators/daklak-2025-plan.js';
import { installPlan } from '../indicators/indicators.service.js';
import { seriesDays } from './progress-series.service.js';

let t: TestApp;
let province: TestUser;
let commune: TestUser;
let admin: TestUser;

const VILLAGES = ['6600101', '6600102', '6600201', '6600202', '6600301', '6600302'];
const count = (source: string, unitCode: string, day: string, delta: number): RollupDelta => ({ source, unitCode, day, provinceCode: '66', delta });

async function seed(db: Database) {
  await createSmallProvince(db);
  // A second province, for the administrator's list of dashboards.
  await createUnit(db, { code: '67', name: 'Tỉnh Bên Cạnh', type: 'tỉnh', parentCode: null, validFrom: '2025-07-01' }, null);
  await upsertStatistics(db, VILLAGES.map((code) => ({ unit_code: code, kind: 'adults', as_of: '2025-07-01', value: 100, province_code: '66' })));
  await installPlan(db, DAKLAK_2025_PLAN, '66');
  await addToRollups(db, [
    count('milestone:skills_confirmed', '6600101', '2025-08-01', 30),
    count('milestone:skills_confirmed', '6600102', '2025-08-20', 30),
    count('milestone:skills_confirmed', '6600201', '2025-08-20', 30),
    // Village 6600101 is busy, 6600201 less so; 6600301 has no team, so its visits count for nobody.
    count('visits', '6600101', '2025-08-01', 12), count('visits', '6600101', '2025-08-25', 8), count('households_visited', '6600101', '2025-08-01', 9),
    count('visits', '6600201', '2025-08-25', 5), count('households_visited', '6600201', '2025-08-25', 4),
    count('visits', '6600301', '2025-08-25', 50),
  ]);
  for (const unitCode of ['6600101', '6600201', '6600202']) {
    const team = await createTeam(db, null, { unitCode, name: `Tổ ${unitCode}`, establishedOn: '2025-07-15' });
    await addMember(db, null, team.id, { fullName: 'Y Bih', affiliation: 'youth_union', role: 'leader', joinedOn: '2025-07-15' });
  }
}

beforeAll(async () => {
  t = await startTestApp({ seed });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66002' });
  admin = await createUserAndLogin(t.app, { role: 'admin', scopeUnitCode: null });
});
afterAll(() => t.close());

const get = (user: TestUser, url: string) => t.app.inject({ method: 'GET', url, headers: user.headers });
const version = async (user: TestUser, unit = '66') => {
  const response = await get(user, `/api/progress/version?unit=${unit}`);
  expect(response.statusCode).toBe(200);
  return response.json<{ version: string }>().version;
};

describe('the days of a series', () => {
  it('counts back from the last day, so the last point is the day asked', () => {
    expect(seriesDays('2025-08-01', '2025-08-20', 'week')).toEqual(['2025-08-06', '2025-08-13', '2025-08-20']);
    expect(seriesDays('2025-08-19', '2025-08-20', 'day')).toEqual(['2025-08-19', '2025-08-20']);
    expect(seriesDays('2025-01-01', '2025-03-31', 'month')).toEqual(['2025-01-31', '2025-02-28', '2025-03-31']);
  });
});

describe('GET /api/progress/series', () => {
  it('gives an indicator week by week, ending on the same figure and target as the progress of that day', async () => {
    const response = await get(province, '/api/progress/series?unit=66&indicator=adults_skills_confirmed&from=2025-07-28&to=2025-09-01');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.points.map((p: { day: string }) => p.day)).toEqual(['2025-07-28', '2025-08-04', '2025-08-11', '2025-08-18', '2025-08-25', '2025-09-01']);
    expect(body.points.map((p: { value: number }) => p.value)).toEqual([0, 5, 5, 5, 15, 15]);
    const progress = (await get(province, '/api/progress?unit=66&date=2025-09-01')).json();
    const tile = progress.indicators.find((i: { code: string }) => i.code === 'adults_skills_confirmed');
    expect(body).toMatchObject({ target: tile.target, deadline: tile.deadline, status: tile.status, projected: tile.projected, step: 'week' });
    expect(body.points.at(-1)).toMatchObject({ numerator: tile.numerator, denominator: tile.denominator, value: tile.value });
    expect(body.indicator).toMatchObject({ code: 'adults_skills_confirmed', percent: true, unitLabel: '%' });
  });

  it('starts no earlier than the unit existed and defaults to twelve weeks up to today', async () => {
    const body = (await get(province, '/api/progress/series?unit=66001&indicator=village_teams&from=2025-01-01&to=2025-07-20&step=day')).json();
    expect(body.from).toBe('2025-07-01');
    expect(body.points).toHaveLength(20);
    expect(body.points[0].day).toBe('2025-07-01');
    expect(body.points.at(-1)).toMatchObject({ day: '2025-07-20', numerator: 1, denominator: 2, value: 50 });
    const byDefault = (await get(province, '/api/progress/series?unit=66&indicator=adults_skills_confirmed')).json();
    expect(byDefault.to).toBe(vietnamDay());
    expect(byDefault.points).toHaveLength(13);
  });

  it('refuses the future, reversed or too long periods, malformed days, unknown indicators and units out of scope', async () => {
    const tomorrow = addDays(vietnamDay(), 1);
    const bad = async (user: TestUser, query: string) => (await get(user, `/api/progress/series?${query}`)).json().error;
    expect(await bad(province, `unit=66&indicator=adults_skills_confirmed&to=${tomorrow}`)).toMatchObject({ code: 'PERIOD_INVALID', field: 'to' });
    expect(await bad(province, 'unit=66&indicator=adults_skills_confirmed&from=2025-09-02&to=2025-09-01')).toMatchObject({ code: 'PERIOD_INVALID', field: 'from' });
    expect(await bad(province, 'unit=66&indicator=adults_skills_confirmed&from=2025-07-01&to=2025-12-31&step=day')).toMatchObject({ code: 'PERIOD_INVALID' });
    expect(await bad(province, 'unit=66&indicator=adults_skills_confirmed&to=2025-02-30')).toMatchObject({ code: 'VALIDATION_FAILED', field: 'querystring.to' });
    expect(await bad(province, 'unit=66&indicator=adults_skills_confirmed&step=hour')).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await bad(province, 'unit=66&indicator=flying&to=2025-09-01')).toMatchObject({ code: 'INDICATOR_NOT_FOUND' });
    expect(await bad(commune, 'unit=66001&indicator=adults_skills_confirmed&to=2025-09-01')).toMatchObject({ code: 'UNIT_NOT_FOUND' });
    expect((await get(commune, '/api/progress/series?unit=66002&indicator=adults_skills_confirmed&to=2025-09-01')).statusCode).toBe(200);
  });
});

describe('GET /api/progress/version', () => {
  it('stays the same while nothing changes, and changes when a count or a reported figure does', async () => {
    const first = await version(province);
    expect(await version(province)).toBe(first);
    await addToRollups(t.db, [count('visits', '6600302', vietnamDay(), 1)]);
    const afterCount = await version(province);
    expect(afterCount).not.toBe(first);
    // A commune's stamp follows its province.
    expect(await version(commune, '66002')).toBe(afterCount);

    const saved = await t.app.inject({
      method: 'PUT', url: '/api/reported-values', headers: province.headers,
      payload: { indicatorCode: 'cadres_trained', unitCode: '66001', periodType: 'month', periodStart: '2025-08-01', value: 40 },
    });
    expect(saved.statusCode).toBe(200);
    expect(await version(province)).not.toBe(afterCount);
  });

  it('answers 404 out of scope, and is never cached', async () => {
    expect((await get(commune, '/api/progress/version?unit=66001')).statusCode).toBe(404);
    expect((await get(province, '/api/progress/version?unit=66')).headers['cache-control']).toBe('no-store');
  });

  // A transaction that stamped its counts earlier but commits later must still move the stamp.
  // The later one writes in another commune: writers of one commune take turns on its area's sums.
  it.runIf(process.env.DATABASE_URL)('sees a change whose transaction commits after a later one', async () => {
    let resume!: () => void;
    const paused = new Promise<void>((resolve) => { resume = resolve; });
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => { written = resolve; });
    const slow = t.db.transaction().execute(async (trx) => {
      await addToRollups(trx, [count('visits', '6600301', vietnamDay(), 1)]);
      written();
      await paused;
    });
    await wrote;
    await addToRollups(t.db, [count('visits', '6600202', vietnamDay(), 1)]);
    const between = await version(province);
    resume();
    await slow;
    expect(await version(province)).not.toBe(between);
  });
});

describe('GET /api/progress/teams', () => {
  it('ranks the teams of a unit by visits, over all time or a period', async () => {
    const all = (await get(province, '/api/progress/teams?unit=66&to=2025-09-01')).json();
    expect(all.teams).toBe(3);
    expect(all.items.map((i: { unitCode: string }) => i.unitCode)).toEqual(['6600101', '6600201', '6600202']);
    expect(all.items[0]).toMatchObject({ name: 'Tổ 6600101', unitName: 'Thôn 1', visits: 20, householdsVisited: 9, milestones: 30, activeMembers: 1 });
    expect(all.items[2]).toMatchObject({ visits: 0, householdsVisited: 0, milestones: 0 });
    const late = (await get(province, '/api/progress/teams?unit=66&from=2025-08-15&to=2025-09-01&limit=2')).json();
    expect(late.items).toHaveLength(2);
    expect(late.items[0]).toMatchObject({ unitCode: '6600101', visits: 8, householdsVisited: 0, milestones: 0 });
    expect(late.items[1]).toMatchObject({ unitCode: '6600201', visits: 5, householdsVisited: 4, milestones: 30 });
    const mine = (await get(commune, '/api/progress/teams?unit=66002&to=2025-09-01')).json();
    expect(mine.items.map((i: { unitCode: string }) => i.unitCode)).toEqual(['6600201', '6600202']);
    expect((await get(commune, '/api/progress/teams?unit=66')).statusCode).toBe(404);
    expect((await get(province, `/api/progress/teams?unit=66&to=${addDays(vietnamDay(), 1)}`)).json().error.code).toBe('PERIOD_INVALID');
  });

  it('gives a kept leaderboard only until a write under it commits, and a new team ranks at once', async () => {
    const url = '/api/progress/teams?unit=66&to=2025-09-01';
    const visitsOf = (body: { items: { unitCode: string; visits: number }[] }, code: string) => body.items.find((i) => i.unitCode === code)?.visits;
    const first = (await get(province, url)).json();
    const kept = await recordQueries(() => get(province, url));
    expect(kept.map(tablesReadBy)).toEqual(['reference_stamps+sessions', 'data_changes']);
    expect((await get(province, url)).json()).toEqual(first);
    await addToRollups(t.db, [count('visits', '6600202', '2025-08-30', 3)]);
    const after = (await get(province, url)).json();
    expect(visitsOf(after, '6600202')).toBe(visitsOf(first, '6600202')! + 3);
    const team = await createTeam(t.db, null, { unitCode: '6600301', name: 'Tổ 6600301', establishedOn: '2025-07-15' });
    const withTeam = (await get(province, url)).json();
    expect(withTeam.teams).toBe(4);
    expect(visitsOf(withTeam, '6600301')).toBe(50);
    // Put back as it was: the tests below count the teams above.
    await t.db.deleteFrom('teams').where('id', '=', team.id).execute();
    await addToRollups(t.db, [count('visits', '6600202', '2025-08-30', -3)]);
    expect((await get(province, url)).json()).toEqual(first);
  });
});

describe('GET /api/progress/roots', () => {
  it('starts an officer at their unit and an administrator at every province', async () => {
    expect((await get(commune, '/api/progress/roots')).json().items.map((u: { code: string }) => u.code)).toEqual(['66002']);
    expect((await get(admin, '/api/progress/roots')).json().items.map((u: { code: string }) => u.code)).toEqual(['66', '67']);
  });
});

// Last: the team it adds would change the leaderboards above.
describe('GET /api/progress/version, reference data', () => {
  it('changes when a team or a statistic changes, which moves team counts and denominators', async () => {
    const before = await version(province);
    const team = await createTeam(t.db, null, { unitCode: '6600302', name: 'Tổ 6600302', establishedOn: '2025-08-01' });
    const afterTeam = await version(province);
    expect(afterTeam).not.toBe(before);
    await addMember(t.db, null, team.id, { fullName: 'H Lan', affiliation: 'youth_union', role: 'leader', joinedOn: '2025-08-01' });
    expect(await version(province)).not.toBe(afterTeam);
    const afterMember = await version(province);
    await upsertStatistics(t.db, [{ unit_code: '6600302', kind: 'adults', as_of: '2025-08-01', value: 120, province_code: '66' }]);
    expect(await version(province)).not.toBe(afterMember);
  });
});
