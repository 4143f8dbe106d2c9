import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { deviceOf, items, statuses, type Device } from '../../testing/sync-fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';

let t: TestApp;
let member: TestUser;
let device: Device;
let crowdedDevice: Device;

const VILLAGE = '6600101';
const CROWDED = '6600102';
const CAP = 5;

interface Page {
  households: { id: string; label: string; revision: number }[];
  residents: { id: string; fullName: string; milestones: string[] }[];
  visitedHouseholds: string[];
  next: string | null;
  cursor: string;
  capped: boolean;
  message?: string;
}

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince, deps: { syncPullCap: CAP } });
  member = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: VILLAGE });
  device = deviceOf(t.app, member);
  crowdedDevice = deviceOf(t.app, await createUserAndLogin(t.app, { role: 'team_leader', scopeUnitCode: CROWDED }));
});
afterAll(() => t.close());

const pull = async (d: Device, village: string, query: string): Promise<Page> => {
  const response = await d.pull(village, query);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page>();
};

/** Pulls page after page from `after` until the answer says stop; answers every page. */
async function pullAll(d: Device, village: string, limit: number, after?: string): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor = after;
  for (let i = 0; i < 20; i += 1) {
    const page = await pull(d, village, `&limit=${limit}${cursor ? `&after=${cursor}` : ''}`);
    pages.push(page);
    if (page.next === null) return pages;
    cursor = page.next;
  }
  throw new Error('the pull never ended');
}

describe('GET /api/sync/pull', () => {
  let households: string[];
  let residents: string[];

  it('sends the village in pages, in the order records changed, with milestones and visited households', async () => {
    const batch = [0, 1].flatMap((i) => {
      const household = items.household({ villageCode: VILLAGE, label: `Hộ ${i}` });
      return [household, items.resident({ householdId: household.data.id as string, fullName: `Người ${i}` })];
    });
    await device.pushOk(batch);
    households = [batch[0]!.data.id as string, batch[2]!.data.id as string];
    residents = [batch[1]!.data.id as string, batch[3]!.data.id as string];
    await device.pushOk([items.visit({ householdId: households[0]!, help: [{ residentId: residents[0], milestone: 'vneid_activated' }] })]);

    const pages = await pullAll(device, VILLAGE, 1);
    expect(pages.map((p) => p.households.length + p.residents.length)).toEqual([1, 1, 1, 1]);
    expect(pages.every((p) => !p.capped)).toBe(true);
    const all = { households: pages.flatMap((p) => p.households), residents: pages.flatMap((p) => p.residents) };
    // The visit put the first household and resident back at the end of the feed.
    expect(all.households.map((h) => h.label)).toEqual(['Hộ 1', 'Hộ 0']);
    expect(all.residents.map((r) => [r.fullName, r.milestones])).toEqual([['Người 1', []], ['Người 0', ['vneid_activated']]]);
    expect(pages.flatMap((p) => p.visitedHouseholds)).toEqual([households[0]]);
  });

  it('sends only what changed after the cursor', async () => {
    const upToDate = (await pullAll(device, VILLAGE, 1000)).at(-1)!;
    expect(upToDate.next).toBeNull();
    const cursor = await lastCursor(device, VILLAGE);
    expect(await pull(device, VILLAGE, `&after=${cursor}`)).toMatchObject({ households: [], residents: [], next: null, capped: false });

    await device.pushOk([items.resident({ id: residents[1], householdId: households[1]!, fullName: 'Người 1 (sửa)', baseRevision: 1 })]);
    await device.pushOk([items.visit({ householdId: households[1]! })]);
    const changes = await pullAll(device, VILLAGE, 1000, cursor);
    expect(changes.flatMap((p) => p.residents.map((r) => r.fullName))).toEqual(['Người 1 (sửa)']);
    expect(changes.flatMap((p) => p.households.map((h) => h.id))).toEqual([households[1]]);
    expect(changes.flatMap((p) => p.visitedHouseholds)).toEqual([households[1]]);
  });

  it('stops at the cap with a clear answer', async () => {
    const batch = [0, 1, 2].flatMap((i) => {
      const household = items.household({ villageCode: CROWDED, label: `Hộ đông ${i}` });
      return [household, items.resident({ householdId: household.data.id as string })];
    });
    expect(statuses(await crowdedDevice.pushOk(batch)).every((s) => s === 'applied')).toBe(true);

    const pages = await pullAll(crowdedDevice, CROWDED, 2);
    expect(pages.map((p) => p.households.length + p.residents.length)).toEqual([2, 2, 1]);
    const last = pages.at(-1)!;
    expect(last).toMatchObject({ capped: true, next: null });
    expect(last.message).toContain(String(CAP));
    expect(pages.slice(0, -1).every((p) => !p.capped && p.message === undefined)).toBe(true);

    const atOnce = await pull(crowdedDevice, CROWDED, '&limit=2000');
    expect(atOnce.households.length + atOnce.residents.length).toBe(CAP);
    expect(atOnce).toMatchObject({ capped: true, next: null });
  });

  it('checks its query and the scope', async () => {
    expect((await device.pull(VILLAGE, '&after=abc')).statusCode).toBe(400);
    expect((await device.pull(VILLAGE, '&limit=2001')).statusCode).toBe(400);
    expect((await device.pull(CROWDED)).statusCode).toBe(404);
    const officer = deviceOf(t.app, await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' }));
    expect((await officer.pull('66001')).json().error).toMatchObject({ code: 'UNIT_NOT_VILLAGE', field: 'village' });
    expect((await officer.pull(CROWDED)).statusCode).toBe(200);
  });
});

/** The cursor a device holds once it is up to date: the `cursor` of its last page. */
async function lastCursor(d: Device, village: string): Promise<string> {
  return (await pullAll(d, village, 1)).at(-1)!.cursor;
}
