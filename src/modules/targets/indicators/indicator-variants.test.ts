import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.js';
import { createUserAndLogin, type TestUser } from '../../../testing/login.js';
import { startTestApp, type TestApp } from '../../../testing/test-app.js';
import { createSmallProvince, FIXTURE_START } from '../../../testing/unit-fixtures.js';
import { createUnit } from '../../units/units.service.js';
import { DAKLAK_2025_PLAN } from './daklak-2025-plan.js';
import { installPlan } from './indicators.service.js';

let t: TestApp;
let officer66: TestUser;
let officer67: TestUser;
let admin: TestUser;

async function seed(db: Database) {
  await createSmallProvince(db);
  await createUnit(db, { code: '67', name: 'Tỉnh Bên Cạnh', type: 'tỉnh', parentCode: null, validFrom: FIXTURE_START }, null);
  await createUnit(db, { code: '67001', name: 'Xã Bên Cạnh', type: 'xã', parentCode: '67', validFrom: FIXTURE_START }, null);
  await installPlan(db, DAKLAK_2025_PLAN, '66');
}

beforeAll(async () => {
  t = await startTestApp({ seed });
  officer66 = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  officer67 = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '67' });
  admin = await createUserAndLogin(t.app, { role: 'admin', scopeUnitCode: null });
});
afterAll(() => t.close());

const send = (user: TestUser, method: 'GET' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { ...user.headers, 'accept-language': 'en' }, payload });
const nameIn = async (user: TestUser, code: string) =>
  (await send(user, 'GET', '/api/indicators?all=true')).json().items.find((i: { code: string }) => i.code === code);

describe('indicators per province', () => {
  it('a province officer renames an indicator for their province alone', async () => {
    const shared = await nameIn(officer67, 'digital_signatures');
    const { code: _code, name: _name, explanation: _explanation, ...fields } = shared;
    const renamed = await send(officer66, 'PUT', '/api/indicators/digital_signatures', { ...fields, nameEn: 'Signatures (province 66)', nameVi: 'Chữ ký số (tỉnh 66)' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Signatures (province 66)' });

    expect((await nameIn(officer66, 'digital_signatures')).name).toBe('Signatures (province 66)');
    expect((await nameIn(officer67, 'digital_signatures')).name).toBe(shared.name);
    expect((await nameIn(admin, 'digital_signatures')).name).toBe(shared.name);
    const progress67 = (await send(officer67, 'GET', '/api/progress?unit=67&date=2025-09-01')).json();
    expect(progress67.indicators.find((i: { code: string }) => i.code === 'digital_signatures').name).toBe(shared.name);
    const progress66 = (await send(officer66, 'GET', '/api/progress?unit=66&date=2025-09-01')).json();
    expect(progress66.indicators.find((i: { code: string }) => i.code === 'digital_signatures').name).toBe('Signatures (province 66)');
  });

  it('leaves the shared definition, a formula or a new indicator, to an administrator', async () => {
    const shared = await nameIn(officer67, 'digital_signatures');
    const { code: _code, name: _name, explanation: _explanation, ...fields } = shared;
    const formula = await send(officer66, 'PUT', '/api/indicators/digital_signatures', { ...fields, numerator: { source: 'visits' } });
    expect(formula.statusCode).toBe(403);
    expect(formula.json().error).toMatchObject({ code: 'SHARED_DEFINITION_ADMIN_ONLY', field: 'numerator' });
    const created = await send(officer66, 'PUT', '/api/indicators/province_only', fields);
    expect(created.json().error).toMatchObject({ code: 'SHARED_DEFINITION_ADMIN_ONLY', field: 'code' });

    const byAdmin = await send(admin, 'PUT', '/api/indicators/digital_signatures', { ...fields, nameEn: 'Digital signatures via VNeID' });
    expect(byAdmin.statusCode).toBe(200);
    expect((await nameIn(officer67, 'digital_signatures')).name).toBe('Digital signatures via VNeID');
    // Province 66 keeps its own wording over the new shared name.
    expect((await nameIn(officer66, 'digital_signatures')).name).toBe('Signatures (province 66)');
  });
});
