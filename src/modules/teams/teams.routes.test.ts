import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';

let t: TestApp;
let province: TestUser;
let communeA: TestUser;
let communeB: TestUser;
let villageMember: TestUser;
let learner: TestUser;

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  communeA = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
  communeB = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66002' });
  villageMember = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: '6600101' });
  learner = await createUserAndLogin(t.app, { role: 'learner', scopeUnitCode: '6600101' });
});
afterAll(() => t.close());

const send = (user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: user.headers, ...(payload && { payload }) });

async function createTeam(user: TestUser, unitCode: string, name = `Tổ CNS ${unitCode}`) {
  const response = await send(user, 'POST', '/api/teams', { unitCode, name, decisionNumber: '12/QĐ-UBND', decisionDate: '2025-07-10', establishedOn: '2025-07-15' });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string };
}

async function addMember(user: TestUser, teamId: string, body: Record<string, unknown>) {
  return send(user, 'POST', `/api/teams/${teamId}/members`, { affiliation: 'resident', role: 'member', joinedOn: '2025-07-15', ...body });
}

describe('teams in scope', () => {
  let teamA: { id: string };
  let teamB: { id: string };

  beforeAll(async () => {
    teamA = await createTeam(communeA, '6600101');
    teamB = await createTeam(communeB, '6600201');
  });

  it('creates a team once per unit, only in village-level or commune-level units', async () => {
    const twice = await send(communeA, 'POST', '/api/teams', { unitCode: '6600101', name: 'Tổ hai', establishedOn: '2025-07-15' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'TEAM_EXISTS', field: 'unitCode' });
    const atProvince = await send(province, 'POST', '/api/teams', { unitCode: '66', name: 'Tổ tỉnh', establishedOn: '2025-07-15' });
    expect(atProvince.json().error).toMatchObject({ code: 'TEAM_UNIT_INVALID', field: 'unitCode' });
    const beforeUnit = await send(communeA, 'POST', '/api/teams', { unitCode: '6600102', name: 'Tổ sớm', establishedOn: '2025-01-01' });
    expect(beforeUnit.statusCode).toBe(404);
  });

  it('lets commune A neither read nor write commune B\'s teams, answering as for a missing team', async () => {
    expect((await send(communeA, 'GET', `/api/teams/${teamB.id}`)).json().error.code).toBe('TEAM_NOT_FOUND');
    expect((await send(communeA, 'GET', '/api/teams/0190c3c1-0000-7000-8000-000000000000')).json().error.code).toBe('TEAM_NOT_FOUND');
    expect((await addMember(communeA, teamB.id, { fullName: 'Kẻ Lạ' })).statusCode).toBe(404);
    expect((await send(communeA, 'PATCH', `/api/teams/${teamB.id}`, { name: 'Đổi tên' })).statusCode).toBe(404);
    expect((await send(communeA, 'POST', `/api/teams/${teamB.id}/leader`, { memberId: teamB.id })).statusCode).toBe(404);
    const create = await send(communeA, 'POST', '/api/teams', { unitCode: '6600202', name: 'Tổ lạ', establishedOn: '2025-07-15' });
    expect(create.json().error).toMatchObject({ code: 'UNIT_NOT_FOUND', field: 'unitCode' });
    expect((await send(communeA, 'GET', '/api/teams?unit=66002')).statusCode).toBe(404);
    const listA = (await send(communeA, 'GET', '/api/teams?unit=66001')).json();
    expect(listA.items.map((team: { unitCode: string }) => team.unitCode)).toEqual(['6600101']);
  });

  it('lets a team member read their own village\'s team and nothing else; learners read none', async () => {
    expect((await send(villageMember, 'GET', `/api/teams/${teamA.id}`)).statusCode).toBe(200);
    expect((await send(villageMember, 'GET', `/api/teams/${teamB.id}`)).statusCode).toBe(404);
    expect((await addMember(villageMember, teamA.id, { fullName: 'Tự Thêm' })).statusCode).toBe(403);
    expect((await send(learner, 'GET', `/api/teams/${teamA.id}`)).statusCode).toBe(403);
  });

  it('pages the teams of a province by unit code', async () => {
    await createTeam(province, '66003');
    const first = (await send(province, 'GET', '/api/teams?unit=66&limit=2')).json();
    expect(first.items.map((team: { unitCode: string }) => team.unitCode)).toEqual(['6600101', '6600201']);
    const second = (await send(province, 'GET', `/api/teams?unit=66&limit=2&after=${first.next}`)).json();
    expect(second).toEqual({ items: [expect.objectContaining({ unitCode: '66003', provinceCode: '66', activeMembers: 0, leaderName: null })], next: null });
  });

  it('audits reads of a team, whose members are personal data', async () => {
    await send(communeA, 'GET', `/api/teams/${teamA.id}`);
    const entry = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'teams.read').where('actor_user_id', '=', communeA.id).executeTakeFirst();
    expect(entry).toMatchObject({ unit_code: '6600101', subject: teamA.id });
  });
});

describe('members and one leader at a time', () => {
  let team: { id: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => { team = await createTeam(communeA, '6600102'); });

  it('adds members with a linked account from the unit or its commune', async () => {
    const leader = await addMember(communeA, team.id, { fullName: '  Nguyễn   Văn An ', affiliation: 'village_head', role: 'leader', phone: '0905-123-456' });
    expect(leader.statusCode).toBe(201);
    expect(leader.json()).toMatchObject({ fullName: 'Nguyễn Văn An', role: 'leader', phone: '0905123456', active: true, leftOn: null });
    ids.an = leader.json().id;
    const linked = await addMember(communeA, team.id, { fullName: 'Trần Bình', userId: communeA.id });
    expect(linked.json()).toMatchObject({ role: 'member', userId: communeA.id });
    ids.binh = linked.json().id;
    const elsewhere = await addMember(communeA, team.id, { fullName: 'Lê Cường', userId: villageMember.id });
    expect(elsewhere.json().error).toMatchObject({ code: 'LINKED_USER_INVALID', field: 'userId' });
    const again = await addMember(communeA, team.id, { fullName: 'Trần Bình Hai', userId: communeA.id });
    expect(again.json().error.code).toBe('LINKED_USER_INVALID');
    const badPhone = await addMember(communeA, team.id, { fullName: 'Lê Cường', phone: '12 34' });
    expect(badPhone.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'phone' });
    const early = await addMember(communeA, team.id, { fullName: 'Lê Cường', joinedOn: '2025-07-01' });
    expect(early.json().error).toMatchObject({ code: 'TEAM_DATE_INVALID', field: 'joinedOn' });
    const cuong = await addMember(communeA, team.id, { fullName: 'Lê Cường', affiliation: 'teacher' });
    ids.cuong = cuong.json().id;
  });

  it('refuses a second leader; the leadership is handed over instead', async () => {
    const second = await addMember(communeA, team.id, { fullName: 'Phạm Dũng', role: 'leader' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'TEAM_LEADER_EXISTS', field: 'role' });
    const backwards = await send(communeA, 'POST', `/api/teams/${team.id}/leader`, { memberId: ids.binh, from: '2025-07-14' });
    expect(backwards.json().error.code).toBe('TEAM_DATE_INVALID');
    const handed = await send(communeA, 'POST', `/api/teams/${team.id}/leader`, { memberId: ids.binh, from: '2025-09-01' });
    expect(handed.statusCode).toBe(200);
    expect(handed.json().leaderId).toBe(ids.binh);
    expect(handed.json().leaderships).toEqual([
      { memberId: ids.an, from: '2025-07-15', to: '2025-09-01' },
      { memberId: ids.binh, from: '2025-09-01', to: null },
    ]);
    const before = (await send(communeA, 'GET', `/api/teams/${team.id}?date=2025-08-31`)).json();
    expect(before.members.filter((m: { role: string }) => m.role === 'leader').map((m: { id: string }) => m.id)).toEqual([ids.an]);
    const open = await t.db.selectFrom('team_leaderships').select('member_id').where('team_id', '=', team.id).where('to_day', 'is', null).execute();
    expect(open).toEqual([{ member_id: ids.binh }]);
  });

  it('keeps one leader when two officers name one at the same moment', async () => {
    const fresh = await createTeam(province, '6600202');
    const [one, two] = await Promise.all([
      addMember(province, fresh.id, { fullName: 'Đồng Thời Một', role: 'leader' }),
      addMember(communeB, fresh.id, { fullName: 'Đồng Thời Hai', role: 'leader' }),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([201, 409]);
    const open = await t.db.selectFrom('team_leaderships').select('member_id').where('team_id', '=', fresh.id).execute();
    expect(open).toHaveLength(1);
  });

  it('ends memberships by date, never deleting, and keeps the leader until another is named', async () => {
    const leaving = await send(communeA, 'POST', `/api/teams/${team.id}/members/${ids.binh}/end`, { leftOn: '2025-10-01' });
    expect(leaving.json().error.code).toBe('TEAM_LEADER_LEAVING');
    const ended = await send(communeA, 'POST', `/api/teams/${team.id}/members/${ids.an}/end`, { leftOn: '2025-10-01' });
    expect(ended.json()).toMatchObject({ id: ids.an, leftOn: '2025-10-01', active: false });
    expect((await send(communeA, 'POST', `/api/teams/${team.id}/members/${ids.an}/end`, { leftOn: '2025-10-02' })).json().error.code).toBe('TEAM_MEMBER_ENDED');
    expect((await send(communeA, 'POST', `/api/teams/${team.id}/leader`, { memberId: ids.an, from: '2025-10-05' })).json().error.code).toBe('TEAM_MEMBER_ENDED');
    const detail = (await send(communeA, 'GET', `/api/teams/${team.id}?date=2025-10-05`)).json();
    expect(detail.members.map((m: { fullName: string; active: boolean }) => [m.fullName, m.active]))
      .toEqual([['Nguyễn Văn An', false], ['Trần Bình', true], ['Lê Cường', true]]);
    const list = (await send(communeA, 'GET', '/api/teams?unit=6600102&date=2025-10-05')).json();
    expect(list.items[0]).toMatchObject({ activeMembers: 2, leaderName: 'Trần Bình' });
  });

  it('records the founding decision after the fact', async () => {
    const patched = await send(communeA, 'PATCH', `/api/teams/${team.id}`, { decisionNumber: '45/QĐ-UBND', decisionDate: '2025-07-12' });
    expect(patched.json()).toMatchObject({ decisionNumber: '45/QĐ-UBND', decisionDate: '2025-07-12', name: 'Tổ CNS 6600102' });
  });
});

describe('moving a member to another team', () => {
  it('ends the membership here and starts one there on the same day, or neither', async () => {
    // The teams the tests above set up, or new ones.
    const teamOf = async (user: TestUser, unit: string) => ((await send(province, 'GET', `/api/teams?unit=${unit}`)).json().items[0] as { id: string } | undefined) ?? createTeam(user, unit);
    const from = await teamOf(communeA, '6600101');
    const to = await teamOf(communeA, '6600102');
    const member = (await addMember(communeA, from.id, { fullName: 'Phan Thị Dung', phone: '0912345678' })).json();
    const moved = await send(communeA, 'POST', `/api/teams/${from.id}/members/${member.id}/move`, { toTeamId: to.id, on: '2025-11-01' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ fullName: 'Phan Thị Dung', phone: '0912345678', joinedOn: '2025-11-01', active: true });
    const left = (await send(communeA, 'GET', `/api/teams/${from.id}?date=2025-11-01`)).json().members.find((m: { id: string }) => m.id === member.id);
    expect(left).toMatchObject({ leftOn: '2025-11-01', active: false });

    // Into a team of another commune: refused whole, the membership here untouched.
    const other = await teamOf(communeB, '6600201');
    const stay = (await addMember(communeA, from.id, { fullName: 'Võ Văn Em' })).json();
    const refused = await send(communeA, 'POST', `/api/teams/${from.id}/members/${stay.id}/move`, { toTeamId: other.id, on: '2025-11-01' });
    expect(refused.statusCode).toBe(404);
    const still = (await send(communeA, 'GET', `/api/teams/${from.id}?date=2025-11-02`)).json().members.find((m: { id: string }) => m.id === stay.id);
    expect(still).toMatchObject({ leftOn: null, active: true });
  });
});

describe('steering committees', () => {
  const body = {
    decisionNumber: '01/QĐ-UBND',
    decisionDate: '2025-07-05',
    members: [
      { fullName: 'Hoàng Văn Chủ', position: 'Bí thư Đảng ủy xã', committeeRole: 'chair' },
      { fullName: 'Đinh Thị Phó', position: 'Chủ tịch UBND xã', committeeRole: 'deputy', userId: '0190c3c1-0000-7000-8000-000000000000' },
    ],
  };

  it('is recorded by the commune\'s officer, read in scope, and only for communes', async () => {
    expect((await send(communeA, 'GET', '/api/committees/66001')).json().error.code).toBe('COMMITTEE_NOT_FOUND');
    const unknownUser = await send(communeA, 'PUT', '/api/committees/66001', body);
    expect(unknownUser.json().error).toMatchObject({ code: 'LINKED_USER_INVALID', field: 'members[1].userId' });
    expect((await send(communeA, 'GET', '/api/committees/66001')).statusCode).toBe(404);
    const withUser = { ...body, members: [body.members[0], { ...body.members[1], userId: communeA.id }] };
    const put = await send(communeA, 'PUT', '/api/committees/66001', withUser);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ unitCode: '66001', provinceCode: '66', decisionNumber: '01/QĐ-UBND', members: [{ committeeRole: 'chair' }, { committeeRole: 'deputy', userId: communeA.id }] });
    expect((await send(province, 'GET', '/api/committees/66001')).json().members).toHaveLength(2);
    expect((await send(communeB, 'GET', '/api/committees/66001')).json().error.code).toBe('UNIT_NOT_FOUND');
    expect((await send(communeB, 'PUT', '/api/committees/66001', withUser)).statusCode).toBe(404);
    expect((await send(province, 'PUT', '/api/committees/6600101', withUser)).json().error.code).toBe('COMMITTEE_UNIT_INVALID');
    const twoChairs = await send(province, 'PUT', '/api/committees/66002', { ...body, members: [body.members[0], { ...body.members[0], fullName: 'Khác' }] });
    expect(twoChairs.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'members[1].committeeRole' });
    const replaced = await send(province, 'PUT', '/api/committees/66001', { ...body, decisionNumber: '07/QĐ-UBND', members: [body.members[0]] });
    expect(replaced.json()).toMatchObject({ decisionNumber: '07/QĐ-UBND', members: [{ fullName: 'Hoàng Văn Chủ' }] });
  });

  it('answers in English on request', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/committees/66003', headers: { ...province.headers, 'accept-language': 'en' } });
    expect(response.json().error.message).toBe('The unit has no steering committee yet');
  });
});

describe('API document', () => {
  it('describes the team and committee routes, the import taking CSV or XLSX', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/teams/', '/api/teams/import', '/api/teams/{id}/leader', '/api/committees/{unitCode}']));
    expect(Object.keys(doc.paths['/api/teams/import'].post.requestBody.content)).toEqual(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
  });
});
