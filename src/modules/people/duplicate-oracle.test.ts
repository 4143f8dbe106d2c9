import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { deviceOf, items, statuses } from '../../testing/sync-fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';

let t: TestApp;
let holder: TestUser;
let neighbour: TestUser;
let stranger: TestUser;
let existingId: string;

const NUMBER = '066195001234';
const LIMIT = 3;

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince, deps: { duplicateAnswersPerHour: LIMIT } });
  holder = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: '6600101' });
  neighbour = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: '6600101' });
  stranger = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: '6600201' });
  const household = items.household({ villageCode: '6600101' });
  const resident = items.resident({ householdId: household.data.id as string, nationalId: NUMBER });
  existingId = resident.data.id as string;
  expect(statuses(await deviceOf(t.app, holder).pushOk([household, resident]))).toEqual(['applied', 'applied']);
});
afterAll(() => t.close());

/** A new household in the member's village and a resident in it carrying `nationalId`. */
function newPerson(village: string, nationalId: string | null) {
  const household = items.household({ villageCode: village });
  return [household, items.resident({ householdId: household.data.id as string, nationalId })];
}

describe('a national ID number already recorded', () => {
  it('points a member of the same village at the existing resident', async () => {
    const body = await deviceOf(t.app, neighbour).pushOk(newPerson('6600101', NUMBER));
    expect(body.results[1]).toMatchObject({ status: 'rejected', error: { code: 'RESIDENT_DUPLICATE', message: existingId, field: 'items[1].data.nationalId' } });
  });

  it('tells a member elsewhere only that the person is recorded in another unit', async () => {
    const response = await deviceOf(t.app, stranger).push(newPerson('6600201', NUMBER));
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(existingId);
    expect(response.json().results[1]).toMatchObject({ status: 'rejected', error: { code: 'RESIDENT_DUPLICATE', field: 'items[1].data.nationalId' } });
    expect(response.json().results[1].error.message).toMatch(/đơn vị khác/);
  });

  it('stops answering a member who keeps probing numbers, whatever the number', async () => {
    const device = deviceOf(t.app, stranger);
    // The probe above counted once; these reach the limit.
    for (let i = 1; i < LIMIT; i += 1) {
      expect((await device.pushOk(newPerson('6600201', NUMBER))).results[1]!.error!.code).toBe('RESIDENT_DUPLICATE');
    }
    const fresh = await device.pushOk(newPerson('6600201', '066195007777'));
    expect(fresh.results.map((r) => [r.status, r.error?.code])).toEqual([['applied', undefined], ['rejected', 'RATE_LIMITED']]);
    const probe = await device.pushOk(newPerson('6600201', NUMBER));
    expect(probe.results[1]!.error!.code).toBe('RATE_LIMITED');
    // Records without a number still go in; another member is not limited.
    expect(statuses(await device.pushOk(newPerson('6600201', null)))).toEqual(['applied', 'applied']);
    expect(statuses(await deviceOf(t.app, neighbour).pushOk(newPerson('6600101', '066195008888')))).toEqual(['applied', 'applied']);
  });
});
