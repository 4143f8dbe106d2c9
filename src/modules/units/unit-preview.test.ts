import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { foldName } from './unit-search.js';

let t: TestApp;
let province: TestUser;
let commune: TestUser;
const DAY = '2026-01-01';

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
  const team = await post(province, '/api/teams', { unitCode: '6600201', name: 'Tổ CNS thôn 1', establishedOn: '2025-08-01' });
  expect(team.statusCode).toBe(201);
  const member = await post(province, `/api/teams/${team.json().id}/members`, { fullName: 'Lê Văn Tổ', affiliation: 'youth_union', role: 'member', joinedOn: '2025-08-01' });
  expect(member.statusCode).toBe(201);
});
afterAll(() => t.close());

const get = (user: TestUser, url: string) => t.app.inject({ method: 'GET', url, headers: user.headers });
const post = (user: TestUser, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: user.headers, payload: payload as object });

describe('rehearsing a reorganisation', () => {
  it('shows what a merge would move and the merged unit, and writes nothing', async () => {
    const body = { sources: ['66001', '66002'], into: { code: '66001', name: 'Xã Hợp Nhất' }, effectiveDate: DAY };
    const response = await post(province, '/api/units/merge/preview', body);
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.effectiveDate).toBe(DAY);
    expect(preview.before).toEqual([
      expect.objectContaining({ code: '66001', name: 'Xã Số 1', children: 2, teams: 0 }),
      expect.objectContaining({ code: '66002', name: 'Xã Số 2', children: 2, teams: 1, teamMembers: 1, figures: expect.objectContaining({ visits: 0 }) }),
    ]);
    expect(preview.after).toEqual([expect.objectContaining({ code: '66001', name: 'Xã Hợp Nhất', validTo: null })]);

    // Nothing happened: the second commune is still in force with its villages, under its old name.
    expect((await get(province, `/api/units/66002?date=${DAY}`)).json()).toMatchObject({ validTo: null, name: 'Xã Số 2' });
    expect((await get(province, `/api/units/66001?date=${DAY}`)).json().name).toBe('Xã Số 1');
    expect((await get(province, `/api/units/66002/children?date=${DAY}`)).json().items).toHaveLength(2);
  });

  it('meets the refusal the operation itself would meet, with the field named', async () => {
    const mixed = await post(province, '/api/units/merge/preview', { sources: ['66001', '6600201'], into: { code: '66001' }, effectiveDate: DAY });
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json().error).toMatchObject({ code: 'UNIT_TIER_MISMATCH', field: 'sources', message: 'Các đơn vị phải cùng cấp: xã với xã, thôn với thôn' });
    const orphans = await post(province, '/api/units/66003/split/preview', {
      successors: [{ code: '66004', name: 'Xã Bốn', type: 'xã' }, { code: '66005', name: 'Xã Năm', type: 'xã' }],
      children: { 6600301: '66004' }, factsTo: '66004', effectiveDate: DAY,
    });
    expect(orphans.json().error).toMatchObject({ code: 'UNIT_CHILDREN_UNASSIGNED', field: 'children' });
    expect((await get(province, '/api/units/66004')).statusCode).toBe(404);
  });

  it('previews a split, a move and a rename', async () => {
    const split = (await post(province, '/api/units/66003/split/preview', {
      successors: [{ code: '66004', name: 'Xã Bốn', type: 'xã' }, { code: '66005', name: 'Xã Năm', type: 'xã' }],
      children: { 6600301: '66004', 6600302: '66005' }, factsTo: '66004', effectiveDate: DAY,
    })).json();
    expect(split.after.map((u: { code: string }) => u.code)).toEqual(['66004', '66005']);
    const move = (await post(province, '/api/units/6600101/move/preview', { parentCode: '66002', effectiveDate: DAY })).json();
    expect(move.before.map((u: { code: string }) => u.code)).toEqual(['6600101', '66002']);
    expect(move.after[0]).toMatchObject({ code: '6600101', parentCode: '66002' });
    const rename = (await post(province, '/api/units/66001/rename/preview', { name: 'Xã Mới', effectiveDate: DAY })).json();
    expect(rename.after[0].name).toBe('Xã Mới');
    expect((await get(province, `/api/units/6600101?date=${DAY}`)).json().parentCode).toBe('66001');
  });

  it('is for the province only', async () => {
    const response = await post(commune, '/api/units/66001/rename/preview', { name: 'Xã Mới', effectiveDate: DAY });
    expect(response.statusCode).toBe(403);
  });
});

describe('searching units', () => {
  it('finds units by name without accents or by code, within the scope', async () => {
    const found = (await get(province, `/api/units/66/search?q=${encodeURIComponent('xa so')}`)).json();
    expect(found.items.map((u: { code: string }) => u.code)).toEqual(['66001', '66002', '66003']);
    const villages = (await get(province, '/api/units/66/search?q=thon%202')).json();
    expect(villages.items).toEqual(expect.arrayContaining([expect.objectContaining({ code: '6600102', parentName: 'Xã Số 1' })]));
    expect((await get(province, '/api/units/66/search?q=660020')).json().items.map((u: { code: string }) => u.code)).toEqual(['6600201', '6600202']);
    // A commune officer searches their own commune only.
    expect((await get(commune, '/api/units/66001/search?q=thon')).json().items).toHaveLength(2);
    expect((await get(commune, '/api/units/66/search?q=thon')).statusCode).toBe(404);
    expect((await get(province, '/api/units/66/search?q=')).statusCode).toBe(400);
  });

  it('folds Vietnamese accents and đ', () => {
    expect(foldName('  Đắk  Lắk ')).toBe('dak lak');
    expect(foldName('Ea Súp')).toBe('ea sup');
  });
});
