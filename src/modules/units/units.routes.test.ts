import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';

let t: TestApp;
let province: TestUser;
let commune: TestUser;
let member: TestUser;

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
  member = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: '6600101' });
});
afterAll(() => t.close());

const get = (user: TestUser, url: string) => t.app.inject({ method: 'GET', url, headers: user.headers });
const post = (user: TestUser, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: user.headers, payload: payload as object });

describe('reading units in scope', () => {
  it('shows a unit and its children, paged', async () => {
    expect((await get(province, '/api/units/66')).json()).toMatchObject({ code: '66', tier: 'province', parentCode: null });
    const first = (await get(province, '/api/units/66/children?limit=2')).json();
    expect(first.items.map((u: { code: string }) => u.code)).toEqual(['66001', '66002']);
    const second = (await get(province, `/api/units/66/children?limit=2&after=${first.next}`)).json();
    expect(second).toEqual({ items: [expect.objectContaining({ code: '66003' })], next: null });
  });

  it('answers 404 for a unit outside the scope, exactly as for a missing one', async () => {
    const outside = await get(commune, '/api/units/66002');
    const missing = await get(commune, '/api/units/77777');
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('UNIT_NOT_FOUND');
    expect(missing.json().error.code).toBe('UNIT_NOT_FOUND');
    expect((await get(commune, '/api/units/66/children')).statusCode).toBe(404);
    expect((await get(member, '/api/units/6600102')).statusCode).toBe(404);
    expect((await get(member, '/api/units/6600101')).statusCode).toBe(200);
  });

  it('speaks Vietnamese by default and English on request', async () => {
    const vi = await t.app.inject({ method: 'GET', url: '/api/units/77777', headers: province.headers });
    const en = await t.app.inject({ method: 'GET', url: '/api/units/77777', headers: { ...province.headers, 'accept-language': 'en-US,en;q=0.9' } });
    expect(vi.json().error.message).toBe('Không tìm thấy đơn vị hành chính');
    expect(en.json().error.message).toBe('Administrative unit not found');
  });

  it('rejects a malformed date with the field named', async () => {
    const response = await get(province, '/api/units/66?date=2025-02-30');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'querystring.date' });
  });
});

describe('changing the tree', () => {
  it('lets only the province reorganise', async () => {
    const body = { name: 'Xã Mới', effectiveDate: '2025-08-01' };
    expect((await post(commune, '/api/units/66001/rename', body)).statusCode).toBe(403);
    const renamed = await post(province, '/api/units/66001/rename', body);
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('Xã Mới');
  });

  it('names the field of a bad operation', async () => {
    const cycle = await post(province, '/api/units/66002/move', { parentCode: '6600201', effectiveDate: '2025-08-01' });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().error).toMatchObject({ code: 'UNIT_MOVE_CYCLE', field: 'parentCode' });
    const missing = await post(province, '/api/units', { code: '66009', name: 'Xã Thiếu', parentCode: '66', validFrom: '2025-08-01' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('type');
    const taken = await post(province, '/api/units', { code: '66001', name: 'Trùng', type: 'xã', parentCode: '66', validFrom: '2025-08-01' });
    expect(taken.json().error).toMatchObject({ code: 'UNIT_CODE_TAKEN', field: 'code' });
  });

  it('imports villages from CSV for a commune officer, inside the commune only', async () => {
    const inject = (csv: string) => t.app.inject({
      method: 'POST', url: '/api/units/import/villages?validFrom=2025-08-01',
      headers: { ...commune.headers, 'content-type': 'text/csv' }, payload: csv,
    });
    const outside = await inject('commune_code,village_code,name,type\n66001,6600103,Thôn 3,thôn\n66002,6600203,Thôn 3,thôn\n');
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.rows).toEqual([expect.objectContaining({ row: 3, reason: 'OUT_OF_SCOPE', field: 'commune_code' })]);
    expect((await get(province, '/api/units/6600103')).statusCode).toBe(404);
    const inside = await inject('commune_code,village_code,name,type\n66001,6600103,Thôn 3,thôn\n');
    expect(inside.json()).toEqual({ created: 1, renamed: 0, unchanged: 0 });
  });

  it('lets only the province set statistics, storing who set them and auditing it', async () => {
    const inject = (user: TestUser, csv: string) => t.app.inject({
      method: 'POST', url: '/api/units/import/statistics', headers: { ...user.headers, 'content-type': 'text/csv' }, payload: csv,
    });
    const before = (await get(province, '/api/units/66001/statistics?date=2025-09-01')).json().statistics.adults;
    const own = await inject(commune, 'unit_code,as_of,adults\n66001,2025-08-01,1\n');
    expect(own.statusCode).toBe(403);
    expect(own.json().error).toMatchObject({ code: 'STATISTICS_BY_PROVINCE', field: 'file' });
    expect((await get(province, '/api/units/66001/statistics?date=2025-09-01')).json().statistics.adults).toBe(before);

    const set = await inject(province, 'unit_code,as_of,adults\n66001,2025-08-01,900\n');
    expect(set.json()).toEqual({ values: 1 });
    expect((await get(province, '/api/units/66001/statistics?date=2025-09-01')).json().statistics.adults).toBe(900);
    const stored = await t.db.selectFrom('unit_statistics').select('recorded_by')
      .where('unit_code', '=', '66001').where('kind', '=', 'adults').where('as_of', '=', '2025-08-01').executeTakeFirstOrThrow();
    expect(stored.recorded_by).toBe(province.id);
    const audit = (await get(province, '/api/audit?limit=50')).json().items;
    expect(audit).toContainEqual(expect.objectContaining({ action: 'units.statistics.import', actorUserId: province.id, subject: '66001', detail: { values: 1, units: 1 } }));
  });
});
