import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '../../lib/xlsx.js';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';

let t: TestApp;
let province: TestUser;
let communeA: TestUser;
let villageUser: TestUser;
let otherVillageUser: TestUser;

const DAY = '2025-08-01';
const HEADER = 'village_code,team_name,member_name,affiliation,role,phone,username';

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  communeA = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
  villageUser = await createUserAndLogin(t.app, { role: 'team_leader', scopeUnitCode: '6600101' });
  otherVillageUser = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: '6600201' });
});
afterAll(() => t.close());

const importFile = (user: TestUser, body: string | Buffer, type = 'text/csv', day = DAY) => t.app.inject({
  method: 'POST', url: `/api/teams/import?date=${day}`, headers: { ...user.headers, 'content-type': type }, payload: body,
});

/** Everything the teams module holds, to prove an import wrote nothing or changed nothing. */
async function snapshot() {
  const teams = await t.db.selectFrom('teams').selectAll().orderBy('id').execute();
  const members = await t.db.selectFrom('team_members').selectAll().orderBy('id').execute();
  const leaders = await t.db.selectFrom('team_leaderships').selectAll().orderBy('id').execute();
  return { teams, members, leaders };
}

async function xlsxOf(rows: (string | number | null)[][], options: { titleRows?: number } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tổ CNSCĐ');
  // Communes often put a title and a blank line above the header; row numbers must still match Excel's.
  for (let i = 0; i < (options.titleRows ?? 0); i += 1) sheet.addRow(i === 0 ? ['DANH SÁCH TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG'] : []);
  for (const row of rows) sheet.addRow(row);
  workbook.addWorksheet('Ghi chú').addRow(['not read']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('importing a commune\'s spreadsheet', () => {
  it('rejects a file with bad rows whole, naming each row and reason, and writes nothing', async () => {
    const before = await snapshot();
    const csv = [
      HEADER,
      '6600101,Tổ CNS Thôn 1,Nguyễn Văn An,Trưởng thôn,Tổ trưởng,0905 123 456,',
      '6600101,Tổ CNS Thôn 1,Trần Thị Bình,Hội nông dân,thành viên,,',
      '6600101,Tổ khác,Lê Văn Cường,teacher,member,,',
      '6600101,Tổ CNS Thôn 1,Nguyễn  văn an,resident,member,,',
      '6600101,Tổ CNS Thôn 1,Phạm Dũng,resident,leader,12345,',
      '6600102,Tổ CNS Thôn 2,Võ Em,resident,member,,nobody-here',
      '6600102,Tổ CNS Thôn 2,Đỗ Giang,resident,member,,' + otherVillageUser.username,
      '77777,Tổ Ma,Hồ Hạnh,resident,member,,',
      '66,Tổ Tỉnh,Hồ Hạnh,resident,member,,',
      '6600102,,Vũ Khánh,resident,member,,',
    ].join('\n');
    const response = await importFile(province, csv);
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.rows.map((r: { row: number; field: string; reason: string }) => [r.row, r.field, r.reason])).toEqual([
      [3, 'affiliation', 'BAD_VALUE'],
      [4, 'team_name', 'TEAM_NAME_CONFLICT'],
      [5, 'member_name', 'DUPLICATE_MEMBER'],
      [6, 'phone', 'BAD_PHONE'],
      [7, 'username', 'UNKNOWN_USER'],
      [8, 'username', 'USER_OUT_OF_UNIT'],
      [9, 'village_code', 'UNKNOWN_UNIT'],
      [10, 'village_code', 'NOT_TEAM_UNIT'],
      [11, 'team_name', 'MISSING_VALUE'],
    ]);
    expect(error.rows[0].message).toBe('Giá trị không hợp lệ ở cột affiliation: "Hội nông dân"');
    // The phone number is personal data: the reason never repeats it.
    expect(JSON.stringify(error)).not.toContain('12345');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses two leaders for one team and a missing column', async () => {
    const twoLeaders = [HEADER, '6600101,Tổ 1,A Một,resident,leader,,', '6600101,Tổ 1,B Hai,resident,tổ trưởng,,'].join('\n');
    expect((await importFile(province, twoLeaders)).json().error.rows).toEqual([expect.objectContaining({ row: 3, reason: 'LEADER_TWICE' })]);
    const missing = await importFile(province, 'village_code,member_name,role\n6600101,A,leader\n');
    expect(missing.json().error.rows.map((r: { field: string }) => r.field)).toEqual(['team_name', 'affiliation']);
  });

  it('imports a CSV with Vietnamese labels, then changes nothing when the same file comes again', async () => {
    const csv = [
      HEADER,
      `6600101,Tổ CNS Thôn 1,Nguyễn Văn An,Trưởng thôn,Tổ trưởng,+84 905 123 456,${villageUser.username}`,
      '6600101,Tổ CNS Thôn 1,Trần Thị Bình,Hội phụ nữ,Tổ viên,0912.345.678,',
      '6600101,Tổ CNS Thôn 1,Lê Văn Cường,Đoàn thanh niên,thành viên,,',
      '6600101,Tổ CNS Thôn 1,Phạm Thị Dung,Giáo viên,member,,',
      '6600101,Tổ CNS Thôn 1,Hoàng Văn Em,Công an xã,member,,',
      '6600102,Tổ CNS Thôn 2,Võ Văn Phúc,Viễn thông,leader,,',
      '6600102,Tổ CNS Thôn 2,Đỗ Thị Giang,Người dân,member,,',
      '66001,Tổ CNS xã Số 1,Bùi Văn Hải,khác,leader,,',
    ].join('\n');
    const first = await importFile(communeA, csv);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ teamsCreated: 3, teamsRenamed: 0, membersAdded: 8, membersUpdated: 0, leadersChanged: 3, unchanged: 0 });

    const teams = (await t.app.inject({ method: 'GET', url: '/api/teams?unit=66001', headers: communeA.headers })).json();
    expect(teams.items.map((team: { unitCode: string; activeMembers: number; leaderName: string }) => [team.unitCode, team.activeMembers, team.leaderName]))
      .toEqual([['66001', 1, 'Bùi Văn Hải'], ['6600101', 5, 'Nguyễn Văn An'], ['6600102', 2, 'Võ Văn Phúc']]);
    const thon1 = (await t.app.inject({ method: 'GET', url: `/api/teams/${teams.items[1].id}?date=${DAY}`, headers: communeA.headers })).json();
    expect(thon1.members.map((m: { affiliation: string }) => m.affiliation)).toEqual(['village_head', 'womens_union', 'youth_union', 'teacher', 'commune_police']);
    expect(thon1.members[0]).toMatchObject({ role: 'leader', phone: '0905123456', userId: villageUser.id, joinedOn: DAY });
    expect(thon1.members[1]).toMatchObject({ role: 'member', phone: '0912345678', userId: null });

    const before = await snapshot();
    const again = await importFile(communeA, csv);
    expect(again.json()).toEqual({ teamsCreated: 0, teamsRenamed: 0, membersAdded: 0, membersUpdated: 0, leadersChanged: 0, unchanged: 8 });
    expect(await snapshot()).toEqual(before);
    // Another day, the same file: still nothing to change.
    expect((await importFile(communeA, csv, 'text/csv', '2025-09-01')).json().unchanged).toBe(8);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps a commune officer to the villages of their commune', async () => {
    const before = await snapshot();
    const csv = [HEADER, '6600101,Tổ CNS Thôn 1,Ngô Văn Lâm,resident,member,,', '6600201,Tổ CNS Thôn 1 xã 2,Lý Thị Mai,resident,leader,,'].join('\n');
    const response = await importFile(communeA, csv);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.rows).toEqual([expect.objectContaining({ row: 3, field: 'village_code', reason: 'OUT_OF_SCOPE' })]);
    expect(await snapshot()).toEqual(before);
  });

  it('imports the first sheet of an XLSX with the same checks and Excel\'s row numbers', async () => {
    const before = await snapshot();
    const header = HEADER.split(',');
    const bad = await xlsxOf([header, ['6600201', 'Tổ CNS Thôn 1', 'Lý Thị Mai', 'Nông dân', 'leader', null, null]], { titleRows: 2 });
    const rejected = await importFile(province, bad, XLSX_MEDIA_TYPE);
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json().error.rows).toEqual([expect.objectContaining({ row: 4, field: 'affiliation', reason: 'BAD_VALUE' })]);
    expect(await snapshot()).toEqual(before);

    // A phone typed into a number cell loses its leading zero; the import puts it back.
    const good = await xlsxOf([
      header,
      ['6600201', 'Tổ CNS Thôn 1', 'Lý Thị Mai', 'Hội phụ nữ', 'Tổ trưởng', 987654321, otherVillageUser.username],
      [6600201, 'Tổ CNS Thôn 1', 'Trịnh Văn Nam', 'Viễn thông', 'Tổ viên', '0977 000 111', null],
    ]);
    const accepted = await importFile(province, good, XLSX_MEDIA_TYPE);
    expect(accepted.json()).toEqual({ teamsCreated: 1, teamsRenamed: 0, membersAdded: 2, membersUpdated: 0, leadersChanged: 1, unchanged: 0 });
    const stored = await t.db.selectFrom('team_members').select(['full_name', 'phone', 'user_id', 'unit_code', 'province_code']).where('unit_code', '=', '6600201').orderBy('full_name').execute();
    expect(stored).toEqual([
      { full_name: 'Lý Thị Mai', phone: '0987654321', user_id: otherVillageUser.id, unit_code: '6600201', province_code: '66' },
      { full_name: 'Trịnh Văn Nam', phone: '0977000111', user_id: null, unit_code: '6600201', province_code: '66' },
    ]);
    expect((await importFile(province, good, XLSX_MEDIA_TYPE)).json().unchanged).toBe(2);
  });

  it('rejects a file that is not a workbook, and a body that is not a file', async () => {
    const response = await importFile(province, Buffer.from('not a zip at all'), XLSX_MEDIA_TYPE);
    expect(response.json().error.rows).toEqual([expect.objectContaining({ row: 1, reason: 'BAD_XLSX' })]);
    const json = await importFile(province, JSON.stringify({ village_code: '6600101' }), 'application/json');
    expect(json.statusCode).toBe(415);
  });

  it('updates a changed member and hands the leadership over to the row marked leader', async () => {
    const csv = [HEADER, '6600102,Tổ CNS Thôn 2,Đỗ Thị Giang,Đoàn thanh niên,leader,0901 111 222,'].join('\n');
    expect((await importFile(communeA, csv, 'text/csv', '2025-09-01')).json())
      .toEqual({ teamsCreated: 0, teamsRenamed: 0, membersAdded: 0, membersUpdated: 1, leadersChanged: 1, unchanged: 0 });
    const leaders = await t.db.selectFrom('team_leaderships as l').innerJoin('team_members as m', 'm.id', 'l.member_id')
      .select(['m.full_name', 'l.from_day', 'l.to_day']).where('l.unit_code', '=', '6600102').orderBy('l.from_day').execute();
    expect(leaders).toEqual([
      { full_name: 'Võ Văn Phúc', from_day: DAY, to_day: '2025-09-01' },
      { full_name: 'Đỗ Thị Giang', from_day: '2025-09-01', to_day: null },
    ]);
    // Going back before the current leader's start is refused.
    const earlier = [HEADER, '6600102,Tổ CNS Thôn 2,Võ Văn Phúc,Viễn thông,leader,,'].join('\n');
    expect((await importFile(communeA, earlier, 'text/csv', '2025-08-15')).json().error.rows).toEqual([expect.objectContaining({ row: 2, reason: 'BEFORE_LEADER' })]);
  });
});

describe('previewing a team file', () => {
  const preview = (user: TestUser, body: string) => t.app.inject({
    method: 'POST', url: `/api/teams/import/preview?date=${DAY}`, headers: { ...user.headers, 'content-type': 'text/csv' }, payload: body,
  });

  it('shows what every row would do and writes nothing', async () => {
    const before = await snapshot();
    const response = await preview(province, [HEADER,
      '6600301,Tổ CNS thôn 1 xã 3,Lò Văn Xem,Đoàn thanh niên,Tổ trưởng,,',
      '6600301,Tổ CNS thôn 1 xã 3,Ksor Thị Xem,Hội phụ nữ,Thành viên,,'].join('\n'));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.summary).toMatchObject({ teamsCreated: 1, membersAdded: 2, leadersChanged: 1 });
    expect(body.rows).toEqual([
      expect.objectContaining({ line: 2, villageCode: '6600301', fullName: 'Lò Văn Xem', outcome: 'added', errors: [] }),
      expect.objectContaining({ line: 3, fullName: 'Ksor Thị Xem', outcome: 'added', errors: [] }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('lists each row with its reason in the caller\'s language, the good rows too', async () => {
    const response = await t.app.inject({
      method: 'POST', url: `/api/teams/import/preview?date=${DAY}`,
      headers: { ...province.headers, 'content-type': 'text/csv', 'accept-language': 'en' },
      payload: [HEADER, '6600301,Tổ A,Người Một,Đoàn thanh niên,Tổ viên,,', '6600301,Tổ A,Người Hai,Không biết,Tổ viên,,'].join('\n'),
    });
    const body = response.json();
    expect(body.summary).toBeNull();
    expect(body.rows).toHaveLength(2);
    expect(body.rows[0]).toMatchObject({ line: 2, outcome: null, errors: [] });
    expect(body.rows[1].errors).toEqual([expect.objectContaining({ field: 'affiliation', message: expect.any(String) })]);
    expect(body.rows[1].errors[0].message).not.toMatch(/^row\./);
  });

  it('names a missing column as a file error and keeps commune officers to their commune', async () => {
    const missing = (await preview(province, 'village_code,team_name\n6600301,Tổ A')).json();
    expect(missing.fileErrors.length).toBeGreaterThan(0);
    expect(missing.rows).toEqual([]);
    const outside = (await preview(communeA, [HEADER, '6600301,Tổ A,Người Một,Đoàn thanh niên,Tổ viên,,'].join('\n'))).json();
    expect(outside.summary).toBeNull();
    expect(outside.rows[0].errors.length).toBeGreaterThan(0);
  });
});
