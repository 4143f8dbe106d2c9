import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { deviceOf, items, statuses, type Device } from '../../testing/sync-fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';

let t: TestApp;
let leader: TestUser;
let member: TestUser;
let communeOfficer: TestUser;
let otherCommuneOfficer: TestUser;
let phoneOfLeader: Device;
let phoneOfMember: Device;

const VILLAGE = '6600101';

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  leader = await createUserAndLogin(t.app, { role: 'team_leader', scopeUnitCode: VILLAGE });
  member = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: VILLAGE });
  communeOfficer = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
  otherCommuneOfficer = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66002' });
  phoneOfLeader = deviceOf(t.app, leader);
  phoneOfMember = deviceOf(t.app, member);
});
afterAll(() => t.close());

interface Conflict {
  recordId: string;
  recordKind: string;
  losingSide: string;
  lostData: Record<string, unknown>;
  lostDeviceId: string;
  lostUserId: string;
  baseRevision: number | null;
  storedRevision: number;
}

const conflictsFor = async (user: TestUser, unit: string, recordId?: string) => {
  const response = await t.app.inject({ method: 'GET', url: `/api/sync/conflicts?unit=${unit}&limit=500`, headers: user.headers });
  expect(response.statusCode).toBe(200);
  const list = response.json<{ items: Conflict[] }>().items;
  return recordId ? list.filter((c) => c.recordId === recordId) : list;
};

let residents = 0;

/** A resident both phones hold at revision 1. */
async function sharedResident() {
  residents += 1;
  const household = items.household({ villageCode: VILLAGE });
  const resident = items.resident({ householdId: household.data.id as string, nationalId: `06619000${4320 + residents}` });
  expect(statuses(await phoneOfLeader.pushOk([household, resident]))).toEqual(['applied', 'applied']);
  return { householdId: household.data.id as string, id: resident.data.id as string };
}

const storedName = async (id: string) =>
  (await t.db.selectFrom('residents').select(['full_name', 'revision']).where('id', '=', id).executeTakeFirstOrThrow());

describe('two devices editing one resident', () => {
  it('keeps the later write when it arrives first, and flags the earlier one that arrives late', async () => {
    const { householdId, id } = await sharedResident();
    const later = items.resident({ id, householdId, fullName: 'Tên của trưởng thôn', baseRevision: 1 }, '2025-08-01T10:05:00+07:00');
    const earlier = items.resident({ id, householdId, fullName: 'Tên của tổ viên', baseRevision: 1, nationalId: '066190004321' }, '2025-08-01T10:00:00+07:00');
    expect(residents).toBe(1);
    expect(statuses(await phoneOfLeader.pushOk([later]))).toEqual(['applied']);
    expect(statuses(await phoneOfMember.pushOk([earlier]))).toEqual(['conflict']);
    expect(await storedName(id)).toEqual({ full_name: 'Tên của trưởng thôn', revision: 2 });

    const [conflict] = await conflictsFor(communeOfficer, '66001', id);
    expect(conflict).toMatchObject({
      recordKind: 'resident', losingSide: 'incoming', baseRevision: 1, storedRevision: 2,
      lostDeviceId: phoneOfMember.deviceId, lostUserId: member.id,
      lostData: { fullName: 'Tên của tổ viên', nationalIdLast4: '4321' },
    });
    expect(JSON.stringify(conflict)).not.toContain('066190004321');
    // A replay of the losing write changes nothing and is not listed twice.
    expect(statuses(await phoneOfMember.pushOk([earlier]))).toEqual(['duplicate']);
    expect(await conflictsFor(communeOfficer, '66001', id)).toHaveLength(1);
  });

  it('lets the later write replace the stored one when it arrives second, and keeps the replaced one', async () => {
    const { householdId, id } = await sharedResident();
    const earlier = items.resident({ id, householdId, fullName: 'Sửa lúc 10 giờ', baseRevision: 1 }, '2025-08-01T10:00:00+07:00');
    const later = items.resident({ id, householdId, fullName: 'Sửa lúc 11 giờ', baseRevision: 1 }, '2025-08-01T11:00:00+07:00');
    expect(statuses(await phoneOfLeader.pushOk([earlier]))).toEqual(['applied']);
    expect(statuses(await phoneOfMember.pushOk([later]))).toEqual(['applied']);
    expect(await storedName(id)).toEqual({ full_name: 'Sửa lúc 11 giờ', revision: 3 });
    expect(await conflictsFor(communeOfficer, '66001', id)).toEqual([
      expect.objectContaining({ losingSide: 'stored', lostDeviceId: phoneOfLeader.deviceId, lostData: expect.objectContaining({ fullName: 'Sửa lúc 10 giờ' }) }),
    ]);
  });

  it('flags exactly one of two edits sent at the same moment, and keeps the later', async () => {
    const { householdId, id } = await sharedResident();
    const a = items.resident({ id, householdId, fullName: 'Cùng lúc A', baseRevision: 1 }, '2025-08-02T08:00:00+07:00');
    const b = items.resident({ id, householdId, fullName: 'Cùng lúc B', baseRevision: 1 }, '2025-08-02T08:01:00+07:00');
    await Promise.all([phoneOfLeader.pushOk([a]), phoneOfMember.pushOk([b])]);
    expect((await storedName(id)).full_name).toBe('Cùng lúc B');
    const flagged = await conflictsFor(communeOfficer, '66001', id);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.lostData.fullName).toBe('Cùng lúc A');
  });

  it('sees no conflict between a device and its own earlier edits', async () => {
    const { householdId, id } = await sharedResident();
    const first = items.resident({ id, householdId, fullName: 'Lần 1', baseRevision: 1 });
    const second = items.resident({ id, householdId, fullName: 'Lần 2', baseRevision: 1 });
    expect(statuses(await phoneOfLeader.pushOk([first]))).toEqual(['applied']);
    expect(statuses(await phoneOfLeader.pushOk([second]))).toEqual(['applied']);
    expect(await conflictsFor(communeOfficer, '66001', id)).toEqual([]);
  });

  it('handles households the same way', async () => {
    const household = items.household({ villageCode: VILLAGE, label: 'Hộ 1' });
    const id = household.data.id as string;
    await phoneOfLeader.pushOk([household]);
    const stale = items.household({ id, villageCode: VILLAGE, label: 'Hộ cũ', baseRevision: 1 }, '2025-08-01T07:00:00+07:00');
    await phoneOfMember.pushOk([items.household({ id, villageCode: VILLAGE, label: 'Hộ mới', baseRevision: 1 })]);
    expect(statuses(await phoneOfLeader.pushOk([stale]))).toEqual(['conflict']);
    expect(await conflictsFor(communeOfficer, '66001', id)).toEqual([expect.objectContaining({ recordKind: 'household', lostData: expect.objectContaining({ label: 'Hộ cũ' }) })]);
  });
});

describe('GET /api/sync/conflicts', () => {
  it('is for officers, inside their scope', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/sync/conflicts?unit=6600101', headers: member.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/sync/conflicts?unit=66001', headers: otherCommuneOfficer.headers })).statusCode).toBe(404);
    expect(await conflictsFor(otherCommuneOfficer, '66002')).toEqual([]);
    expect((await conflictsFor(communeOfficer, VILLAGE)).length).toBeGreaterThanOrEqual(4);
  });

  it('pages by id', async () => {
    const all = await conflictsFor(communeOfficer, '66001');
    const first = await t.app.inject({ method: 'GET', url: '/api/sync/conflicts?unit=66001&limit=2', headers: communeOfficer.headers });
    const page = first.json<{ items: { id: string }[]; next: string }>();
    expect(page.items).toHaveLength(2);
    const second = await t.app.inject({ method: 'GET', url: `/api/sync/conflicts?unit=66001&limit=500&after=${page.next}`, headers: communeOfficer.headers });
    expect(second.json().items).toHaveLength(all.length - 2);
  });
});

describe('POST /api/sync/conflicts/:id/resolve', () => {
  /** A resident the leader renamed last, with the member's earlier name waiting as a conflict. */
  async function openConflict() {
    const { householdId, id } = await sharedResident();
    await phoneOfLeader.pushOk([items.resident({ id, householdId, fullName: 'Tên giữ lại', birthYear: 1970, baseRevision: 1 }, '2025-08-01T10:05:00+07:00')]);
    expect(statuses(await phoneOfMember.pushOk([
      items.resident({ id, householdId, fullName: 'Tên bị thay', birthYear: 1971, baseRevision: 1 }, '2025-08-01T10:00:00+07:00'),
    ]))).toEqual(['conflict']);
    const [conflict] = await conflictsFor(communeOfficer, '66001', id);
    return { id, householdId, conflict: conflict as Conflict & { id: string; current: { revision: number; data: Record<string, unknown> } } };
  }
  const resolve = (user: TestUser, id: string, choice: string) =>
    t.app.inject({ method: 'POST', url: `/api/sync/conflicts/${id}/resolve`, headers: user.headers, payload: { choice } });

  it('lists the current version beside the replaced one', async () => {
    const { conflict } = await openConflict();
    expect(conflict.current).toMatchObject({ revision: 2, data: { fullName: 'Tên giữ lại', birthYear: 1970 } });
    expect(conflict.lostData).toMatchObject({ fullName: 'Tên bị thay', birthYear: 1971 });
  });

  it('keeps the current version: the record is unchanged and the conflict leaves the open list, with who settled it', async () => {
    const { id, conflict } = await openConflict();
    const response = await resolve(communeOfficer, conflict.id, 'keep');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ resolution: 'kept', resolvedBy: communeOfficer.id });
    expect(await storedName(id)).toEqual({ full_name: 'Tên giữ lại', revision: 2 });
    expect(await conflictsFor(communeOfficer, '66001', id)).toEqual([]);
    const all = await t.app.inject({ method: 'GET', url: '/api/sync/conflicts?unit=66001&limit=500&state=all', headers: communeOfficer.headers });
    expect(all.json<{ items: { id: string; resolution: string }[] }>().items.find((c) => c.id === conflict.id)?.resolution).toBe('kept');
    const audit = await t.db.selectFrom('audit_events').select(['action', 'actor_user_id']).where('subject', '=', conflict.id).execute();
    expect(audit).toEqual([{ action: 'sync.conflict.resolve', actor_user_id: communeOfficer.id }]);
  });

  it('restores the replaced version as a new edit on top of the current one, and answers 409 to a second choice', async () => {
    const { id, conflict } = await openConflict();
    const response = await resolve(communeOfficer, conflict.id, 'restore');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ resolution: 'restored', current: { revision: 3, data: { fullName: 'Tên bị thay', birthYear: 1971 } } });
    expect(await storedName(id)).toEqual({ full_name: 'Tên bị thay', revision: 3 });
    // Restoring is not itself a new conflict.
    expect(await conflictsFor(communeOfficer, '66001', id)).toEqual([]);
    const again = await resolve(communeOfficer, conflict.id, 'keep');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'CONFLICT_SETTLED', field: 'id' });
  });

  it('settles a conflict once when two officers choose at the same moment', async () => {
    const { conflict } = await openConflict();
    const answers = await Promise.all([resolve(communeOfficer, conflict.id, 'restore'), resolve(communeOfficer, conflict.id, 'keep')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
  });

  it('is for officers of the village\'s commune or above, with a choice it knows', async () => {
    const { conflict } = await openConflict();
    expect((await resolve(member, conflict.id, 'keep')).statusCode).toBe(403);
    const outside = await resolve(otherCommuneOfficer, conflict.id, 'keep');
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('CONFLICT_NOT_FOUND');
    const unknownChoice = await resolve(communeOfficer, conflict.id, 'merge');
    expect(unknownChoice.statusCode).toBe(400);
    expect((await resolve(communeOfficer, '01890000-0000-7000-8000-000000000000', 'keep')).statusCode).toBe(404);
    expect((await conflictsFor(communeOfficer, '66001', conflict.recordId))).toHaveLength(1);
  });
});
