import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { deviceOf, items, statuses } from '../../testing/sync-fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { weekStart } from './team-desk.service.js';

const VILLAGE = '6600101';
const OTHER_VILLAGE = '6600201';
// A 1×1 PNG, as a phone would send a (much larger) downscaled photo.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

let t: TestApp;
let leader: TestUser;
let member: TestUser;
let outsider: TestUser;
let commune: TestUser;
let householdIds: string[];
let residentIds: string[];
let otherHousehold: string;

const send = (user: TestUser, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: user.headers, ...(payload && { payload }) });

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
  leader = await createUserAndLogin(t.app, { role: 'team_leader', scopeUnitCode: VILLAGE, displayName: 'Y Blu Niê' });
  member = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: VILLAGE, displayName: 'H Hoa Mlô' });
  outsider = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: VILLAGE });
  const team = (await send(commune, 'POST', '/api/teams', { unitCode: VILLAGE, name: 'Tổ CNS', establishedOn: '2025-07-15' })).json() as { id: string };
  for (const [user, role] of [[leader, 'leader'], [member, 'member']] as const) {
    const added = await send(commune, 'POST', `/api/teams/${team.id}/members`, { fullName: user.username, affiliation: 'resident', role, joinedOn: '2025-07-15', userId: user.id });
    expect(added.statusCode).toBe(201);
  }
  const batch = [0, 1, 2].flatMap(() => {
    const household = items.household({ villageCode: VILLAGE });
    return [household, items.resident({ householdId: household.data.id as string })];
  });
  expect(statuses(await deviceOf(t.app, leader).pushOk(batch))).toEqual(batch.map(() => 'applied'));
  householdIds = batch.filter((i) => i.kind === 'household').map((i) => i.data.id as string);
  residentIds = batch.filter((i) => i.kind === 'resident').map((i) => i.data.id as string);
  const elsewhere = items.household({ villageCode: OTHER_VILLAGE });
  const otherTeam = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: OTHER_VILLAGE });
  await deviceOf(t.app, otherTeam).pushOk([elsewhere]);
  otherHousehold = elsewhere.data.id as string;
});
afterAll(() => t.close());

describe('the team leader\'s desk', () => {
  it('is the leader\'s and the officers\', not a member\'s', async () => {
    expect((await send(member, 'GET', `/api/team-desk?village=${VILLAGE}`)).statusCode).toBe(403);
    expect((await send(commune, 'GET', `/api/team-desk?village=${VILLAGE}`)).statusCode).toBe(200);
    expect((await send(leader, 'GET', `/api/team-desk?village=${OTHER_VILLAGE}`)).statusCode).toBe(404);
  });

  it('counts the day and the week by member, and tells whose phone synced when', async () => {
    const phone = deviceOf(t.app, member);
    const now = new Date().toISOString();
    const guided = items.visit({ householdId: householdIds[0]!, peoplePresent: [residentIds[0]!], help: [{ residentId: residentIds[0]!, milestone: 'vneid_activated' }] }, now);
    const notHome = items.visit({ householdId: householdIds[1]!, outcome: 'not_home' }, now);
    expect(statuses(await phone.pushOk([guided, notHome]))).toEqual(['applied', 'applied']);
    expect((await phone.pull(VILLAGE)).statusCode).toBe(200);

    const desk = (await send(leader, 'GET', `/api/team-desk?village=${VILLAGE}`)).json();
    expect(desk.day).toBe(vietnamDay());
    expect(desk.weekFrom).toBe(weekStart(vietnamDay()));
    const row = desk.members.find((m: { userId: string }) => m.userId === member.id);
    expect(row.day).toEqual({ visits: 2, peopleGuided: 1, milestones: 1 });
    expect(row.week).toEqual({ visits: 2, peopleGuided: 1, milestones: 1 });
    expect(Date.parse(row.lastSyncedAt)).toBeGreaterThan(Date.now() - 60_000);
    const leaderRow = desk.members.find((m: { userId: string }) => m.userId === leader.id);
    expect(leaderRow).toMatchObject({ isLeader: true, lastSyncedAt: null, day: { visits: 0, peopleGuided: 0, milestones: 0 } });
  });

  it('assigns and reassigns households, and the member\'s phone receives its own', async () => {
    const assign = await send(leader, 'POST', '/api/team-desk/assignments', { village: VILLAGE, householdIds: householdIds.slice(0, 2), userId: member.id });
    expect(assign.json()).toEqual({ assigned: 2 });
    let pulled = (await deviceOf(t.app, member).pull(VILLAGE)).json();
    expect(new Set(pulled.assignedToMe)).toEqual(new Set(householdIds.slice(0, 2)));

    await send(leader, 'POST', '/api/team-desk/assignments', { village: VILLAGE, householdIds: [householdIds[1]!], userId: leader.id });
    pulled = (await deviceOf(t.app, member).pull(VILLAGE)).json();
    expect(pulled.assignedToMe).toEqual([householdIds[0]]);
    const desk = (await send(leader, 'GET', `/api/team-desk?village=${VILLAGE}`)).json();
    expect(desk.members.find((m: { userId: string }) => m.userId === leader.id).assignedHouseholds).toBe(1);

    await send(leader, 'POST', '/api/team-desk/assignments', { village: VILLAGE, householdIds: [householdIds[0]!], userId: null });
    expect((await deviceOf(t.app, member).pull(VILLAGE)).json().assignedToMe).toEqual([]);
  });

  it('refuses households of another village and people not on the team, naming the field, writing nothing', async () => {
    const stray = await send(leader, 'POST', '/api/team-desk/assignments', { village: VILLAGE, householdIds: [householdIds[2]!, otherHousehold], userId: member.id });
    expect(stray.statusCode).toBe(404);
    expect(stray.json().error).toMatchObject({ code: 'HOUSEHOLD_NOT_FOUND', field: 'householdIds[1]' });
    const notOnTeam = await send(leader, 'POST', '/api/team-desk/assignments', { village: VILLAGE, householdIds: [householdIds[2]!], userId: outsider.id });
    expect(notOnTeam.statusCode).toBe(422);
    expect(notOnTeam.json().error).toMatchObject({ code: 'ASSIGNEE_NOT_MEMBER', field: 'userId' });
    const desk = (await send(leader, 'GET', `/api/team-desk?village=${VILLAGE}`)).json();
    expect(desk.assignments.map((a: { householdId: string }) => a.householdId)).not.toContain(householdIds[2]);
  });

  it('shows who changed a record last, and when', async () => {
    const pulled = (await deviceOf(t.app, leader).pull(VILLAGE)).json();
    const resident = pulled.residents.find((r: { id: string }) => r.id === residentIds[0]);
    expect(resident).toMatchObject({ updatedBy: 'Y Blu Niê' });
    expect(Date.parse(resident.updatedAt)).not.toBeNaN();
  });
});

describe('difficulties raised from the field, offline through the outbox', () => {
  it('takes one with a photo and one without, once each however often the phone resends', async () => {
    const phone = deviceOf(t.app, leader);
    const withPhoto = { id: uuidv7(), kind: 'difficulty', recordedAt: new Date().toISOString(), data: { unitCode: VILLAGE, category: 'weak_network', description: 'Buôn không có sóng', photo: PNG } };
    const without = { id: uuidv7(), kind: 'difficulty', recordedAt: new Date().toISOString(), data: { unitCode: VILLAGE, category: 'no_devices', description: 'Thiếu điện thoại' } };
    const batch = [withPhoto, without] as unknown as Parameters<typeof phone.pushOk>[0];
    expect(statuses(await phone.pushOk(batch))).toEqual(['applied', 'applied']);
    expect(statuses(await phone.pushOk(batch))).toEqual(['duplicate', 'duplicate']);

    const list = (await send(leader, 'GET', `/api/difficulties?unit=${VILLAGE}&status=open`)).json();
    expect(list.items.map((d: { id: string; hasPhoto: boolean }) => [d.id, d.hasPhoto])).toEqual([[without.id, false], [withPhoto.id, true]]);
    const photo = await send(commune, 'GET', `/api/difficulties/${withPhoto.id}/photo`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect((await send(commune, 'GET', `/api/difficulties/${without.id}/photo`)).statusCode).toBe(404);
  });

  it('refuses a photo too large or not an image, item by item, naming the field', async () => {
    const big = `data:image/jpeg;base64,${Buffer.alloc(310 * 1024, 7).toString('base64')}`;
    const make = (photo: string) => ({ id: uuidv7(), kind: 'difficulty', recordedAt: new Date().toISOString(), data: { unitCode: VILLAGE, category: 'other', description: 'Ảnh', photo } });
    const body = await deviceOf(t.app, leader).pushOk([make(big), make('data:text/html;base64,PGI+')] as unknown as Parameters<ReturnType<typeof deviceOf>['pushOk']>[0]);
    expect(body.results.map((r) => [r.status, r.error?.code, r.error?.field])).toEqual([
      ['rejected', 'PHOTO_TOO_LARGE', 'items[0].data.photo'],
      ['rejected', 'VALIDATION_FAILED', 'items[1].data.photo'],
    ]);
  });
});
