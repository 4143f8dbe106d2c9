import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import type { Viewer } from '../../http/access.js';
import { createUserAndLogin } from '../../testing/login.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { putCommittee, putCommittees, type CommitteeInput } from './committees.service.js';
import { rowsLeftBy } from '../../testing/rows-left-by.js';

/** Many communes' committees recorded at once write what recording them one by one writes. */

let t: TestApp;
let province: Viewer;
let commune: Viewer;

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  const viewer = async (role: 'province_officer' | 'commune_officer', scopeUnitCode: string): Promise<Viewer> => {
    const user = await createUserAndLogin(t.app, { role, scopeUnitCode });
    return { id: user.id, username: user.username, role, scopeUnitCode };
  };
  province = await viewer('province_officer', '66');
  commune = await viewer('commune_officer', '66001');
});
afterAll(() => t.close());

const decision = (n: number): CommitteeInput => ({
  decisionNumber: ` ${n}/QĐ-UBND `, decisionDate: '2025-07-10',
  members: [
    { fullName: ' Hoàng  Văn Chủ', position: 'Chủ tịch UBND ', committeeRole: 'chair' },
    { fullName: 'Đinh Thị Phó', position: 'Trưởng Công an', committeeRole: 'deputy' },
    { fullName: 'Y Bhăm', position: 'Nhân viên Viettel', committeeRole: 'member' },
  ],
});
const communes = [{ unitCode: '66001', input: decision(12) }, { unitCode: '66002', input: decision(34) }];

/** Committees, members and audit entries as stored, without ids and times. */
async function stored(db: Database) {
  const committees = await sql`select unit_code, province_code, decision_number, decision_date::text, updated_by from steering_committees order by unit_code`.execute(db);
  const members = await sql`select unit_code, province_code, sort_order, full_name, position, committee_role, user_id from steering_committee_members order by unit_code, sort_order`.execute(db);
  const audit = await sql`select actor_user_id, action, unit_code, subject, detail from audit_events where action = 'committee.update' order by unit_code`.execute(db);
  return { committees: committees.rows, members: members.rows, audit: audit.rows };
}

/** Runs `work` in a transaction, answers the rows it left, and undoes it. */
const rowsOf = (work: (trx: Database) => Promise<unknown>) => rowsLeftBy(t.db, work, stored);

describe('committees recorded in a batch', () => {
  it('write the committees, members and audit entries that one decision at a time writes', async () => {
    const oneByOne = await rowsOf(async (trx) => {
      for (const { unitCode, input } of communes) await putCommittee(trx, province, unitCode, input);
    });
    const batch = await rowsOf(async (trx) => {
      expect(await putCommittees(trx, province, communes)).toEqual({ committees: 2, members: 6 });
    });
    expect(oneByOne.members).toHaveLength(6);
    expect(oneByOne.audit).toHaveLength(2);
    expect(batch).toEqual(oneByOne);
  });

  it('replaces an earlier composition, and refuses what one decision refuses, writing nothing', async () => {
    await putCommittees(t.db, province, communes);
    await putCommittees(t.db, province, [{ unitCode: '66001', input: { ...decision(56), members: decision(56).members.slice(0, 2) } }]);
    const before = await stored(t.db);
    expect(before.members.filter((m) => (m as { unit_code: string }).unit_code === '66001')).toHaveLength(2);
    const refusal = (work: () => Promise<unknown>) => work().then(() => null, (error: { code?: string }) => error.code);
    expect(await refusal(() => putCommittees(t.db, commune, communes))).toBe('UNIT_NOT_FOUND');
    expect(await refusal(() => putCommittees(t.db, province, [{ unitCode: '66003', input: decision(1) }, { unitCode: '6600101', input: decision(2) }]))).toBe('COMMITTEE_UNIT_INVALID');
    expect(await refusal(() => putCommittees(t.db, province, [communes[0]!, communes[0]!]))).toBe('VALIDATION_FAILED');
    const twoChairs = { ...decision(3), members: [...decision(3).members, { fullName: 'Lê Văn Hai', position: 'Phó Chủ tịch', committeeRole: 'chair' as const }] };
    expect(await refusal(() => putCommittees(t.db, province, [{ unitCode: '66003', input: twoChairs }]))).toBe('VALIDATION_FAILED');
    expect(await stored(t.db)).toEqual(before);
  });
});
