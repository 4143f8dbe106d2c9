import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { statisticsAt } from './unit-statistics.js';

let t: TestApp;
let commune: TestUser;
let otherCommune: TestUser;
let province: TestUser;
let secondProvinceOfficer: TestUser;
let proposalId: string;

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
  otherCommune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66002' });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  secondProvinceOfficer = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
});
afterAll(() => t.close());

const send = (user: TestUser, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: user.headers, payload });
const audits = (action: string) => t.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();

describe("a commune's own statistics", () => {
  it('are proposed by the commune officer, audited, and count for nothing yet', async () => {
    const proposed = await send(commune, 'POST', '/api/statistic-proposals', { unitCode: '66001', asOf: '2025-08-01', statistics: { adults: 4200, cadres: 35 } });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(proposed.json()).toMatchObject({ unitCode: '66001', status: 'pending', proposedBy: commune.username, decidedBy: null, statistics: { adults: 4200, cadres: 35 } });
    proposalId = proposed.json().id;
    expect(await statisticsAt(t.db, '66001', '2025-08-02')).toMatchObject({ adults: null, cadres: null });
    expect(await audits('units.statistics.propose')).toEqual([expect.objectContaining({ actor_user_id: commune.id, unit_code: '66001', subject: proposalId })]);
  });

  it('are refused, naming the field, for another commune, an unknown kind or a negative value', async () => {
    const other = await send(commune, 'POST', '/api/statistic-proposals', { unitCode: '66002', asOf: '2025-08-01', statistics: { adults: 1 } });
    expect(other.statusCode).toBe(404);
    expect(other.json().error).toMatchObject({ code: 'UNIT_NOT_FOUND', field: 'unitCode' });
    const kind = await send(commune, 'POST', '/api/statistic-proposals', { unitCode: '66001', asOf: '2025-08-01', statistics: { wizards: 1 } });
    expect(kind.json().error).toMatchObject({ code: 'STATISTIC_KIND_UNKNOWN', field: 'statistics.wizards' });
    const negative = await send(commune, 'POST', '/api/statistic-proposals', { unitCode: '66001', asOf: '2025-08-01', statistics: { adults: -1 } });
    expect(negative.statusCode).toBe(400);
    expect(await t.db.selectFrom('statistic_proposals').select('id').execute()).toHaveLength(1);
  });

  it('are decided by the province, never by the commune that proposed them', async () => {
    expect((await send(commune, 'POST', `/api/statistic-proposals/${proposalId}/approve`)).statusCode).toBe(403);
    expect((await send(otherCommune, 'GET', '/api/statistic-proposals?unit=66001')).statusCode).toBe(404);
    const listed = await send(province, 'GET', '/api/statistic-proposals?unit=66&status=pending');
    expect(listed.json().items.map((p: { id: string }) => p.id)).toEqual([proposalId]);
    expect(listed.json().kinds).toContainEqual({ code: 'adults', name: 'Người trưởng thành (từ 15 tuổi)' });
    expect(listed.headers['cache-control']).toBe('no-store');
  });

  it('are rejected with a reason, which the commune reads; nothing counts', async () => {
    const noReason = await send(province, 'POST', `/api/statistic-proposals/${proposalId}/reject`, { reason: ' ' });
    expect(noReason.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    const rejected = await send(province, 'POST', `/api/statistic-proposals/${proposalId}/reject`, { reason: 'Số người lớn cao hơn dân số' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decidedBy: province.username, reason: 'Số người lớn cao hơn dân số' });
    expect((await send(secondProvinceOfficer, 'POST', `/api/statistic-proposals/${proposalId}/approve`)).json().error).toMatchObject({ code: 'STATISTIC_PROPOSAL_DECIDED' });
    expect(await statisticsAt(t.db, '66001', '2025-08-02')).toMatchObject({ adults: null });
    const mine = await send(commune, 'GET', '/api/statistic-proposals?unit=66001');
    expect(mine.json().items[0]).toMatchObject({ status: 'rejected', reason: 'Số người lớn cao hơn dân số' });
    expect(await audits('units.statistics.reject')).toEqual([expect.objectContaining({ actor_user_id: province.id, unit_code: '66001', detail: { reason: 'Số người lớn cao hơn dân số' } })]);
  });

  it('count once approved, with the approver stored beside the figure and in the audit log', async () => {
    const again = await send(commune, 'POST', '/api/statistic-proposals', { unitCode: '6600101', asOf: '2025-08-01', statistics: { adults: 900 } });
    const approved = await send(province, 'POST', `/api/statistic-proposals/${again.json().id}/approve`);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: province.username, reason: null });
    expect(await statisticsAt(t.db, '6600101', '2025-08-02')).toMatchObject({ adults: 900 });
    expect(await statisticsAt(t.db, '66001', '2025-08-02')).toMatchObject({ adults: 900 });
    const row = await t.db.selectFrom('unit_statistics').selectAll().where('unit_code', '=', '6600101').executeTakeFirstOrThrow();
    expect(row.recorded_by).toBe(province.id);
    expect(await audits('units.statistics.approve')).toEqual([expect.objectContaining({ actor_user_id: province.id, unit_code: '6600101' })]);
  });

  it('are not approved by the officer who proposed them, even at the level above', async () => {
    const own = await send(province, 'POST', '/api/statistic-proposals', { unitCode: '66003', asOf: '2025-08-01', statistics: { households: 800 } });
    expect(own.statusCode).toBe(201);
    const self = await send(province, 'POST', `/api/statistic-proposals/${own.json().id}/approve`);
    expect(self.json().error).toMatchObject({ code: 'APPROVER_IS_AUTHOR', field: 'id' });
    expect((await send(secondProvinceOfficer, 'POST', `/api/statistic-proposals/${own.json().id}/approve`)).json()).toMatchObject({ status: 'approved' });
  });
});
