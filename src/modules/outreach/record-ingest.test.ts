import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { deviceOf, items, statuses, type Device, type SyncItem } from '../../testing/sync-fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';

/**
 * New households and residents in a sync batch go in bulk, with the same answers as one by one,
 * and a record created in the same batch as its visit or milestones is written once.
 */

let t: TestApp;
let member: TestUser;
let device: Device;
const VILLAGE = '6600101';

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  member = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: VILLAGE });
  device = deviceOf(t.app, member);
});
afterAll(() => t.close());

/** The latest place in the people change feed. */
const changeSeq = async () => Number((await sql<{ n: number }>`
  select greatest((select max(change_seq) from households), (select max(change_seq) from residents), 0) as n`.execute(t.db)).rows[0]!.n);

async function record(table: 'households' | 'residents', id: string) {
  const result = await sql<{ revision: number; change_seq: number; full_name?: string }>`
    select * from ${sql.table(table)} where id = ${id}`.execute(t.db);
  return result.rows[0];
}

/** A household, its two residents and a visit that helps both: what a device sends after one door. */
function door(nationalIds: [string?, string?] = []): { batch: SyncItem[]; householdId: string; residentIds: string[] } {
  const household = items.household({ villageCode: VILLAGE });
  const householdId = household.data.id as string;
  const residents = nationalIds.map((nationalId) => items.resident({ householdId, ...(nationalId ? { nationalId } : {}) }));
  while (residents.length < 2) residents.push(items.resident({ householdId }));
  const residentIds = residents.map((r) => r.data.id as string);
  const visit = items.visit({
    householdId, peoplePresent: residentIds,
    help: [{ residentId: residentIds[0]!, milestone: 'vneid_activated' }, { residentId: residentIds[1]!, milestone: 'provincial_app' }],
  });
  return { batch: [household, ...residents, visit], householdId, residentIds };
}

describe('new households and residents in a sync batch', () => {
  it('writes a record created with its visit once: the change feed moves once per record, and the pull shows what the visit did', async () => {
    const before = await changeSeq();
    const { batch, householdId, residentIds } = door();
    expect(statuses(await device.pushOk(batch))).toEqual(['applied', 'applied', 'applied', 'applied']);
    // One household and two residents: three places in the feed, no second write of any of them.
    expect(await changeSeq()).toBe(before + 3);
    expect(await record('households', householdId)).toMatchObject({ revision: 1 });

    const page = (await device.pull(VILLAGE, `&after=${before}`)).json<{
      households: { id: string }[]; residents: { id: string; milestones: string[] }[]; visitedHouseholds: string[];
    }>();
    expect(page.households.map((h) => h.id)).toEqual([householdId]);
    expect(page.visitedHouseholds).toEqual([householdId]);
    expect(Object.fromEntries(page.residents.map((r) => [r.id, r.milestones]))).toEqual({
      [residentIds[0]!]: ['vneid_activated'], [residentIds[1]!]: ['provincial_app'],
    });
  });

  it('still puts records created by an earlier batch back in the feed when a later visit changes what they show', async () => {
    const { batch, householdId, residentIds } = door();
    await device.pushOk(batch.slice(0, 3));
    const created = await changeSeq();
    expect(statuses(await device.pushOk(batch.slice(3)))).toEqual(['applied']);
    expect(await changeSeq()).toBe(created + 3);
    expect(Number((await record('households', householdId))!.change_seq)).toBeGreaterThan(created);
    for (const id of residentIds) expect(Number((await record('residents', id))!.change_seq)).toBeGreaterThan(created);
  });

  it('answers as one by one: a resident before its household finds none, a second write of a record in the batch is an edit', async () => {
    const household = items.household({ villageCode: VILLAGE });
    const householdId = household.data.id as string;
    const early = items.resident({ householdId });
    const resident = items.resident({ householdId, fullName: 'H Lan' });
    const edit = items.resident({ id: resident.data.id as string, householdId, fullName: 'H Lan Niê', baseRevision: 1 });
    const body = await device.pushOk([early, household, resident, edit]);
    expect(statuses(body)).toEqual(['rejected', 'applied', 'applied', 'applied']);
    expect(body.results[0]!.error).toMatchObject({ code: 'HOUSEHOLD_NOT_FOUND', field: 'items[0].data.householdId' });
    expect(await record('residents', early.data.id as string)).toBeUndefined();
    expect(await record('residents', resident.data.id as string)).toMatchObject({ revision: 2, full_name: 'H Lan Niê' });
  });

  it('keeps one person per national ID number within a batch and against stored residents, naming the holder', async () => {
    const first = door(['066085123401']);
    expect(statuses(await device.pushOk(first.batch))).toEqual(['applied', 'applied', 'applied', 'applied']);
    const twin = door(['066085123402', '066085123402']);
    const again = door(['066085123401']);
    const body = await device.pushOk([...twin.batch.slice(0, 3), ...again.batch.slice(0, 2)]);
    expect(statuses(body)).toEqual(['applied', 'applied', 'rejected', 'applied', 'rejected']);
    expect(body.results[2]!.error).toMatchObject({ code: 'RESIDENT_DUPLICATE', message: twin.residentIds[0], field: 'items[2].data.nationalId' });
    expect(body.results[4]!.error).toMatchObject({ code: 'RESIDENT_DUPLICATE', message: first.residentIds[0], field: 'items[4].data.nationalId' });
  });

  it('rejects a household in a village out of scope and applies the rest of the run', async () => {
    const outside = items.household({ villageCode: '6600201' });
    const inside = items.household({ villageCode: VILLAGE });
    const body = await device.pushOk([outside, inside, items.resident({ householdId: outside.data.id as string })]);
    expect(statuses(body)).toEqual(['rejected', 'applied', 'rejected']);
    expect(body.results.map((r) => r.error?.code)).toEqual(['UNIT_NOT_FOUND', undefined, 'HOUSEHOLD_NOT_FOUND']);
  });

  it('edits a record that exists, whatever its id, and creates one whose id lies below stored ones', async () => {
    const old = items.household({ villageCode: VILLAGE, id: uuidv7({ msecs: Date.parse('2025-08-01T00:00:00Z') }) });
    const body = await device.pushOk([old]);
    expect(statuses(body)).toEqual(['applied']);
    const edit = items.household({ id: old.data.id as string, villageCode: VILLAGE, label: 'Hộ bà H Lan', baseRevision: 1 });
    expect(statuses(await device.pushOk([edit]))).toEqual(['applied']);
    expect(await record('households', old.data.id as string)).toMatchObject({ revision: 2, label: 'Hộ bà H Lan' });
  });
});
