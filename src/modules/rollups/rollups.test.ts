import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { between, pick, seededRandom } from '../../lib/seeded-random.js';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { deviceOf, items, type Device, type SyncItem } from '../../testing/sync-fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { computeFigures } from '../targets/indicator-values.js';
import type { IndicatorRow } from '../targets/indicators.queries.js';
import { childSubtrees } from '../units/units.service.js';
import { recountRollups } from './rollup-rebuild.js';
import { addToRollups, snapshotRollups, sumRollups } from './rollups.service.js';

let t: TestApp;
let device: Device;
let province: TestUser;

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
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

describe('rollups', () => {
  it('kept incrementally through random writes, reorganisations and corrections equal a rebuild from the facts', async () => {
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: province.headers, payload });
    const reorganise = [
      // A village changes commune, then two communes merge into a new one: counts move to their new areas.
      () => post('/api/units/6600102/move', { parentCode: '66002', effectiveDate: '2025-08-06' }),
      () => post('/api/units/merge', { sources: ['66002', '66003'], into: { code: '66104', name: 'Xã Hợp Nhất', type: 'xã' }, effectiveDate: '2025-08-12' }),
    ];
    for (const [round, seed] of [7, 2025, 99].entries()) {
      await randomFieldWork(seed, 20);
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
      const response = await reorganise[round]?.();
      if (response) expect(response.statusCode, response.body).toBe(200);
    }
  }, 120_000);

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
});
