import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { between, pick, seededRandom } from '../../lib/seeded-random.js';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { deviceOf, items, type Device, type SyncItem } from '../../testing/sync-fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { DAKLAK_2025_PLAN } from '../targets/indicators/daklak-2025-plan.js';
import { computeFigures, computeFiguresOnDays, type IndicatorFigure } from '../targets/values/indicator-values.js';
import { listIndicators, type IndicatorRow } from '../targets/indicators/indicators.queries.js';
import { installPlan } from '../targets/indicators/indicators.service.js';
import { childSubtrees } from '../units/units.service.js';
import { recountRollups } from '../../rollup-sources.js';
import { addToRollups, snapshotRollups, sumRollups, sumRollupsOnDays } from './rollups.service.js';

let t: TestApp;
let device: Device;
let province: TestUser;

beforeAll(async () => {
  t = await startTestApp({
    seed: async (db) => {
      await createSmallProvince(db);
      await installPlan(db, DAKLAK_2025_PLAN, '66');
    },
  });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  device = deviceOf(t.app, province);
});
afterAll(() => t.close());

const VILLAGES = ['6600101', '6600102', '6600201', '6600301'];
const KINDS = ['vneid_activated', 'vneid_level2', 'provincial_app', 'cashless_payment'];

/**
 * Random field work through the real sync path: households, residents, visits with help,
 * milestones and corrections of corrections, in batches that mix them.
 */
async function randomFieldWork(seed: number, batches: number): Promise<void> {
  const random = seededRandom(seed);
  const households: { id: string; village: string }[] = [];
  const residents: { id: string; household: string; village: string }[] = [];
  const live: { id: string; household: string; village: string }[] = [];
  const instant = () => `2025-08-${String(between(random, 1, 20)).padStart(2, '0')}T${String(between(random, 0, 23)).padStart(2, '0')}:${pick(random, ['05', '30', '55'])}:00+07:00`;
  const helpIn = (village: string) => residents.filter((r) => r.village === village && random() < 0.4).slice(0, 3)
    .map((r) => ({ residentId: r.id, milestone: pick(random, KINDS) }));
  // Doors that stay shut as well as guided ones, so covered households differ from visited ones.
  const outcome = (village?: string) => {
    const roll = random();
    if (roll < 0.6) return { outcome: 'guided', help: village ? helpIn(village) : [] };
    return { outcome: pick(random, ['not_home', 'refused', 'follow_up']), help: [] };
  };

  for (let b = 0; b < batches; b += 1) {
    const batch: SyncItem[] = [];
    for (let n = between(random, 1, 25); n > 0; n -= 1) {
      const roll = random();
      if (roll < 0.2 || households.length === 0) {
        const village = pick(random, VILLAGES);
        const item = items.household({ villageCode: village }, instant());
        households.push({ id: item.data.id as string, village });
        batch.push(item);
      } else if (roll < 0.4) {
        const household = pick(random, households);
        const item = items.resident({ householdId: household.id }, instant());
        residents.push({ id: item.data.id as string, household: household.id, village: household.village });
        batch.push(item);
      } else if (roll < 0.75) {
        const household = pick(random, households);
        const item = items.visit({ householdId: household.id, visitedAt: instant(), ...outcome(household.village) });
        live.push({ id: item.id, household: household.id, village: household.village });
        batch.push(item);
      } else if (roll < 0.85 && residents.length > 0) {
        const resident = pick(random, residents);
        batch.push(items.milestone({ residentId: resident.id, kind: pick(random, KINDS), achievedOn: instant().slice(0, 10) }));
      } else if (live.length > 0) {
        const index = Math.floor(random() * live.length);
        const old = live[index]!;
        const item = items.visit({ householdId: old.household, visitedAt: instant(), supersedes: old.id, ...outcome(old.village) });
        live.splice(index, 1, { id: item.id, household: old.household, village: old.village });
        batch.push(item);
      }
    }
    const body = await device.pushOk(batch);
    const refused = body.results.filter((r) => r.status !== 'applied');
    expect(refused, JSON.stringify(refused[0])).toEqual([]);
  }
}

async function derivedState() {
  const visits = await sql`
    select household_id, live_visits, first_day, guided_visits, first_guided_day, last_visit_at, last_visit_id, last_outcome
    from household_visits where live_visits > 0 order by household_id`.execute(t.db);
  const held = await sql`select resident_id, kind, first_on, facts from resident_milestones order by resident_id, kind`.execute(t.db);
  return { visits: visits.rows, held: held.rows };
}

const SOURCES = ['visits', 'households', 'households_visited', 'households_covered', 'residents', ...KINDS.map((kind) => `milestone:${kind}`)];
const asIndicator = (source: string) => ({
  code: source, percent: false, denominator: null,
  numerator: source.startsWith('milestone:') ? { source: 'milestone', kind: source.slice('milestone:'.length) } : { source },
}) as unknown as IndicatorRow;

/**
 * What the dashboard reads for each child of `root` on `day` (areas where they still hold the
 * child's units, the units' own counts elsewhere) against the units' own counts alone.
 */
async function expectChildFiguresExact(root: string, day: string): Promise<void> {
  const byChild = await childSubtrees(t.db, root, day);
  const figures = await computeFigures(t.db, SOURCES.map(asIndicator), root, [...byChild.keys()], day);
  for (const [child, codes] of byChild) {
    const own = await sumRollups(t.db, codes, { exact: SOURCES }, day);
    for (const source of SOURCES) {
      const expected = own.filter((row) => row.source === source).reduce((sum, row) => sum + row.value, 0);
      expect(figures.get(child)!.get(source)!.numerator, `${source} of ${child} on ${day}`).toBe(expected);
    }
  }
}

/**
 * Random reported figures through the API, submitted so that they count: cadres trained (a state,
 * the latest counts) by communes, Week participants (summed over weeks) by villages. A unit that
 * has ended by a period, or a figure already submitted, is refused, as an officer would be.
 */
async function randomReports(seed: number): Promise<void> {
  const random = seededRandom(seed);
  const communes = ['66001', '66002', '66003', '66104', '66105', '66106'];
  let saved = 0;
  for (let n = 0; n < 12; n += 1) {
    const monthly = random() < 0.5;
    const payload = monthly
      ? { indicatorCode: 'cadres_trained', unitCode: pick(random, communes), periodType: 'month', periodStart: pick(random, ['2025-07-01', '2025-08-01']) }
      : { indicatorCode: 'week_participants', unitCode: pick(random, VILLAGES), periodType: 'week', periodStart: pick(random, ['2025-07-14', '2025-07-28', '2025-08-04', '2025-08-11', '2025-08-18']) };
    const response = await t.app.inject({ method: 'PUT', url: '/api/reported-values', headers: province.headers, payload: { ...payload, value: between(random, 1, 500), submit: true } });
    if (response.statusCode === 200) saved += 1;
    else expect(['UNIT_NOT_FOUND', 'UNIT_NOT_ACTIVE', 'REPORTED_VALUE_LOCKED'], response.body).toContain(response.json().error.code);
  }
  expect(saved).toBeGreaterThan(0);
}

const TOTAL_DAYS = ['2025-07-20', '2025-08-03', '2025-08-08', '2025-08-15', '2025-08-20', '2025-09-30', '2026-01-01'];

/** Every plan indicator of the province on each of TOTAL_DAYS. */
async function provinceTotals(): Promise<Map<string, Map<string, IndicatorFigure>>> {
  const indicators = await listIndicators(t.db);
  const totals = new Map<string, Map<string, IndicatorFigure>>();
  for (const day of TOTAL_DAYS) totals.set(day, (await computeFigures(t.db, indicators, '66', ['66'], day)).get('66')!);
  // All the days read at once (as the dashboard and the series do) give each day's own figures.
  const onDays = await computeFiguresOnDays(t.db, indicators, '66', ['66'], TOTAL_DAYS);
  for (const day of TOTAL_DAYS) expect(onDays.get(day)!.get('66'), day).toEqual(totals.get(day));
  return totals;
}

/**
 * A reorganisation moves figures, never makes or loses them: every province total on every day
 * is what it was, but for the committees, whose communes become fewer or more (each with one
 * committee at most, its own or inherited).
 */
function expectSameTotals(before: Map<string, Map<string, IndicatorFigure>>, after: Map<string, Map<string, IndicatorFigure>>, what: string): void {
  for (const [day, figures] of before) {
    for (const [code, figure] of figures) {
      const now = after.get(day)!.get(code)!;
      if (code === 'steering_committees') {
        expect(now.numerator!, `${code} on ${day} after ${what}`).toBeLessThanOrEqual(now.denominator!);
      } else {
        expect({ numerator: now.numerator, denominator: now.denominator }, `${code} on ${day} after ${what}`)
          .toEqual({ numerator: figure.numerator, denominator: figure.denominator });
      }
    }
  }
}

describe('rollups', () => {
  it('kept incrementally through random writes, reorganisations and corrections equal a rebuild from the facts', async () => {
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: province.headers, payload });
    const reorganise = [
      // A village changes commune, then two communes merge into a new one, which then splits in two.
      () => post('/api/units/6600102/move', { parentCode: '66002', effectiveDate: '2025-08-06' }),
      () => post('/api/units/merge', { sources: ['66002', '66003'], into: { code: '66104', name: 'Xã Hợp Nhất', type: 'xã' }, effectiveDate: '2025-08-12' }),
      () => post('/api/units/66104/split', {
        successors: [{ code: '66105', name: 'Xã Tách Một', type: 'xã' }, { code: '66106', name: 'Xã Tách Hai', type: 'xã' }],
        children: { '6600102': '66105', '6600201': '66105', '6600202': '66105', '6600301': '66106', '6600302': '66106' },
        factsTo: '66105', effectiveDate: '2025-08-18',
      }),
    ];
    // Every commune of the first tree decides its committee: the merged commune inherits one, never two.
    const committee = { members: [{ fullName: 'Chủ Tịch', position: 'Chủ tịch UBND', committeeRole: 'chair' }] };
    for (const [unit, decisionDate] of [['66001', '2025-07-05'], ['66002', '2025-07-10'], ['66003', '2025-08-01']] as const) {
      const put = await t.app.inject({ method: 'PUT', url: `/api/committees/${unit}`, headers: province.headers, payload: { ...committee, decisionNumber: `${unit}/QĐ`, decisionDate } });
      expect(put.statusCode, put.body).toBe(200);
    }
    for (const [round, seed] of [7, 2025, 99, 4242].entries()) {
      await randomFieldWork(seed, round === 3 ? 8 : 20);
      await randomReports(seed);
      const incremental = await snapshotRollups(t.db);
      const state = await derivedState();
      expect(incremental.counts.some((row) => row.source.startsWith('milestone:'))).toBe(true);
      // Some visited households were never guided: the two counts must differ to prove anything.
      const total = (source: string) => incremental.counts.filter((row) => row.source === source).reduce((sum, row) => sum + Number(row.value), 0);
      expect(total('households_covered')).toBeGreaterThan(0);
      expect(total('households_covered')).toBeLessThan(total('households_visited'));
      expect(incremental.areas.totals.length).toBeGreaterThan(0);
      // Before, between and after the reorganisations, and today.
      for (const day of ['2025-08-03', '2025-08-08', '2025-08-15', '2025-08-20', '2026-01-01']) {
        await expectChildFiguresExact('66', day);
        await expectChildFiguresExact('66001', day);
      }
      await t.db.transaction().execute((trx) => recountRollups(trx));
      expect(await snapshotRollups(t.db)).toEqual(incremental);
      expect(await derivedState()).toEqual(state);
      const before = await provinceTotals();
      const response = await reorganise[round]?.();
      if (!response) continue;
      expect(response.statusCode, response.body).toBe(200);
      expectSameTotals(before, await provinceTotals(), `reorganisation ${round + 1}`);
    }

    // Committees per day of the tree as it stood: 3 communes, then 66001 and the merged 66104, then 66001 and the split-off 66105 and 66106.
    const committees = async (day: string) => {
      const indicators = (await listIndicators(t.db)).filter((i) => i.code === 'steering_committees');
      const figure = (await computeFigures(t.db, indicators, '66', ['66'], day)).get('66')!.get('steering_committees')!;
      return [figure.numerator, figure.denominator];
    };
    expect(await committees('2025-07-20')).toEqual([2, 3]);
    expect(await committees('2025-08-03')).toEqual([3, 3]);
    expect(await committees('2025-08-15')).toEqual([2, 2]);
    // 66105 took the old commune's figures and its committee; 66106 has one to set up.
    expect(await committees('2025-08-20')).toEqual([2, 3]);
    const inherited = await t.app.inject({ method: 'GET', url: '/api/committees/66105', headers: province.headers });
    expect(inherited.statusCode, inherited.body).toBe(200);
    expect(inherited.json()).toMatchObject({ unitCode: '66105', inheritedFrom: '66003', decisionDate: '2025-08-01' });
    expect((await t.app.inject({ method: 'GET', url: '/api/committees/66106', headers: province.headers })).json().error.code).toBe('COMMITTEE_NOT_FOUND');

    // An ended commune names where its figures went and lists none of today; its successor lists only its own.
    const ended = (await t.app.inject({ method: 'GET', url: '/api/reported-values?unit=66002', headers: province.headers })).json();
    expect(ended).toEqual({ items: [], next: null, successor: { code: '66105', name: 'Xã Tách Một', endedOn: '2025-08-12' } });
    const successor = (await t.app.inject({ method: 'GET', url: '/api/reported-values?unit=66105&limit=500', headers: province.headers })).json();
    const own = new Set(['66105', '6600102', '6600201', '6600202']);
    expect(successor.items.filter((item: { unitCode: string }) => !own.has(item.unitCode))).toEqual([]);
  }, 240_000);

  it('stay exact when devices of one village push and pull at the same time', async () => {
    const village = '6600202';
    const setup: SyncItem[] = [];
    const shared: { household: string; residents: string[] }[] = [];
    for (let i = 0; i < 30; i += 1) {
      const household = items.household({ villageCode: village });
      const residents = [items.resident({ householdId: household.data.id as string }), items.resident({ householdId: household.data.id as string })];
      setup.push(household, ...residents);
      shared.push({ household: household.data.id as string, residents: residents.map((r) => r.data.id as string) });
    }
    await device.pushOk(setup);
    const phones = await Promise.all([1, 2, 3, 4].map(async () => deviceOf(t.app, await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: village }))));
    await Promise.all(phones.map(async (phone, p) => {
      const random = seededRandom(100 + p);
      const mine: SyncItem[] = [];
      for (let b = 0; b < 6; b += 1) {
        const batch: SyncItem[] = [];
        for (let n = 0; n < 20; n += 1) {
          const target = pick(random, shared);
          const day = `2025-09-${String(between(random, 1, 9)).padStart(2, '0')}T10:00:00+07:00`;
          const help = [{ residentId: pick(random, target.residents), milestone: pick(random, KINDS) }];
          if (mine.length > 0 && random() < 0.2) {
            const index = Math.floor(random() * mine.length);
            const old = mine[index]!;
            const correction = items.visit({ householdId: old.data.householdId as string, visitedAt: day, supersedes: old.id, help });
            mine.splice(index, 1, correction);
            batch.push(correction);
          } else {
            const visit = items.visit({ householdId: target.household, visitedAt: day, help });
            mine.push(visit);
            batch.push(visit);
          }
        }
        const body = await phone.pushOk(batch);
        expect(body.results.filter((r) => r.status !== 'applied')).toEqual([]);
        expect((await phone.pull(village, '&limit=50')).statusCode).toBe(200);
      }
    }));
    const incremental = await snapshotRollups(t.db);
    await t.db.transaction().execute((trx) => recountRollups(trx));
    expect(await snapshotRollups(t.db)).toEqual(incremental);
  });

  it('rebuilds only the sources named by the prefix', async () => {
    const truth = await snapshotRollups(t.db);
    await sql`update rollup_counts set value = value + 1000 where source in ('visits', 'milestone:vneid_activated')`.execute(t.db);
    await t.db.transaction().execute((trx) => recountRollups(trx, 'milestone:'));
    const partly = await snapshotRollups(t.db);
    expect(partly.counts.filter((r) => r.source.startsWith('milestone:'))).toEqual(truth.counts.filter((r) => r.source.startsWith('milestone:')));
    expect(partly.counts.find((r) => r.source === 'visits')!.value).toBeGreaterThan(1000);
    await t.db.transaction().execute((trx) => recountRollups(trx, 'visits'));
    expect(await snapshotRollups(t.db)).toEqual(truth);
  });

  it('adds deltas summed per key in one upsert and sums them over units up to a day', async () => {
    await t.db.transaction().execute((trx) => addToRollups(trx, [
      { source: 'test', unitCode: '6600101', day: '2025-09-01', provinceCode: '66', delta: 2 },
      { source: 'test', unitCode: '6600101', day: '2025-09-01', provinceCode: '66', delta: 3 },
      { source: 'test', unitCode: '6600102', day: '2025-09-02', provinceCode: '66', delta: 1 },
      { source: 'test', unitCode: '6600102', day: '2025-09-05', provinceCode: '66', delta: 4 },
      { source: 'test', unitCode: '6600201', day: '2025-09-01', provinceCode: '66', delta: 1 },
      { source: 'test', unitCode: '6600201', day: '2025-09-01', provinceCode: '66', delta: -1 },
    ]));
    const sums = await sumRollups(t.db, ['6600101', '6600102', '6600201'], { exact: ['test'] }, '2025-09-02');
    expect(sums.sort((a, b) => a.unitCode.localeCompare(b.unitCode))).toEqual([
      { unitCode: '6600101', source: 'test', value: 5 },
      { unitCode: '6600102', source: 'test', value: 1 },
    ]);
    // A rebuild leaves sources it does not own alone.
    await t.db.transaction().execute((trx) => recountRollups(trx));
    expect((await sumRollups(t.db, ['6600101'], { exact: ['test'] }, '2025-09-30'))[0]?.value).toBe(5);
  });

  it('sums units named by a long list as by a short one, leaving out the units not named', async () => {
    await t.db.transaction().execute((trx) => addToRollups(trx, [
      { source: 'test-fact', unitCode: '6600101', day: '2025-09-01', provinceCode: '66', delta: 2 },
      { source: 'test-fact', unitCode: '6600102', day: '2025-09-03', provinceCode: '66', delta: 7 },
      { source: 'test-fact', unitCode: '6600201', day: '2025-09-01', provinceCode: '66', delta: 5 },
    ]));
    const sumFacts = async (unitCodes: string[]) => (await sumRollupsOnDays(t.db, '66', { areaCodes: [], unitCodes: [], sources: [] },
      { unitCodes, sources: ['test-fact'] }, ['2025-09-02', '2025-09-30']))
      .sort((a, b) => a.day.localeCompare(b.day) || a.code.localeCompare(b.code));
    const short = await sumFacts(['6600101', '6600102']);
    // Past a few hundred codes the province is read whole and the units not named are dropped.
    const long = await sumFacts(['6600101', '6600102', ...Array.from({ length: 400 }, (_, i) => `66999${String(i).padStart(3, '0')}`)]);
    expect(short).toEqual([
      { day: '2025-09-02', kind: 'fact', code: '6600101', source: 'test-fact', value: 2 },
      { day: '2025-09-30', kind: 'fact', code: '6600101', source: 'test-fact', value: 2 },
      { day: '2025-09-30', kind: 'fact', code: '6600102', source: 'test-fact', value: 7 },
    ]);
    expect(long).toEqual(short);
  });
});
