import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { deviceOf, items, statuses, type Device } from '../../testing/sync-fixtures.js';
import { startTestApp, TEST_SECRET_KEY, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince, FIXTURE_START } from '../../testing/unit-fixtures.js';
import { createUnit } from '../units/units.service.js';
import { hashNationalId } from './national-id.js';

let t: TestApp;
let province: TestUser;
let commune: TestUser;
let member: TestUser;
let device: Device;

/** The small province, and a second province with one village: national IDs are unique per province. */
async function seed(db: Database) {
  await createSmallProvince(db);
  await createUnit(db, { code: '77', name: 'Tỉnh Khác', type: 'tỉnh', parentCode: null, validFrom: FIXTURE_START }, null);
  await createUnit(db, { code: '77001', name: 'Xã Khác', type: 'xã', parentCode: '77', validFrom: FIXTURE_START }, null);
  await createUnit(db, { code: '7700101', name: 'Thôn Khác', type: 'thôn', parentCode: '77001', validFrom: FIXTURE_START }, null);
}

beforeAll(async () => {
  t = await startTestApp({ seed });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
  member = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: '6600101' });
  device = deviceOf(t.app, commune);
});
afterAll(() => t.close());

const get = (user: TestUser, url: string, lang?: string) =>
  t.app.inject({ method: 'GET', url, headers: { ...user.headers, ...(lang ? { 'accept-language': lang } : {}) } });

describe('reference lists', () => {
  it('lists the eight default milestone kinds in order, named in the asked language', async () => {
    const vi = (await get(member, '/api/milestone-kinds')).json().items;
    expect(vi.map((k: { code: string }) => k.code)).toEqual([
      'vneid_activated', 'vneid_level2', 'provincial_app', 'digital_signature',
      'learning_platform', 'skills_confirmed', 'public_service_used', 'cashless_payment',
    ]);
    expect(vi[0]).toEqual({ code: 'vneid_activated', name: 'Kích hoạt tài khoản VNeID', sort: 10, provinceCode: null });
    expect((await get(member, '/api/milestone-kinds', 'en')).json().items[0].name).toBe('VNeID account activated');
  });

  it('lists the five basic digital skills', async () => {
    const skills = (await get(member, '/api/skills', 'en')).json().items;
    expect(skills.map((s: { code: string }) => s.code)).toEqual(['public_services', 'online_shopping', 'online_payment', 'online_safety', 'local_platforms']);
    expect(skills[3].name).toBe('Protecting oneself online');
  });

  it('lets an administrator add a shared milestone kind that visits can then record', async () => {
    const body = { code: 'smartphone_owned', nameVi: 'Có điện thoại thông minh', nameEn: 'Owns a smartphone' };
    const post = (user: TestUser, payload: unknown) => t.app.inject({ method: 'POST', url: '/api/milestone-kinds', headers: user.headers, payload: payload as object });
    const admin = await createUserAndLogin(t.app, { role: 'admin', scopeUnitCode: null });
    expect((await post(commune, body)).statusCode).toBe(403);
    const created = await post(admin, body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ code: 'smartphone_owned', name: 'Có điện thoại thông minh', sort: 90, provinceCode: null });
    expect((await post(admin, body)).json().error).toMatchObject({ code: 'MILESTONE_KIND_TAKEN', field: 'code' });
    // A province officer cannot take a shared code for their province's own kind either.
    expect((await post(province, body)).json().error).toMatchObject({ code: 'MILESTONE_KIND_TAKEN', field: 'code' });
    expect((await post(admin, { ...body, code: 'Bad Code' })).statusCode).toBe(400);
    expect((await get(member, '/api/milestone-kinds')).json().items.at(-1).code).toBe('smartphone_owned');

    const household = items.household({ villageCode: '6600101' });
    const resident = items.resident({ householdId: household.data.id as string });
    const visit = items.visit({ householdId: household.data.id as string, help: [{ residentId: resident.data.id, milestone: 'smartphone_owned' }] });
    expect(statuses(await device.pushOk([household, resident, visit]))).toEqual(['applied', 'applied', 'applied']);
  });
});

describe('national ID numbers', () => {
  const NUMBER = '066195001234';

  it('keeps only a keyed hash and the last 4 digits', async () => {
    const household = items.household({ villageCode: '6600101' });
    const resident = items.resident({ householdId: household.data.id as string, nationalId: NUMBER, fullName: 'Y Moan Êban' });
    expect(statuses(await device.pushOk([household, resident]))).toEqual(['applied', 'applied']);
    const row = await t.db.selectFrom('residents').selectAll().where('id', '=', resident.data.id as string).executeTakeFirstOrThrow();
    expect(row.national_id_last4).toBe('1234');
    expect(row.national_id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.national_id_hash).toBe(hashNationalId(TEST_SECRET_KEY, NUMBER).hash);
    // Nowhere in the database: not in the residents, the ledger, the conflicts or the audit log.
    const dump = await sql<{ t: string }>`
      select concat((select json_agg(r)::text from residents r), (select json_agg(s)::text from sync_items s),
                    (select json_agg(c)::text from sync_conflicts c), (select json_agg(a)::text from audit_events a)) as t`.execute(t.db);
    expect(dump.rows[0]!.t).not.toContain(NUMBER);
    expect(dump.rows[0]!.t).toContain('Y Moan Êban');
    const pulled = (await deviceOf(t.app, member).pull('6600101', '&limit=2000')).json();
    expect(pulled.residents.find((r: { id: string }) => r.id === resident.data.id)).toMatchObject({ nationalIdLast4: '1234' });
    expect(JSON.stringify(pulled)).not.toContain(NUMBER);
  });

  it('treats the same number in the same province as the same person, and names the existing record', async () => {
    const [existing] = await t.db.selectFrom('residents').select('id').where('national_id_last4', '=', '1234').execute();
    const household = items.household({ villageCode: '6600102' });
    const twin = items.resident({ householdId: household.data.id as string, nationalId: NUMBER });
    const body = await device.pushOk([household, twin]);
    expect(statuses(body)).toEqual(['applied', 'rejected']);
    expect(body.results[1]!.error).toEqual({ code: 'RESIDENT_DUPLICATE', message: existing!.id, field: 'items[1].data.nationalId' });

    const elsewhere = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: '7700101' });
    const otherHousehold = items.household({ villageCode: '7700101' });
    const otherProvince = items.resident({ householdId: otherHousehold.data.id as string, nationalId: NUMBER });
    expect(statuses(await deviceOf(t.app, elsewhere).pushOk([otherHousehold, otherProvince]))).toEqual(['applied', 'applied']);
  });

  it('lets a resident keep, change or clear their own number', async () => {
    const household = items.household({ villageCode: '6600101' });
    const householdId = household.data.id as string;
    const resident = items.resident({ householdId, nationalId: '066195009999', ethnicity: 'Ê Đê', language: 'Ê Đê' });
    const id = resident.data.id as string;
    await device.pushOk([household, resident]);
    const same = items.resident({ id, householdId, nationalId: '066195009999', fullName: 'Tên mới', baseRevision: 1 });
    const cleared = items.resident({ id, householdId, nationalId: null, ethnicity: null, baseRevision: 2 });
    expect(statuses(await device.pushOk([same, cleared]))).toEqual(['applied', 'applied']);
    const row = await t.db.selectFrom('residents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    // Absent fields keep their value, null clears it.
    expect(row).toMatchObject({ full_name: 'H Lan Niê', national_id_hash: null, national_id_last4: null, ethnicity: null, language: 'Ê Đê', revision: 3 });
  });

  it('hashes with the key: another key gives another hash', () => {
    expect(hashNationalId(TEST_SECRET_KEY, NUMBER)).toEqual(hashNationalId(TEST_SECRET_KEY, ` ${NUMBER} `));
    expect(hashNationalId('another-secret-key-of-enough-length!!', NUMBER).hash).not.toBe(hashNationalId(TEST_SECRET_KEY, NUMBER).hash);
  });
});
