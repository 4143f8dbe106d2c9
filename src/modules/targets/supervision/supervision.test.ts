import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../../testing/login.js';
import { startTestApp, type TestApp } from '../../../testing/test-app.js';
import { createSmallProvince } from '../../../testing/unit-fixtures.js';
import { upsertIndicator } from '../indicators/indicators.queries.js';
import { countedReportedValues } from '../reported/reported-values.queries.js';

let t: TestApp;
let province: TestUser;
let commune: TestUser;
let otherCommune: TestUser;
let leader: TestUser;

beforeAll(async () => {
  t = await startTestApp({
    seed: async (db) => {
      await createSmallProvince(db);
      const base = { explanation_vi: '', explanation_en: '', sort: 1, active: true };
      await upsertIndicator(db, {
        ...base, code: 'cadres_trained', name_vi: 'CBCCVC được tập huấn', name_en: 'Cadres trained', unit_label: '%', percent: true,
        numerator: JSON.stringify({ source: 'reported', over: 'latest' }), denominator: JSON.stringify({ source: 'statistic', kind: 'cadres' }),
      });
      await upsertIndicator(db, {
        ...base, code: 'visits', name_vi: 'Lượt hướng dẫn', name_en: 'Visits', unit_label: 'lượt', percent: false,
        numerator: JSON.stringify({ source: 'visits' }), denominator: null,
      });
    },
  });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
  otherCommune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66002' });
  leader = await createUserAndLogin(t.app, { role: 'team_leader', scopeUnitCode: '6600101' });
});
afterAll(() => t.close());

const send = (user: TestUser, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: user.headers, payload });

const figure = { indicatorCode: 'cadres_trained', unitCode: '66001', periodType: 'month', periodStart: '2025-08-01', value: 410 };

describe('reported figures', () => {
  let id: number;

  it('are saved as a draft, submitted, and approved by the level above, which locks them', async () => {
    const saved = await send(commune, 'PUT', '/api/reported-values', figure);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'draft', periodEnd: '2025-08-31', value: 410 });
    id = saved.json().id;
    expect((await countedReportedValues(t.db, { latest: ['cadres_trained'], sum: [] }, '66', '2025-09-01')).filter((r) => r.unit_code === '66001')).toEqual([]);

    expect((await send(commune, 'POST', `/api/reported-values/${id}/submit`, {})).json().status).toBe('submitted');
    expect((await send(commune, 'POST', `/api/reported-values/${id}/approve`, {})).statusCode).toBe(403);
    expect((await send(province, 'POST', `/api/reported-values/${id}/approve`, {})).json().status).toBe('approved');

    const locked = await send(commune, 'PUT', '/api/reported-values', { ...figure, value: 500 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toMatchObject({ code: 'REPORTED_VALUE_LOCKED', field: 'periodStart' });
    expect((await countedReportedValues(t.db, { latest: ['cadres_trained'], sum: [] }, '66', '2025-09-01')).filter((r) => r.unit_code === '66001'))
      .toEqual([{ indicator_code: 'cadres_trained', unit_code: '66001', value: 410, period_end: '2025-08-31' }]);
  });

  it('go back with a comment when returned, and keep their whole history', async () => {
    const next = await send(commune, 'PUT', '/api/reported-values', { ...figure, periodStart: '2025-09-01', value: 430, submit: true });
    const nextId = next.json().id;
    const returned = await send(province, 'POST', `/api/reported-values/${nextId}/return`, { comment: 'Số liệu chưa khớp' });
    expect(returned.json()).toMatchObject({ status: 'returned', comment: 'Số liệu chưa khớp' });
    expect((await send(commune, 'PUT', '/api/reported-values', { ...figure, periodStart: '2025-09-01', value: 425 })).json().status).toBe('draft');
    const history = (await send(commune, 'GET', `/api/reported-values/${nextId}/history`)).json();
    expect(history.map((h: { action: string; value: number }) => [h.action, h.value])).toEqual([['submit', 430], ['return', 430], ['save', 425]]);
  });

  it('are never approved by whoever entered or submitted them, at the commune or the province', async () => {
    const secondProvince = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
    // A province officer enters and submits a commune's figure, then tries to approve it.
    const entered = await send(province, 'PUT', '/api/reported-values', { ...figure, periodStart: '2025-10-01', value: 440, submit: true });
    const enteredId = entered.json().id;
    const own = await send(province, 'POST', `/api/reported-values/${enteredId}/approve`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().error).toMatchObject({ code: 'APPROVER_IS_AUTHOR', field: 'id' });
    expect((await send(secondProvince, 'POST', `/api/reported-values/${enteredId}/approve`, {})).json().status).toBe('approved');

    // A commune officer saves a village's figure, submits it, and may not approve it either.
    const village = await send(commune, 'PUT', '/api/reported-values', { ...figure, unitCode: '6600101', periodStart: '2025-10-01', value: 12 });
    const villageId = village.json().id;
    await send(commune, 'POST', `/api/reported-values/${villageId}/submit`, {});
    expect((await send(commune, 'POST', `/api/reported-values/${villageId}/approve`, {})).json().error.code).toBe('APPROVER_IS_AUTHOR');
    expect((await send(province, 'POST', `/api/reported-values/${villageId}/approve`, {})).json().status).toBe('approved');
    const history = (await send(province, 'GET', `/api/reported-values/${villageId}/history`)).json();
    expect(history.map((h: { action: string; actorUserId: string }) => [h.action, h.actorUserId])).toEqual([['save', commune.id], ['submit', commune.id], ['approve', province.id]]);
  });

  it('refuse a bad period, an indicator counted from records, and units out of scope', async () => {
    expect((await send(commune, 'PUT', '/api/reported-values', { ...figure, periodStart: '2025-08-05' })).json().error).toMatchObject({ code: 'PERIOD_INVALID', field: 'periodStart' });
    expect((await send(commune, 'PUT', '/api/reported-values', { ...figure, periodStart: '2099-01-01' })).json().error.code).toBe('PERIOD_INVALID');
    expect((await send(commune, 'PUT', '/api/reported-values', { ...figure, indicatorCode: 'visits' })).json().error.code).toBe('INDICATOR_NOT_REPORTED');
    expect((await send(commune, 'PUT', '/api/reported-values', { ...figure, indicatorCode: 'nope' })).statusCode).toBe(404);
    expect((await send(otherCommune, 'PUT', '/api/reported-values', figure)).json().error.code).toBe('UNIT_NOT_FOUND');
    expect((await send(otherCommune, 'GET', `/api/reported-values/${id}/history`)).statusCode).toBe(404);
    expect((await send(commune, 'PUT', '/api/reported-values', { ...figure, value: -1 })).json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'value' });
  });
});

describe('difficulties', () => {
  it('are reported by a team leader, answered and closed by the province, and hidden from other communes', async () => {
    const reported = await send(leader, 'POST', '/api/difficulties', { unitCode: '6600101', category: 'weak_network', description: 'Thôn không có sóng 4G' });
    expect(reported.statusCode).toBe(201);
    const id = reported.json().id;
    expect((await send(otherCommune, 'GET', `/api/difficulties/${id}`)).statusCode).toBe(404);
    expect((await send(commune, 'GET', '/api/difficulties?unit=66001')).json().items).toHaveLength(1);
    expect((await send(commune, 'POST', `/api/difficulties/${id}`, { action: 'close' })).statusCode).toBe(403);

    const assigned = await send(province, 'POST', `/api/difficulties/${id}`, { action: 'assign', assigneeUserId: province.id });
    expect(assigned.json().status).toBe('assigned');
    const answered = await send(province, 'POST', `/api/difficulties/${id}`, { action: 'answer', answer: 'Viettel lắp trạm BTS trong tháng 9' });
    expect(answered.json()).toMatchObject({ status: 'answered', answer: 'Viettel lắp trạm BTS trong tháng 9' });
    expect((await send(province, 'POST', `/api/difficulties/${id}`, { action: 'close' })).json().status).toBe('closed');
    expect((await send(province, 'POST', `/api/difficulties/${id}`, { action: 'close' })).statusCode).toBe(409);
    expect((await send(province, 'GET', '/api/difficulties?unit=66&status=open')).json().items).toHaveLength(0);
  });

  it('refuse an unknown category and an unknown assignee with the field named', async () => {
    const bad = await send(leader, 'POST', '/api/difficulties', { unitCode: '6600101', category: 'floods', description: 'x' });
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'category' });
    const reported = await send(leader, 'POST', '/api/difficulties', { unitCode: '6600101', category: 'no_devices', description: 'Thiếu điện thoại' });
    const unknown = await send(province, 'POST', `/api/difficulties/${reported.json().id}`, { action: 'assign', assigneeUserId: '01890000-0000-7000-8000-000000000000' });
    expect(unknown.json().error).toMatchObject({ code: 'USER_NOT_FOUND', field: 'assigneeUserId' });
  });
});
