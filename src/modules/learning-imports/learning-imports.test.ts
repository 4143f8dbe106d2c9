import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastUuidV7 } from '../../lib/fast-uuid.js';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { deviceOf, items } from '../../testing/sync-fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { snapshotRollups } from '../rollups/rollups.service.js';

let t: TestApp;
let commune: TestUser;
let otherCommune: TestUser;

const HEADER = 'so_dinh_danh_hoac_dien_thoai,ho_ten,ma_don_vi,khoa_hoc,trang_thai,ngay';
const ID_A = '066185000123';
const ID_B = '066190000456';
const FILE = [
  HEADER,
  `${ID_A},H Lan Niê,6600101,vneid-muc-2,dang_ky,2025-08-01`,
  `${ID_A},H Lan Niê,6600101,vneid-muc-2,hoan_thanh,05/08/2025`,
  `${ID_B},Y Bhăm Êban,6600101,thanh-toan-an-toan,đã đăng ký,2025-08-03`,
  '066199999999,Người lạ,6600101,vneid-muc-2,dang_ky,2025-08-04',
  '0905123456,Ama Thuột,6600101,vneid-muc-2,dang_ky,2025-08-04',
].join('\n');

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
  otherCommune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66002' });
  for (const code of ['vneid-muc-2', 'thanh-toan-an-toan']) {
    await t.db.insertInto('courses').values({ id: fastUuidV7(), province_code: '66', code, skill_code: null, group_code: null, created_by: null }).execute();
  }
  const member = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: '6600101' });
  const household = items.household({ villageCode: '6600101' });
  const householdId = household.data.id as string;
  await deviceOf(t.app, member).pushOk([
    household,
    items.resident({ householdId, fullName: 'H Lan Niê', nationalId: ID_A }),
    items.resident({ householdId, fullName: 'Y Bhăm Êban', nationalId: ID_B }),
  ]);
});
afterAll(() => t.close());

const upload = (body: string, user: TestUser, query = '') =>
  t.app.inject({ method: 'POST', url: `/api/learning-imports/national${query}`, headers: { ...user.headers, 'content-type': 'text/csv' }, payload: body });

async function everything() {
  const counts: Record<string, number> = {};
  for (const table of ['enrolments', 'course_completions', 'milestones', 'resident_milestones', 'learning_import_facts', 'residents']) {
    counts[table] = Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db)).rows[0]!.n);
  }
  return { counts, rollups: await snapshotRollups(t.db) };
}

describe('national learning platform import', () => {
  it('refuses a wrong header, showing the expected one', async () => {
    const response = await upload('cccd,ten,don_vi\n1,2,3', commune);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('LEARNING_IMPORT_HEADER');
    expect(response.json().error.message).toContain(HEADER.split(',').join(', '));
  });

  it('refuses the whole file for faulty rows, listing each, and writes nothing', async () => {
    const before = await everything();
    const response = await upload([HEADER, `${ID_A},H Lan Niê,6600101,khong-co,dang_ky,2025-08-01`, `${ID_A},H Lan Niê,6600101,vneid-muc-2,xong,2025-08-01`, `${ID_A},H Lan Niê,6600201,vneid-muc-2,dang_ky,2025-08-01`].join('\n'), commune);
    expect(response.statusCode).toBe(422);
    // The file's own faults first (a status), then what the province lacks (a course, a unit in scope).
    expect(response.json().error.rows.map((r: { row: number; field: string }) => [r.row, r.field])).toEqual([[3, 'trang_thai']]);
    const lacking = await upload([HEADER, `${ID_A},H Lan Niê,6600101,khong-co,dang_ky,2025-08-01`, `${ID_A},H Lan Niê,6600201,vneid-muc-2,dang_ky,2025-08-01`].join('\n'), commune);
    expect(lacking.json().error.rows.map((r: { row: number; field: string }) => [r.row, r.field])).toEqual([[2, 'khoa_hoc'], [3, 'ma_don_vi']]);
    expect(await everything()).toEqual(before);
  });

  it('previews without writing, applies, and changes nothing when the same file comes again', async () => {
    const before = await everything();
    const preview = await upload(FILE, commune, '?preview=true');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ preview: true, rows: 5, enrolments: 2, completions: 1, milestones: 2, unchanged: 0 });
    expect(await everything()).toEqual(before);

    const applied = await upload(FILE, commune);
    expect(applied.statusCode).toBe(200);
    const report = applied.json();
    expect(report).toMatchObject({ preview: false, rows: 5, enrolments: 2, completions: 1, milestones: 2, unchanged: 0 });
    expect(report.notPlaced.map((n: { row: number; reason: string }) => [n.row, n.reason])).toEqual([[5, 'RESIDENT_UNMATCHED'], [6, 'PHONE_UNMATCHED']]);
    const after = await everything();
    expect(after.counts.enrolments).toBe(before.counts.enrolments! + 2);
    expect(after.counts.course_completions).toBe(before.counts.course_completions! + 1);
    expect(after.counts.resident_milestones).toBe(before.counts.resident_milestones! + 2);
    // The number itself is nowhere in the database.
    const dump = JSON.stringify(await t.db.selectFrom('learning_import_facts').selectAll().execute());
    expect(dump).not.toContain(ID_A);

    const again = await upload(FILE, commune);
    expect(again.json()).toMatchObject({ enrolments: 0, completions: 0, milestones: 0, unchanged: 3 });
    expect(await everything()).toEqual(after);
  });

  it('creates residents for unmatched numbers only when asked, in the row\'s village, once, audited', async () => {
    const NEW_ID = '066177000789';
    const file = [
      HEADER,
      `${NEW_ID},Y Moan Êban,6600101,vneid-muc-2,dang_ky,2025-09-01`,
      `${NEW_ID},Y Moan Êban,6600101,thanh-toan-an-toan,hoan_thanh,2025-09-05`,
      '066177000790,H Hen Niê,66001,vneid-muc-2,dang_ky,2025-09-01',
      '0905123456,Ama Thuột,6600101,vneid-muc-2,dang_ky,2025-09-04',
    ].join('\n');
    const before = await everything();
    const preview = (await upload(file, commune, '?preview=true&createResidents=true')).json();
    expect(preview).toMatchObject({ preview: true, residentsCreated: 1, enrolments: 1, completions: 1, milestones: 1 });
    expect(await everything()).toEqual(before);
    const plain = (await upload(file, commune, '?preview=true')).json();
    expect(plain.residentsCreated).toBe(0);
    expect(plain.notPlaced.map((n: { reason: string }) => n.reason)).toEqual(['RESIDENT_UNMATCHED', 'RESIDENT_UNMATCHED', 'RESIDENT_UNMATCHED', 'PHONE_UNMATCHED']);
    const applied = await upload(file, commune, '?createResidents=true');
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ residentsCreated: 1, enrolments: 1, completions: 1, milestones: 1 });
    // A commune is no place for a household; a phone number matches no one.
    expect(applied.json().notPlaced.map((n: { row: number; reason: string; message: string }) => [n.row, n.reason])).toEqual([[4, 'NEW_RESIDENT_NEEDS_VILLAGE'], [5, 'PHONE_UNMATCHED']]);
    expect(applied.json().notPlaced[1].message).toContain('số điện thoại');
    const created = await t.db.selectFrom('residents').select(['full_name', 'village_code', 'national_id_last4']).where('full_name', '=', 'Y Moan Êban').execute();
    expect(created).toEqual([{ full_name: 'Y Moan Êban', village_code: '6600101', national_id_last4: '0789' }]);
    const after = await everything();
    expect(after.counts.residents).toBe(before.counts.residents! + 1);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'detail']).where('actor_user_id', '=', commune.id).where('action', '=', 'learning.import').execute();
    expect(audit.at(-1)!.detail).toMatchObject({ residentsCreated: 1 });
    // The number now matches: the same file again creates no one and changes nothing.
    const again = (await upload(file, commune, '?createResidents=true')).json();
    expect(again).toMatchObject({ residentsCreated: 0, enrolments: 0, completions: 0, unchanged: 2 });
    expect(await everything()).toEqual(after);
  });

  it('keeps an officer to their own units', async () => {
    const response = await upload(FILE, otherCommune);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.rows[0]).toMatchObject({ row: 2, field: 'ma_don_vi', reason: 'UNKNOWN_UNIT' });
  });
});
