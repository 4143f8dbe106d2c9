import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { between, pick, seededRandom } from '../../lib/seeded-random.js';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { deviceOf, items, statuses, type Device, type SyncItem } from '../../testing/sync-fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { recountRollups } from '../../rollup-sources.js';
import { snapshotRollups } from '../rollups/rollups.service.js';

let t: TestApp;
let member: TestUser;
let officer: TestUser;
let phone: Device;
let office: Device;

const A = '6600101';
const B = '6600102';

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  member = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: A });
  officer = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
  phone = deviceOf(t.app, member);
  office = deviceOf(t.app, officer);
});
afterAll(() => t.close());

interface PulledResident { id: string; fullName: string; revision: number; status: string; mergedInto: string | null; milestones: string[]; householdId: string }

async function pulled(device: Device, village: string): Promise<{ residents: PulledResident[]; households: { id: string; status: string; revision: number }[] }> {
  const response = await device.pull(village, '&limit=2000');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const residentOf = async (device: Device, village: string, id: string) => (await pulled(device, village)).residents.find((r) => r.id === id)!;

/** A household with residents, written through the sync like the field app does. */
async function household(device: Device, village: string, people: { fullName: string; nationalId?: string }[], at = '2025-08-01T08:00:00+07:00') {
  const h = items.household({ villageCode: village }, at);
  const residents = people.map((p) => items.resident({ householdId: h.data.id as string, ...p }, at));
  expect(statuses(await device.pushOk([h, ...residents])).every((s) => s === 'applied')).toBe(true);
  return { id: h.data.id as string, residents: residents.map((r) => r.data as { id: string; householdId: string; fullName: string }) };
}

const edit = (resident: { id: string; householdId: string; fullName: string }, changes: Record<string, unknown>, recordedAt = new Date().toISOString()): SyncItem =>
  items.resident({ id: resident.id, householdId: resident.householdId, fullName: resident.fullName, groups: ['adult'], ...changes }, recordedAt);

const coverage = async (unit: string, date = '2030-01-01') => (await t.app.inject({ method: 'GET', url: `/api/coverage?unit=${unit}&date=${date}`, headers: officer.headers })).json();

async function expectRebuildEqual(): Promise<void> {
  const incremental = await snapshotRollups(t.db);
  await t.db.transaction().execute((trx) => recountRollups(trx));
  expect(await snapshotRollups(t.db)).toEqual(incremental);
}

describe('correcting records through the sync', () => {
  it('applies an offline name correction with the revision the device saw', async () => {
    const h = await household(phone, A, [{ fullName: 'Nguyen Van Binh' }]);
    const before = await residentOf(phone, A, h.residents[0]!.id);
    expect(statuses(await phone.pushOk([edit(h.residents[0]!, { fullName: 'Nguyễn Văn Bình', baseRevision: before.revision })]))).toEqual(['applied']);
    const after = await residentOf(phone, A, h.residents[0]!.id);
    expect(after).toMatchObject({ fullName: 'Nguyễn Văn Bình', revision: before.revision + 1, status: 'active' });
  });

  it('refuses, item by item, an edit of a resident or household the server never had', async () => {
    const h = await household(phone, A, [{ fullName: 'Y Kông' }]);
    const ghost = { id: '01900000-0000-7000-8000-000000000001', householdId: h.id, fullName: 'Nobody' };
    const body = await phone.pushOk([
      edit(ghost, { baseRevision: 3 }),
      edit({ ...ghost, id: '01900000-0000-7000-8000-000000000002' }, { status: 'moved_away' }),
      items.household({ id: '01900000-0000-7000-8000-000000000003', villageCode: A, baseRevision: 1 }),
      edit(h.residents[0]!, { fullName: 'Y Kông Niê', baseRevision: 1 }),
    ]);
    expect(statuses(body)).toEqual(['rejected', 'rejected', 'rejected', 'applied']);
    expect(body.results[0]!.error).toMatchObject({ code: 'RESIDENT_NOT_FOUND', field: 'items[0].data.id' });
    expect(body.results[2]!.error).toMatchObject({ code: 'HOUSEHOLD_NOT_FOUND', field: 'items[2].data.id' });
    expect((await pulled(phone, A)).residents.some((r) => r.id === ghost.id)).toBe(false);
  });

  it('counts a resident moved away until the day of the mark, and again if they come back', async () => {
    const h = await household(phone, A, [{ fullName: 'H Mai Êban' }]);
    const base = await coverage(A);
    const marked = edit(h.residents[0]!, { status: 'moved_away' }, '2026-02-10T09:00:00+07:00');
    expect(statuses(await phone.pushOk([marked]))).toEqual(['applied']);
    expect((await coverage(A)).residents).toBe(base.residents - 1);
    expect((await coverage(A, '2026-02-09')).residents).toBe(base.residents);
    expect((await residentOf(phone, A, h.residents[0]!.id)).status).toBe('moved_away');
    await expectRebuildEqual();
    expect(statuses(await phone.pushOk([edit(h.residents[0]!, { status: 'active' }, '2026-03-01T09:00:00+07:00')]))).toEqual(['applied']);
    expect((await coverage(A)).residents).toBe(base.residents);
    await expectRebuildEqual();
  });

  it('counts a household marked gone until that day', async () => {
    const h = await household(phone, A, []);
    const base = await coverage(A);
    expect(statuses(await phone.pushOk([items.household({ id: h.id, villageCode: A, status: 'gone' })]))).toEqual(['applied']);
    expect((await coverage(A)).households).toBe(base.households - 1);
    expect((await pulled(phone, A)).households.find((x) => x.id === h.id)!.status).toBe('gone');
    await expectRebuildEqual();
  });

  it('merges the same person entered twice: milestones and visits move, counts do not double, the other stays a pointer', async () => {
    const h = await household(phone, A, [{ fullName: 'Đặng Thị Hoa' }, { fullName: 'Dang Thi Hoa', nationalId: '066123456789' }]);
    const [kept, twin] = h.residents as [typeof h.residents[0], typeof h.residents[0]];
    const visit = items.visit({
      householdId: h.id, visitedAt: '2025-08-05T09:00:00+07:00', peoplePresent: [kept.id, twin.id],
      help: [{ residentId: kept.id, milestone: 'vneid_activated' }, { residentId: twin.id, milestone: 'vneid_activated' }, { residentId: twin.id, milestone: 'provincial_app' }],
    });
    expect(statuses(await phone.pushOk([visit]))).toEqual(['applied']);
    const before = await coverage(A);

    expect(statuses(await phone.pushOk([edit(twin, { sameAs: kept.id })]))).toEqual(['applied']);
    const after = await coverage(A);
    expect(after.residents).toBe(before.residents - 1);
    // Both held VNeID: one person now, counted once.
    expect(after.milestones.vneid_activated).toBe(before.milestones.vneid_activated - 1);
    expect(after.milestones.provincial_app).toBe(before.milestones.provincial_app);
    const keptNow = await residentOf(phone, A, kept.id);
    expect(keptNow.milestones).toEqual(['provincial_app', 'vneid_activated']);
    expect(await residentOf(phone, A, twin.id)).toMatchObject({ status: 'merged', mergedInto: kept.id, milestones: [] });
    // The ID number moved to the record kept: a new record with it is the same person as the kept one.
    const again = await phone.pushOk([items.resident({ householdId: h.id, nationalId: '066123456789' })]);
    expect(again.results[0]!.error?.code).toBe('RESIDENT_DUPLICATE');
    const present = await t.db.selectFrom('visits').select('people_present').where('id', '=', visit.id).executeTakeFirstOrThrow();
    expect(present.people_present).toEqual([kept.id, kept.id]);
    await expectRebuildEqual();

    expect((await phone.pushOk([edit(twin, { sameAs: kept.id })])).results[0]!.error).toMatchObject({ code: 'RESIDENT_MERGE_REFUSED', field: 'items[0].data.sameAs' });
  });

  it('refuses to merge two records with different ID numbers, saying why', async () => {
    const h = await household(phone, A, [{ fullName: 'Lê Duẩn', nationalId: '066000000001' }, { fullName: 'Le Duan', nationalId: '066000000002' }]);
    const body = await phone.pushOk([edit(h.residents[1]!, { sameAs: h.residents[0]!.id })]);
    expect(body.results[0]!.error).toMatchObject({ code: 'RESIDENT_MERGE_ID_MISMATCH', field: 'items[0].data.sameAs' });
    expect(body.results[0]!.error!.message).toMatch(/số định danh cá nhân khác nhau/);
    expect((await residentOf(phone, A, h.residents[1]!.id)).status).toBe('active');
  });

  it('lets only the officer above mark people of two villages as the same person', async () => {
    const inA = await household(office, A, [{ fullName: 'Ksor Y Bih' }]);
    const inB = await household(office, B, [{ fullName: 'Ksor Y Bih' }]);
    const moved = edit(inA.residents[0]!, { sameAs: inB.residents[0]!.id });
    const refused = await phone.pushOk([moved]);
    expect(refused.results[0]!.error).toMatchObject({ field: 'items[0].data.sameAs' });
    expect(['RESIDENT_NOT_FOUND', 'RESIDENT_MERGE_ACROSS_VILLAGES']).toContain(refused.results[0]!.error!.code);
    // A leader of a commune-wide team sees both villages, and still may not.
    const communeTeam = deviceOf(t.app, await createUserAndLogin(t.app, { role: 'team_leader', scopeUnitCode: '66001' }));
    expect((await communeTeam.pushOk([edit(inA.residents[0]!, { sameAs: inB.residents[0]!.id })])).results[0]!.error)
      .toMatchObject({ code: 'RESIDENT_MERGE_ACROSS_VILLAGES', field: 'items[0].data.sameAs' });
    expect(statuses(await office.pushOk([edit(inA.residents[0]!, { sameAs: inB.residents[0]!.id })]))).toEqual(['applied']);
    await expectRebuildEqual();
  });

  it('keeps the rollups equal to a rebuild through any sequence of edits, merges and moves', async () => {
    const random = seededRandom(1212);
    const people: { id: string; householdId: string; fullName: string; village: string }[] = [];
    for (let i = 0; i < 12; i += 1) {
      const village = pick(random, [A, B]);
      const h = await household(office, village, [{ fullName: `Người ${i}a` }, { fullName: `Người ${i}b` }], `2025-08-${String(between(random, 1, 9)).padStart(2, '0')}T08:00:00+07:00`);
      for (const r of h.residents) people.push({ ...r, village });
    }
    const kinds = ['vneid_activated', 'provincial_app', 'cashless_payment'];
    for (let round = 0; round < 8; round += 1) {
      const batch: SyncItem[] = [];
      for (let n = between(random, 2, 8); n > 0; n -= 1) {
        const who = pick(random, people);
        const day = `2025-09-${String(between(random, 1, 28)).padStart(2, '0')}T10:00:00+07:00`;
        const roll = random();
        if (roll < 0.3) batch.push(items.milestone({ residentId: who.id, kind: pick(random, kinds), achievedOn: day.slice(0, 10) }));
        else if (roll < 0.5) batch.push(edit(who, { fullName: `${who.fullName}.` }, day));
        else if (roll < 0.7) batch.push(edit(who, { status: pick(random, ['moved_away', 'deceased', 'active']) }, day));
        else batch.push(edit(who, { sameAs: pick(random, people).id }, day));
      }
      const body = await office.pushOk(batch);
      // Merges of merged records, or into themselves, are refused; everything else applies.
      for (const result of body.results) if (result.status === 'rejected') expect(result.error!.code).toBe('RESIDENT_MERGE_REFUSED');
      await expectRebuildEqual();
    }
  }, 120_000);
});
