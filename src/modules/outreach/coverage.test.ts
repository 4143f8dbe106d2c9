import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { deviceOf, items, statuses, type Device, type SyncItem } from '../../testing/sync-fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';

let t: TestApp;
let communeOfficer: TestUser;
let memberA: TestUser;
let device: Device;

const A = '6600101';
const B = '6600102';
const REGISTERED = '2025-08-01T08:00:00+07:00';

/** Households (with residents) of a village, registered on 1 August; answers their ids. */
async function village(code: string, households: number, residentsEach: number) {
  const batch: SyncItem[] = [];
  const made: { id: string; residents: string[] }[] = [];
  for (let i = 0; i < households; i += 1) {
    const household = items.household({ villageCode: code, label: `Hộ ${code}-${i}` }, REGISTERED);
    const residents = Array.from({ length: residentsEach }, (_, j) => items.resident({ householdId: household.data.id as string, fullName: `Người ${i}.${j}` }, REGISTERED));
    batch.push(household, ...residents);
    made.push({ id: household.data.id as string, residents: residents.map((r) => r.data.id as string) });
  }
  expect(statuses(await device.pushOk(batch)).every((s) => s === 'applied')).toBe(true);
  return made;
}

let inA: Awaited<ReturnType<typeof village>>;
let inB: Awaited<ReturnType<typeof village>>;
let lateVisit: SyncItem;

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  communeOfficer = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
  memberA = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: A });
  device = deviceOf(t.app, communeOfficer);
  inA = await village(A, 4, 2);
  inB = await village(B, 2, 1);
  const [a0, a1, a2] = inA;
  lateVisit = items.visit({ householdId: a2!.id, visitedAt: '2025-08-10T09:00:00+07:00' });
  const body = await device.pushOk([
    // 23:30 in Vietnam is still 5 August there, though it is 16:30 UTC.
    items.visit({ householdId: a0!.id, visitedAt: '2025-08-05T23:30:00+07:00', help: [{ residentId: a0!.residents[0], milestone: 'vneid_activated' }, { residentId: a0!.residents[1], milestone: 'vneid_activated' }] }),
    items.visit({ householdId: a0!.id, visitedAt: '2025-08-07T09:00:00+07:00', help: [{ residentId: a0!.residents[0], milestone: 'vneid_activated' }] }),
    // 00:30 on 6 August in Vietnam, written in UTC.
    items.visit({ householdId: a1!.id, visitedAt: '2025-08-05T17:30:00Z', help: [{ residentId: a1!.residents[0], milestone: 'cashless_payment' }] }),
    lateVisit,
    items.visit({ householdId: inB[0]!.id, visitedAt: '2025-08-06T10:00:00+07:00', outcome: 'not_home' }),
    items.milestone({ residentId: inB[0]!.residents[0]!, kind: 'vneid_activated', achievedOn: '2025-07-20' }),
  ]);
  expect(statuses(body).every((s) => s === 'applied')).toBe(true);
});
afterAll(() => t.close());

const coverage = async (user: TestUser, query: string) => {
  const response = await t.app.inject({ method: 'GET', url: `/api/coverage?${query}`, headers: user.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('GET /api/coverage', () => {
  it('gives households covered (someone guided) ÷ households, residents and milestones, per child unit', async () => {
    const c = await coverage(communeOfficer, 'unit=66001&date=2025-08-31');
    // The "not home" household of village B is visited but not covered: it is to come back to.
    expect(c).toMatchObject({
      unit: { code: '66001', tier: 'commune' }, date: '2025-08-31',
      households: 6, householdsVisited: 4, householdsCovered: 3, householdsToComeBack: 1, rate: 0.5, residents: 10,
    });
    // Distinct people: a resident helped twice to the same milestone counts once.
    expect(c.milestones).toMatchObject({ vneid_activated: 3, cashless_payment: 1, vneid_level2: 0 });
    expect(c.children).toEqual([
      { unit: expect.objectContaining({ code: A }), households: 4, householdsVisited: 3, householdsCovered: 3, householdsToComeBack: 0, rate: 0.75 },
      { unit: expect.objectContaining({ code: B }), households: 2, householdsVisited: 1, householdsCovered: 0, householdsToComeBack: 1, rate: 0 },
    ]);
  });

  it('counts each fact on its Vietnam local day', async () => {
    const on = async (date: string) => {
      const c = await coverage(communeOfficer, `unit=${A}&date=${date}`);
      return [c.households, c.householdsVisited, c.milestones.vneid_activated, c.milestones.cashless_payment];
    };
    expect(await on('2025-07-31')).toEqual([0, 0, 0, 0]);
    expect(await on('2025-08-05')).toEqual([4, 1, 2, 0]);
    expect(await on('2025-08-06')).toEqual([4, 2, 2, 1]);
    expect(await on('2025-08-10')).toEqual([4, 3, 2, 1]);
  });

  it('moves the counts when a correction supersedes a visit', async () => {
    const correction = items.visit({ householdId: inA[2]!.id, visitedAt: '2025-08-12T09:00:00+07:00', supersedes: lateVisit.id, help: [{ residentId: inA[2]!.residents[0], milestone: 'vneid_level2' }] });
    expect(statuses(await device.pushOk([correction]))).toEqual(['applied']);
    expect((await coverage(communeOfficer, `unit=${A}&date=2025-08-10`)).householdsVisited).toBe(2);
    const later = await coverage(communeOfficer, `unit=${A}&date=2025-08-12`);
    expect([later.householdsVisited, later.milestones.vneid_level2]).toEqual([3, 1]);

    const again = items.visit({ householdId: inA[2]!.id, supersedes: lateVisit.id });
    expect((await device.pushOk([again])).results[0]!.error).toMatchObject({ code: 'VISIT_ALREADY_SUPERSEDED', field: 'items[0].data.supersedes' });
    const elsewhere = items.visit({ householdId: inA[3]!.id, supersedes: correction.id });
    expect((await device.pushOk([elsewhere])).results[0]!.error).toMatchObject({ code: 'VISIT_NOT_FOUND', field: 'items[0].data.supersedes' });

    // Correcting away the help takes the milestone back.
    const withoutHelp = items.visit({ householdId: inA[2]!.id, visitedAt: '2025-08-12T09:00:00+07:00', supersedes: correction.id });
    expect(statuses(await device.pushOk([withoutHelp]))).toEqual(['applied']);
    expect((await coverage(communeOfficer, `unit=${A}&date=2025-08-31`)).milestones.vneid_level2).toBe(0);
  });

  it('keeps a household tried without guidance on the come-back list until someone is guided', async () => {
    const [, , , a3] = inA;
    const pullState = async () => {
      const body = (await device.pull(A, '&limit=2000')).json();
      return body.householdStates.find((s: { householdId: string }) => s.householdId === a3!.id);
    };
    expect(await pullState()).toBeUndefined();
    const shut = items.visit({ householdId: a3!.id, visitedAt: '2025-08-20T09:00:00+07:00', outcome: 'not_home' });
    const refused = items.visit({ householdId: a3!.id, visitedAt: '2025-08-21T09:00:00+07:00', outcome: 'refused' });
    expect(statuses(await device.pushOk([refused, shut]))).toEqual(['applied', 'applied']);
    // The last try is the latest by time, whatever the order they were sent in.
    expect(await pullState()).toEqual({ householdId: a3!.id, status: 'come_back', lastTriedAt: '2025-08-21T02:00:00.000Z', lastOutcome: 'refused' });
    const before = await coverage(communeOfficer, `unit=${A}&date=2025-08-31`);
    expect([before.householdsVisited, before.householdsCovered, before.householdsToComeBack]).toEqual([4, 3, 1]);

    const guided = items.visit({ householdId: a3!.id, visitedAt: '2025-08-22T09:00:00+07:00', outcome: 'guided', help: [{ residentId: a3!.residents[0], milestone: 'provincial_app' }] });
    expect(statuses(await device.pushOk([guided]))).toEqual(['applied']);
    expect(await pullState()).toMatchObject({ status: 'covered', lastOutcome: 'guided' });
    expect((await coverage(communeOfficer, `unit=${A}&date=2025-08-21`)).householdsCovered).toBe(3);
    const after = await coverage(communeOfficer, `unit=${A}&date=2025-08-31`);
    expect([after.householdsVisited, after.householdsCovered, after.householdsToComeBack, after.rate]).toEqual([4, 4, 0, 1]);

    // Correcting the guided visit into "follow up" puts the household back on the list.
    const corrected = items.visit({ householdId: a3!.id, visitedAt: '2025-08-22T09:00:00+07:00', outcome: 'follow_up', supersedes: guided.id });
    expect(statuses(await device.pushOk([corrected]))).toEqual(['applied']);
    expect(await pullState()).toMatchObject({ status: 'come_back', lastOutcome: 'follow_up' });
    expect((await coverage(communeOfficer, `unit=${A}&date=2025-08-31`)).householdsCovered).toBe(3);
  });

  it('records "skills confirmed (guided)" with the skills checked, and refuses skills without that milestone', async () => {
    const [a0] = inA;
    const person = a0!.residents[1]!;
    const confirmed = items.visit({
      householdId: a0!.id, visitedAt: '2025-08-25T09:00:00+07:00',
      help: [{ residentId: person, milestone: 'skills_confirmed', skills: ['online_safety', 'online_payment', 'online_safety'] }],
    });
    expect(statuses(await device.pushOk([confirmed]))).toEqual(['applied']);
    const fact = await t.db.selectFrom('milestones').select(['source', 'skills', 'kind']).where('visit_id', '=', confirmed.id).executeTakeFirstOrThrow();
    expect(fact).toEqual({ source: 'guided', skills: ['online_safety', 'online_payment'], kind: 'skills_confirmed' });
    expect((await coverage(communeOfficer, `unit=${A}&date=2025-08-31`)).milestones.skills_confirmed).toBe(1);

    const body = await device.pushOk([
      items.visit({ householdId: a0!.id, help: [{ residentId: person, milestone: 'vneid_level2', skills: ['online_safety'] }] }),
      items.visit({ householdId: a0!.id, help: [{ residentId: person, milestone: 'skills_confirmed', skills: ['online_safety', 'juggling'] }] }),
    ]);
    expect(body.results[0]!.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'items[0].data.help[0].skills' });
    expect(body.results[1]!.error).toMatchObject({ code: 'SKILL_UNKNOWN', field: 'items[1].data.help[0].skills[1]' });
  });

  it('shows a team member their own village only', async () => {
    expect((await coverage(memberA, `unit=${A}`)).households).toBe(4);
    expect((await t.app.inject({ method: 'GET', url: '/api/coverage?unit=66001', headers: memberA.headers })).statusCode).toBe(404);
  });
});

describe('GET /api/coverage/missing', () => {
  const missing = (user: TestUser, query: string) => t.app.inject({ method: 'GET', url: `/api/coverage/missing?${query}`, headers: user.headers });

  it('lists the residents who still lack a milestone, household by household, in pages', async () => {
    const lacking = inA.flatMap((h) => h.residents).filter((id) => id !== inA[0]!.residents[0] && id !== inA[0]!.residents[1]);
    const first = (await missing(memberA, `village=${A}&milestone=vneid_activated&limit=4`)).json();
    expect(first.items).toHaveLength(4);
    expect(first.items[0]).toMatchObject({ householdLabel: expect.stringMatching(/^Hộ 6600101-/), fullName: expect.any(String), groups: ['adult'] });
    const second = (await missing(memberA, `village=${A}&milestone=vneid_activated&limit=4&after=${first.next}`)).json();
    expect(second.next).toBeNull();
    expect([...first.items, ...second.items].map((r: { id: string }) => r.id).sort()).toEqual(lacking.sort());
  });

  it('checks the milestone and the scope', async () => {
    expect((await missing(memberA, `village=${A}&milestone=flying`)).json().error).toMatchObject({ code: 'MILESTONE_KIND_UNKNOWN', field: 'milestone' });
    expect((await missing(memberA, `village=${B}&milestone=vneid_activated`)).statusCode).toBe(404);
    const inVillageB = (await missing(communeOfficer, `village=${B}&milestone=vneid_activated`)).json().items;
    expect(inVillageB.map((r: { id: string }) => r.id)).toEqual([inB[1]!.residents[0]]);
  });
});
