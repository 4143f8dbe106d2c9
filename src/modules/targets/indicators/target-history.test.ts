import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.js';
import { createUserAndLogin, type TestUser } from '../../../testing/login.js';
import { startTestApp, type TestApp } from '../../../testing/test-app.js';
import { createSmallProvince } from '../../../testing/unit-fixtures.js';
import { DAKLAK_2025_PLAN } from './daklak-2025-plan.js';
import { installPlan } from './indicators.service.js';

let t: TestApp;
let province: TestUser;
let commune: TestUser;

async function seed(db: Database) {
  await createSmallProvince(db);
  await installPlan(db, DAKLAK_2025_PLAN, '66');
}

beforeAll(async () => {
  t = await startTestApp({ seed });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66', displayName: 'Cán bộ Sở' });
  commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
});
afterAll(() => t.close());

const call = (user: TestUser, method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: user.headers, payload });

describe('targets and what changed in them', () => {
  it('lists the targets of a unit and its communes, and each change with who made it', async () => {
    const target = { indicatorCode: 'digital_signatures', unitCode: '66001', targetValue: 500, deadline: '2026-12-31' };
    expect((await call(province, 'PUT', '/api/targets', target)).statusCode).toBe(200);
    expect((await call(province, 'PUT', '/api/targets', { ...target, targetValue: 650 })).statusCode).toBe(200);
    // The same target again is no change.
    await call(province, 'PUT', '/api/targets', { ...target, targetValue: 650 });

    const targets = (await call(province, 'GET', '/api/targets?unit=66')).json().items;
    expect(targets).toEqual(expect.arrayContaining([
      expect.objectContaining({ indicatorCode: 'digital_signatures', unitCode: '66001', targetValue: 650, deadline: '2026-12-31' }),
      expect.objectContaining({ unitCode: '66' }),
    ]));

    const changes = (await call(province, 'GET', '/api/targets/changes?unit=66')).json().items;
    expect(changes.slice(0, 2)).toEqual([
      expect.objectContaining({ unitCode: '66001', action: 'set', targetValue: 650, previousValue: 500, changedByName: 'Cán bộ Sở' }),
      expect.objectContaining({ unitCode: '66001', action: 'set', targetValue: 500, previousValue: null, previousDeadline: null }),
    ]);
    // The installed plan's targets are changes too, made by no one.
    expect(changes.filter((c: { unitCode: string }) => c.unitCode === '66').every((c: { changedByName: string | null }) => c.changedByName === null)).toBe(true);

    expect((await call(province, 'DELETE', '/api/targets?indicator=digital_signatures&unit=66001')).statusCode).toBe(204);
    const [removed] = (await call(province, 'GET', '/api/targets/changes?unit=66001')).json().items;
    expect(removed).toMatchObject({ action: 'remove', targetValue: null, previousValue: 650 });
  });

  it('keeps a commune officer to their commune and refuses them the edits', async () => {
    expect((await call(commune, 'GET', '/api/targets?unit=66001')).statusCode).toBe(200);
    expect((await call(commune, 'GET', '/api/targets?unit=66002')).statusCode).toBe(404);
    expect((await call(commune, 'GET', '/api/targets/changes?unit=66')).statusCode).toBe(404);
    expect((await call(commune, 'PUT', '/api/targets', { indicatorCode: 'digital_signatures', unitCode: '66001', targetValue: 1, deadline: '2026-12-31' })).statusCode).toBe(403);
  });

  it('names the field of a bad target', async () => {
    const negative = await call(province, 'PUT', '/api/targets', { indicatorCode: 'digital_signatures', unitCode: '66001', targetValue: -1, deadline: '2026-12-31' });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.field).toBe('targetValue');
    const badDay = await call(province, 'PUT', '/api/targets', { indicatorCode: 'digital_signatures', unitCode: '66001', targetValue: 1, deadline: '2026-02-30' });
    expect(badDay.json().error.field).toBe('deadline');
  });
});
