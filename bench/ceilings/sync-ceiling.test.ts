import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { startTestApp, type TestApp } from '../../src/testing/test-app.js';
import { createUserAndLogin, type TestUser } from '../../src/testing/login.js';
import { deviceOf, items, type Device } from '../../src/testing/sync-fixtures.js';
import { createUnit } from '../../src/modules/units/units.service.js';
import { recountRollups } from '../../src/modules/rollups/rollup-rebuild.js';
import { snapshotRollups } from '../../src/modules/rollups/rollups.service.js';
import { vietnamDay } from '../../src/lib/vietnam-day.js';
import { currentTransactionId, rowsWrittenSince } from './row-census.js';
import { areaOfVillage, writeVisitsBySql, type CeilingPlace, type CeilingVisit } from './sync-ceiling.js';

const VILLAGE = '66001001';
const KINDS = ['vneid_activated', 'vneid_level2', 'provincial_app'];

let t: TestApp;
let member: TestUser;
let device: Device;
let place: CeilingPlace;
const people = Array.from({ length: 24 }, () => ({ household: uuidv7(), resident: uuidv7() }));
// Two halves of the village: one visited through the write path, the other by the ceiling's SQL.
const throughApp = people.slice(0, 12);
const bySql = people.slice(12);

beforeAll(async () => {
  t = await startTestApp();
  await createUnit(t.db, { code: '66', name: 'Tỉnh', type: 'tỉnh', parentCode: null, validFrom: '2025-07-01' }, null);
  await createUnit(t.db, { code: '66001', name: 'Xã', type: 'xã', parentCode: '66', validFrom: '2025-07-01' }, null);
  await createUnit(t.db, { code: VILLAGE, name: 'Thôn', type: 'thôn', parentCode: '66001', validFrom: '2025-07-01' }, null);
  member = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: VILLAGE });
  device = deviceOf(t.app, member);
  await device.pushOk(people.flatMap((p) => [
    items.household({ id: p.household, villageCode: VILLAGE }), items.resident({ id: p.resident, householdId: p.household }),
  ]));
  place = { villageCode: VILLAGE, provinceCode: '66', areaCode: await areaOfVillage(t.db, VILLAGE), userId: member.id, deviceId: device.deviceId, skill: 'online_safety' };
});
afterAll(async () => { await t?.close(); });

/** The round's visits of a half: the same days and milestones on both sides, a day apart per person. */
function visitsOf(half: typeof people, round: { firstDay: number; kind: (i: number) => string }): CeilingVisit[] {
  return half.map((p, i) => {
    const visitedAt = new Date(Date.UTC(2025, 7, round.firstDay + (i % 6), 2, 30)).toISOString();
    return { id: uuidv7(), householdId: p.household, residentId: p.resident, visitedAt, day: vietnamDay(new Date(visitedAt)), milestone: round.kind(i) };
  });
}

async function throughWritePath(visits: CeilingVisit[]): Promise<Record<string, number>> {
  const since = await currentTransactionId(t.db);
  const body = await device.pushOk(visits.map((v) => items.visit({
    householdId: v.householdId, visitedAt: v.visitedAt, peoplePresent: [v.residentId],
    help: [{ residentId: v.residentId, milestone: v.milestone }], skillsTaught: [place.skill], outcome: 'guided',
  }, v.visitedAt)));
  expect(body.results.every((r) => r.status === 'applied')).toBe(true);
  return rowsWrittenSince(t.db, since);
}

async function throughCeiling(visits: CeilingVisit[]): Promise<Record<string, number>> {
  const since = await currentTransactionId(t.db);
  await writeVisitsBySql(t.db, place, visits);
  return rowsWrittenSince(t.db, since);
}

describe('the sync ceiling writes what the write path writes', () => {
  // Each round runs on both halves; the counts are the database's, read from the rows' xmin.
  const rounds = [
    { name: 'first visits: every household reached, every kind new', firstDay: 10, kind: (i: number) => KINDS[i % KINDS.length]! },
    { name: 'visits again, earlier: first days move back', firstDay: 3, kind: (i: number) => KINDS[i % KINDS.length]! },
    { name: 'visits again, later: nothing moves but the visits', firstDay: 20, kind: (i: number) => KINDS[(i + 1) % KINDS.length]! },
  ];
  for (const round of rounds) {
    it(round.name, async () => {
      const app = await throughWritePath(visitsOf(throughApp, round));
      const ceiling = await throughCeiling(visitsOf(bySql, round));
      expect(app.visits).toBe(throughApp.length);
      expect(ceiling).toEqual(app);
    });
  }

  it('leaves the rollups as a rebuild from the facts finds them', async () => {
    const incremental = await snapshotRollups(t.db);
    expect(incremental.counts.some((row) => row.source === 'milestone:vneid_level2')).toBe(true);
    await t.db.transaction().execute((trx) => recountRollups(trx));
    expect(await snapshotRollups(t.db)).toEqual(incremental);
  });
});
