import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { deviceOf, items, statuses } from '../../testing/sync-fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince, FIXTURE_START } from '../../testing/unit-fixtures.js';
import { createUnit } from '../units/units.service.js';

let t: TestApp;
let officer66: TestUser;
let officer67: TestUser;
let member66: TestUser;
let member67: TestUser;
let admin: TestUser;

async function seed(db: Database) {
  await createSmallProvince(db);
  await createUnit(db, { code: '67', name: 'Tỉnh Bên', type: 'tỉnh', parentCode: null, validFrom: FIXTURE_START }, null);
  await createUnit(db, { code: '67001', name: 'Xã Bên', type: 'xã', parentCode: '67', validFrom: FIXTURE_START }, null);
  await createUnit(db, { code: '6700101', name: 'Thôn Bên', type: 'thôn', parentCode: '67001', validFrom: FIXTURE_START }, null);
}

beforeAll(async () => {
  t = await startTestApp({ seed });
  officer66 = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  officer67 = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '67' });
  member66 = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: '6600101' });
  member67 = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: '6700101' });
  admin = await createUserAndLogin(t.app, { role: 'admin', scopeUnitCode: null });
});
afterAll(() => t.close());

const post = (user: TestUser, payload: object) => t.app.inject({ method: 'POST', url: '/api/milestone-kinds', headers: user.headers, payload });
const codes = async (user: TestUser) => (await t.app.inject({ url: '/api/milestone-kinds', headers: user.headers })).json().items.map((k: { code: string }) => k.code);

describe("a province's own milestone kind", () => {
  const ocop = { code: 'ocop_shop_online', nameVi: 'Bán sản phẩm OCOP trên sàn', nameEn: 'Sells OCOP products online' };

  it('is added by a province officer, belongs to that province, and is audited', async () => {
    const created = await post(officer66, ocop);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: 'ocop_shop_online', provinceCode: '66' });
    const entry = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'milestone_kind.create').where('actor_user_id', '=', officer66.id).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ unit_code: '66', subject: 'ocop_shop_online' });
    const row = await t.db.selectFrom('milestone_kinds').selectAll().where('code', '=', 'ocop_shop_online').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ province_code: '66', created_by: officer66.id });
  });

  it('is seen in its province only; shared kinds are seen everywhere', async () => {
    expect(await codes(member66)).toContain('ocop_shop_online');
    expect(await codes(officer66)).toContain('ocop_shop_online');
    expect(await codes(member67)).not.toContain('ocop_shop_online');
    expect(await codes(officer67)).not.toContain('ocop_shop_online');
    expect(await codes(member67)).toContain('vneid_activated');
    expect(await codes(admin)).toContain('ocop_shop_online');
  });

  it('is recorded by field teams of its province, and refused in another, naming the field', async () => {
    const in66 = deviceOf(t.app, member66);
    const household = items.household({ villageCode: '6600101' });
    const resident = items.resident({ householdId: household.data.id as string });
    const visit = items.visit({ householdId: household.data.id as string, help: [{ residentId: resident.data.id, milestone: 'ocop_shop_online' }] });
    expect(statuses(await in66.pushOk([household, resident, visit]))).toEqual(['applied', 'applied', 'applied']);

    const in67 = deviceOf(t.app, member67);
    const household67 = items.household({ villageCode: '6700101' });
    const resident67 = items.resident({ householdId: household67.data.id as string });
    const visit67 = items.visit({ householdId: household67.data.id as string, help: [{ residentId: resident67.data.id, milestone: 'ocop_shop_online' }] });
    const milestone67 = items.milestone({ residentId: resident67.data.id as string, kind: 'ocop_shop_online', achievedOn: '2025-08-01' });
    const answer = await in67.pushOk([household67, resident67, visit67, milestone67]);
    expect(statuses(answer)).toEqual(['applied', 'applied', 'rejected', 'rejected']);
    expect(answer.results[2]!.error).toMatchObject({ code: 'MILESTONE_KIND_UNKNOWN', field: 'items[2].data.help[0].milestone' });
    expect(answer.results[3]!.error).toMatchObject({ code: 'MILESTONE_KIND_UNKNOWN', field: 'items[3].data.kind' });
  });

  it("takes no code another kind has, and the other province's officer adds their own", async () => {
    expect((await post(officer67, ocop)).json().error).toMatchObject({ code: 'MILESTONE_KIND_TAKEN', field: 'code' });
    const own = await post(officer67, { ...ocop, code: 'coffee_traceability' });
    expect(own.json()).toMatchObject({ code: 'coffee_traceability', provinceCode: '67' });
    expect(await codes(member66)).not.toContain('coffee_traceability');
  });

  it('stays shared when the administrator adds it', async () => {
    const shared = await post(admin, { ...ocop, code: 'qr_payment_set_up' });
    expect(shared.json()).toMatchObject({ provinceCode: null });
    expect(await codes(member66)).toContain('qr_payment_set_up');
    expect(await codes(member67)).toContain('qr_payment_set_up');
  });
});
