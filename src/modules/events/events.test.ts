import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { deviceOf, items, statuses, type SyncItem } from '../../testing/sync-fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { issueCertificates } from '../learning/certificates/certificates.service.js';
import { recountRollups } from '../../rollup-sources.js';
import { snapshotRollups, sumRollups } from '../rollups/rollups.service.js';
import { DAKLAK_2025_PLAN } from '../targets/indicators/daklak-2025-plan.js';
import { installPlan } from '../targets/indicators/indicators.service.js';

let t: TestApp;
let province: TestUser;
let commune: TestUser;
let member: TestUser;
let otherCommune: TestUser;
let weekId: string;

beforeAll(async () => {
  t = await startTestApp({ seed: async (db) => {
    await createSmallProvince(db);
    await installPlan(db, DAKLAK_2025_PLAN, '66');
  } });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
  otherCommune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66002' });
  member = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: '6600101' });
  const week = await t.app.inject({
    method: 'POST', url: '/api/event-campaigns', headers: province.headers,
    payload: { provinceCode: '66', kind: 'week', title: 'Tuần lễ Bình dân học vụ số', startsOn: '2020-01-01', endsOn: '2099-12-31' },
  });
  expect(week.statusCode).toBe(201);
  weekId = week.json().id;
});
afterAll(() => t.close());

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

async function newEvent(user: TestUser, body: Record<string, unknown> = {}) {
  const response = await t.app.inject({
    method: 'POST', url: '/api/events', headers: user.headers,
    payload: { unitCode: '66001', type: 'week', title: 'Ngày hội số xã 1', startsAt: hoursFromNow(-1), endsAt: hoursFromNow(3), capacity: 3, skills: ['public_services'], campaignId: weekId, ...body },
  });
  if (response.statusCode !== 201) throw new Error(`${response.statusCode} ${response.body}`);
  return response.json<{ id: string; communeCode: string }>();
}

const register = (eventId: string, fullName: string) =>
  t.app.inject({ method: 'POST', url: `/api/events/${eventId}/registrations`, payload: { fullName, phone: '0905 123 456' } });

const checkIn = (data: Record<string, unknown>): SyncItem => ({ id: uuidv7(), kind: 'check_in' as SyncItem['kind'], recordedAt: new Date().toISOString(), data: { checkedInAt: new Date().toISOString(), ...data } });

const attendance = async (eventId: string, user = commune) => (await t.app.inject({ url: `/api/events/${eventId}/attendance`, headers: user.headers })).json();

describe('events and the Week campaign', () => {
  it('counts a commune as having organised the Week once, and names the communes that have not', async () => {
    await newEvent(commune);
    await newEvent(commune, { title: 'Lớp thứ hai' });
    const progress = (await t.app.inject({ url: `/api/event-campaigns/${weekId}/progress`, headers: province.headers })).json();
    expect(progress).toMatchObject({ organised: 1, communes: 3 });
    expect(progress.notOrganised.map((c: { code: string }) => c.code)).toEqual(['66002', '66003']);
    const seenByCommune = await t.app.inject({ url: `/api/event-campaigns/${weekId}/progress`, headers: commune.headers });
    expect(seenByCommune.json()).toMatchObject({ organised: 1, communes: 3 });
    const counted = await sumRollups(t.db, ['66001'], { exact: ['week_communes'] }, '2099-01-01');
    expect(counted[0]?.value).toBe(1);
  });

  it('refuses bad input naming the field, and keeps officers to their own units', async () => {
    const bad = async (payload: Record<string, unknown>, user = commune) => {
      const r = await t.app.inject({ method: 'POST', url: '/api/events', headers: user.headers, payload: { unitCode: '66001', type: 'class', title: 'Lớp', startsAt: hoursFromNow(1), endsAt: hoursFromNow(2), ...payload } });
      return { status: r.statusCode, code: r.json().error?.code, field: r.json().error?.field };
    };
    expect(await bad({ endsAt: hoursFromNow(0) })).toEqual({ status: 422, code: 'EVENT_DATES_INVALID', field: 'endsAt' });
    expect(await bad({ skills: ['public_services', 'juggling'] })).toEqual({ status: 422, code: 'SKILL_UNKNOWN', field: 'skills[1]' });
    expect(await bad({ unitCode: '66002' })).toMatchObject({ status: 404, field: 'unitCode' });
    expect(await bad({ type: 'party' })).toMatchObject({ status: 400 });
    expect(await bad({}, member)).toMatchObject({ status: 403 });
  });

  it('registers without login, gives a short code and a QR, and refuses past capacity', async () => {
    const event = await newEvent(commune, { capacity: 2 });
    const first = await register(event.id, 'H Lan Niê');
    expect(first.statusCode).toBe(201);
    expect(first.json().code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(first.json().qr).toContain('<svg');
    expect((await register(event.id, 'Y Bih')).statusCode).toBe(201);
    const full = await register(event.id, 'Ama Thuột');
    expect(full.statusCode).toBe(409);
    expect(full.json().error).toMatchObject({ code: 'EVENT_FULL' });
    const events = (await t.app.inject({ url: '/api/events?unit=6600101', headers: member.headers })).json();
    expect(events.items.find((e: { id: string }) => e.id === event.id)).toMatchObject({ registered: 2, communeCode: '66001' });
  });

  it('counts the same person checked in on two phones once after both sync, and walk-ins by head', async () => {
    const event = await newEvent(commune, { capacity: 2 });
    const { code } = (await register(event.id, 'H Lan Niê')).json();
    const phoneA = deviceOf(t.app, member);
    const phoneB = deviceOf(t.app, member);
    const offlineA = [checkIn({ eventId: event.id, registrationCode: code.toLowerCase(), skill: 'public_services' })];
    const offlineB = [checkIn({ eventId: event.id, registrationCode: code, skill: 'public_services' }), checkIn({ eventId: event.id, headCount: 2, skill: 'online_safety' })];
    expect(statuses(await phoneA.pushOk(offlineA))).toEqual(['applied']);
    expect(statuses(await phoneB.pushOk(offlineB))).toEqual(['duplicate', 'applied']);
    // A replayed batch changes nothing.
    expect(statuses(await phoneA.pushOk(offlineA))).toEqual(['duplicate']);
    expect(await attendance(event.id)).toMatchObject({ people: 1, attendances: 3, headCount: 2, capacity: 2, overCapacity: true });
  });

  it('refuses a check-in outside the event time plus grace, with the reason, and an unknown code', async () => {
    const event = await newEvent(commune, { startsAt: hoursFromNow(-10), endsAt: hoursFromNow(-6) });
    const body = await deviceOf(t.app, member).pushOk([
      checkIn({ eventId: event.id, headCount: 1 }),
      checkIn({ eventId: event.id, registrationCode: 'ZZZZZZ', checkedInAt: hoursFromNow(-7) }),
      checkIn({ eventId: event.id, headCount: 1, residentId: uuidv7(), checkedInAt: hoursFromNow(-7) }),
    ]);
    expect(body.results.map((r) => [r.status, r.error?.code, r.error?.field])).toEqual([
      ['rejected', 'CHECK_IN_OUTSIDE_EVENT', 'items[0].data.checkedInAt'],
      ['rejected', 'REGISTRATION_NOT_FOUND', 'items[1].data.registrationCode'],
      ['rejected', 'VALIDATION_FAILED', 'items[2].data.registrationCode'],
    ]);
    const elsewhere = await newEvent(otherCommune, { unitCode: '66002' });
    const hidden = await deviceOf(t.app, member).pushOk([checkIn({ eventId: elsewhere.id, headCount: 1 })]);
    expect(hidden.results[0]?.error?.code).toBe('EVENT_NOT_FOUND');
  });

  it('checks in a resident picked from the village list once, even when also registered by the team', async () => {
    const event = await newEvent(commune);
    const household = items.household({ villageCode: '6600101' });
    const resident = items.resident({ householdId: household.data.id as string });
    await deviceOf(t.app, member).pushOk([household, resident]);
    const registered = await t.app.inject({ method: 'POST', url: `/api/events/${event.id}/registrations`, headers: member.headers, payload: { fullName: 'H Lan Niê', residentId: resident.data.id } });
    expect(registered.statusCode).toBe(201);
    const body = await deviceOf(t.app, member).pushOk([
      checkIn({ eventId: event.id, residentId: resident.data.id }),
      checkIn({ eventId: event.id, registrationCode: registered.json().code }),
    ]);
    expect(statuses(body)).toEqual(['applied', 'duplicate']);
    expect(await attendance(event.id, member)).toMatchObject({ people: 1, attendances: 1 });
  });

  it('checks in the holder of a certificate by its code (scanned or typed) as the same person as the resident', async () => {
    const event = await newEvent(commune);
    const household = items.household({ villageCode: '6600101' });
    const resident = items.resident({ householdId: household.data.id as string });
    await deviceOf(t.app, member).pushOk([household, resident]);
    const [certificate] = await issueCertificates(t.db, [{
      milestoneId: null, residentId: resident.data.id as string, userId: null, skills: null, achievedOn: '2026-11-20',
      source: 'test', unitCode: '6600101', provinceCode: '66',
    }]);
    const typed = `${certificate!.code.slice(0, 5).toLowerCase()}-${certificate!.code.slice(5)}`;
    const body = await deviceOf(t.app, member).pushOk([
      checkIn({ eventId: event.id, certificateCode: typed }),
      checkIn({ eventId: event.id, residentId: resident.data.id }),
      checkIn({ eventId: event.id, certificateCode: 'ABCDEFGHJK' }),
    ]);
    expect(body.results.map((r) => [r.status, r.error?.code, r.error?.field])).toEqual([
      ['applied', undefined, undefined],
      ['duplicate', undefined, undefined],
      ['rejected', 'CERTIFICATE_NOT_FOUND', 'items[2].data.certificateCode'],
    ]);
    expect(await attendance(event.id, member)).toMatchObject({ people: 1, attendances: 1 });
  });

  it('keeps the Week participants equal to the attendances written, and the rebuild reproduces every count', async () => {
    const events = (await t.app.inject({ url: '/api/events?unit=66', headers: province.headers })).json().items as { id: string; campaignId: string | null }[];
    let written = 0;
    for (const event of events.filter((e) => e.campaignId === weekId)) written += (await attendance(event.id, province)).attendances;
    expect(written).toBeGreaterThan(0);
    const week = await sumRollups(t.db, ['66001'], { exact: ['week_participants', 'event_attendances'] }, '2099-01-01');
    expect(week.find((r) => r.source === 'week_participants')?.value).toBe(written);
    // The dashboard's Week figure is the check-ins where events were held, and says so.
    const progress = (await t.app.inject({ url: '/api/progress?unit=66001', headers: province.headers })).json();
    expect(progress.indicators.find((i: { code: string }) => i.code === 'week_participants')).toMatchObject({ numerator: written, source: 'events' });
    const without = (await t.app.inject({ url: '/api/progress?unit=66003', headers: province.headers })).json();
    expect(without.indicators.find((i: { code: string }) => i.code === 'week_participants')).toMatchObject({ source: 'reported' });
    // The province sums its communes: check-ins where held, typed figures elsewhere (none here).
    const atProvince = (await t.app.inject({ url: '/api/progress?unit=66', headers: province.headers })).json();
    expect(atProvince.indicators.find((i: { code: string }) => i.code === 'week_participants')).toMatchObject({ numerator: written, source: 'events' });
    const before = await snapshotRollups(t.db);
    await t.db.transaction().execute((trx) => recountRollups(trx));
    expect(await snapshotRollups(t.db)).toEqual(before);
  });
});

describe('attendance of a unit across its events', () => {
  it('counts a person once across the events of a commune and its villages, attendances per event, walk-ins by head, per skill, within the days asked', async () => {
    const villageMember = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: '6600201' });
    const atCommune = await newEvent(otherCommune, { unitCode: '66002', capacity: 50, skills: ['public_services', 'online_safety'] });
    const atVillage = await newEvent(otherCommune, { unitCode: '6600201', capacity: 50, skills: ['public_services'] });
    const household = items.household({ villageCode: '6600201' });
    const resident = items.resident({ householdId: household.data.id as string });
    const phone = deviceOf(t.app, villageMember);
    await phone.pushOk([household, resident]);
    expect(statuses(await phone.pushOk([
      checkIn({ eventId: atCommune.id, residentId: resident.data.id, skill: 'public_services' }),
      checkIn({ eventId: atVillage.id, residentId: resident.data.id, skill: 'public_services' }),
      checkIn({ eventId: atCommune.id, headCount: 4, skill: 'online_safety' }),
    ]))).toEqual(['applied', 'applied', 'applied']);

    const ask = (query: string, user = otherCommune) => t.app.inject({ url: `/api/events/attendance?${query}`, headers: user.headers });
    const whole = await ask('unit=66002');
    expect(whole.statusCode, whole.body).toBe(200);
    expect(whole.json()).toMatchObject({ unitCode: '66002', events: 2, people: 1, attendances: 6, headCount: 4 });
    expect(whole.json().bySkill).toEqual([
      { skill: 'online_safety', people: 0, attendances: 4, events: 1 },
      { skill: 'public_services', people: 1, attendances: 2, events: 2 },
    ]);
    // The village alone holds one of the two events.
    expect((await ask('unit=6600201')).json()).toMatchObject({ events: 1, people: 1, attendances: 1, headCount: 0 });
    // Days outside the check-ins count nothing; a span that ends before it starts is refused, naming the field.
    expect((await ask('unit=66002&from=2020-01-01&to=2020-12-31')).json()).toMatchObject({ events: 0, people: 0, attendances: 0, bySkill: [] });
    const reversed = await ask('unit=66002&from=2026-02-01&to=2026-01-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });
    expect((await ask('unit=66002&from=yesterday')).statusCode).toBe(400);
    // Another commune's officer does not see it; nor does a team member (officers' figure).
    expect((await ask('unit=66002', commune)).statusCode).toBe(404);
    expect((await ask('unit=66002', villageMember)).statusCode).toBe(403);
  });
});
