import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { deviceOf, items, statuses, type Device, type SyncItem, type SyncResultBody } from '../../testing/sync-fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';

let t: TestApp;
let member: TestUser;
let device: Device;
let householdId: string;
let residentId: string;

const VILLAGE = '6600101';

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  member = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: VILLAGE });
  device = deviceOf(t.app, member);
  const household = items.household({ villageCode: VILLAGE });
  householdId = household.data.id as string;
  const resident = items.resident({ householdId });
  residentId = resident.data.id as string;
  expect(statuses(await device.pushOk([household, resident]))).toEqual(['applied', 'applied']);
});
afterAll(() => t.close());

async function count(table: 'visits' | 'households' | 'residents' | 'milestones'): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db);
  return Number(row.rows[0]!.n);
}

// Strings PostgreSQL cannot store in text or jsonb: NUL, and halves of a surrogate pair alone.
const POISONS = { nul: 'x\u0000', high: '\ud800', low: 'a\udc00b' };

describe('a sync item holding a string the database cannot store', () => {
  for (const [name, poison] of Object.entries(POISONS)) {
    it(`rejects that item alone with its field (${name}), the rest applies, and a resend answers the same`, async () => {
      const good = items.visit({ householdId, notes: 'ghé thăm' });
      const bad = items.visit({ householdId, notes: poison });
      const visitsBefore = await count('visits');
      const first = await device.push([good, bad]);
      expect(first.statusCode, first.body).toBe(200);
      const body = first.json<SyncResultBody>();
      expect(statuses(body)).toEqual(['applied', 'rejected']);
      expect(body.results[1]!.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'items[1].data.notes' });
      expect(await count('visits')).toBe(visitsBefore + 1);

      const again = await device.pushOk([good, bad]);
      expect(again.results.map((r) => [r.status, r.error?.field])).toEqual([['duplicate', undefined], ['rejected', 'items[1].data.notes']]);
      expect(await count('visits')).toBe(visitsBefore + 1);
    });
  }

  it('names the field in every text field of every item kind', async () => {
    const household = items.household({ villageCode: VILLAGE });
    const newHousehold = household.data.id as string;
    const batch: [SyncItem, string][] = [
      [items.household({ villageCode: VILLAGE, label: '\ud800' }), 'label'],
      [items.household({ villageCode: VILLAGE, address: 'a\u0000' }), 'address'],
      [items.household({ villageCode: VILLAGE, headName: '\udfff' }), 'headName'],
      [items.household({ villageCode: VILLAGE, note: 'n\u0000' }), 'note'],
      [items.resident({ householdId, fullName: 'H\u0000' }), 'fullName'],
      [items.resident({ householdId, ethnicity: '\ud83d' }), 'ethnicity'],
      [items.resident({ householdId, language: '\u0000' }), 'language'],
      [items.milestone({ residentId, kind: 'vneid_activated', achievedOn: '2025-08-01', source: 's\u0000' }), 'source'],
      [items.milestone({ residentId, kind: 'vneid\u0000', achievedOn: '2025-08-01' }), 'kind'],
      [items.visit({ householdId, skillsTaught: ['online_payment', '\ud800'] }), 'skillsTaught[1]'],
      [items.visit({ householdId, help: [{ residentId, milestone: 'x\u0000' }] }), 'help[0].milestone'],
      [household, ''],
      [items.visit({ householdId: newHousehold, notes: 'emoji 🙂 kept' }), ''],
    ];
    const before = { households: await count('households'), residents: await count('residents'), milestones: await count('milestones') };
    const body = await device.pushOk(batch.map(([item]) => item));
    expect(body.results.map((r) => [r.status, r.error?.field])).toEqual(batch.map(([, field], i) =>
      field === '' ? ['applied', undefined] : ['rejected', `items[${i}].data.${field}`]));
    expect(await count('households')).toBe(before.households + 1);
    expect(await count('residents')).toBe(before.residents);
    expect(await count('milestones')).toBe(before.milestones);
  });

  it('rejects a poisoned property name too, without a 500', async () => {
    const bad = items.visit({ householdId });
    bad.data['n\u0000'] = 'x';
    const body = await device.pushOk([bad]);
    expect(body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('a batch large enough to be read in pieces (over 128 KB)', () => {
  // Notes near their longest (2,000 characters) make a batch of a hundred visits large.
  const LONG = 'ghi chú dài, "có ngoặc" [và] {dấu}, '.repeat(50);
  const batchOf = (n: number, poisonAt: number) =>
    Array.from({ length: n }, (_, i) => items.visit({ householdId, notes: i === poisonAt ? `${LONG}\u0000` : LONG }));

  it('applies as a small one does, and still rejects the item holding an unstorable string alone', async () => {
    const batch = batchOf(100, 40);
    expect(JSON.stringify({ deviceId: device.deviceId, items: batch }).length).toBeGreaterThan(128 * 1024);
    const response = await device.push(batch);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<SyncResultBody>();
    expect(statuses(body).filter((status) => status === 'applied')).toHaveLength(99);
    expect(body.results[40]).toMatchObject({ status: 'rejected', error: { code: 'VALIDATION_FAILED', field: 'items[40].data.notes' } });
  });

  it('with nothing unstorable in its text, still checks each item against its schema', async () => {
    const batch = batchOf(100, -1);
    batch[10]!.data.outcome = 'lost';
    batch[20]!.data.notes = 12_345;
    batch[30]!.data.visitedAt = '2025-02-29T08:00:00Z';
    const response = await device.push(batch);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<SyncResultBody>();
    expect(statuses(body).filter((status) => status === 'applied')).toHaveLength(97);
    expect([10, 20, 30].map((i) => body.results[i]!.error?.field)).toEqual(['items[10].data.outcome', 'items[20].data.notes', 'items[30].data.visitedAt']);
  });

  it('answers a broken or poisoned one with the error a small one gets, naming the body', async () => {
    const text = JSON.stringify({ deviceId: device.deviceId, items: batchOf(100, -1) });
    const broken = [text.replace('"items":[', '"items":[,'), text.slice(0, -2), text.replace('"items":[{', '"items":[{"__proto__":{"x":1},')];
    for (const payload of [...broken, '{"deviceId":"x","items":[1,]}', '']) {
      const response = await t.app.inject({ method: 'POST', url: '/api/sync', headers: { ...member.headers, 'content-type': 'application/json' }, payload });
      expect(response.statusCode, payload.slice(0, 40)).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'BAD_REQUEST', field: 'body' } });
    }
  });
});

describe('a batch from the system administrator, whose account has no unit', () => {
  it('is refused whole, naming why, and keeps no receipt of its items', async () => {
    const admin = await createUserAndLogin(t.app, { role: 'admin', scopeUnitCode: null });
    const adminDevice = deviceOf(t.app, admin);
    const household = items.household({ villageCode: VILLAGE });
    const receiptsBefore = await sql<{ n: number }>`select count(*)::int as n from sync_items`.execute(t.db);
    const householdsBefore = await count('households');
    const response = await adminDevice.push([items.visit({ householdId }), household]);
    expect(response.statusCode, response.body).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN', field: 'deviceId' } });
    const receiptsAfter = await sql<{ n: number }>`select count(*)::int as n from sync_items`.execute(t.db);
    expect(receiptsAfter.rows[0]!.n).toBe(receiptsBefore.rows[0]!.n);
    expect(await count('households')).toBe(householdsBefore);
  });
});
