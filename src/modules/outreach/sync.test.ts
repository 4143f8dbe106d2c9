import zlib from 'node:zlib';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { deviceOf, items, statuses, type Device, type SyncItem } from '../../testing/sync-fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { snapshotRollups } from '../rollups/rollups.service.js';

let t: TestApp;
let memberA: TestUser;
let memberB: TestUser;
let deviceA: Device;
let deviceB: Device;

const VILLAGE_A = '6600101';
const VILLAGE_B = '6600201';

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  memberA = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: VILLAGE_A });
  memberB = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: VILLAGE_B });
  deviceA = deviceOf(t.app, memberA);
  deviceB = deviceOf(t.app, memberB);
});
afterAll(() => t.close());

/** Rows of every table sync writes, and every count: what must not move when nothing is applied. */
async function everything() {
  const tables = ['households', 'residents', 'visits', 'milestones', 'resident_milestones', 'household_visits', 'sync_items', 'sync_conflicts'] as const;
  const counts = {} as Record<(typeof tables)[number], number>;
  for (const table of tables) {
    const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db);
    counts[table] = Number(row.rows[0]!.n);
  }
  return { counts, rollups: await snapshotRollups(t.db) };
}

/** A household with one resident, a visit that helps them and a milestone: one of each kind. */
function oneOfEach(village = VILLAGE_A): SyncItem[] {
  const household = items.household({ villageCode: village });
  const householdId = household.data.id as string;
  const resident = items.resident({ householdId });
  const residentId = resident.data.id as string;
  return [
    household,
    resident,
    items.visit({ householdId, peoplePresent: [residentId], help: [{ residentId, milestone: 'vneid_activated' }], skillsTaught: ['online_payment'] }),
    items.milestone({ residentId, kind: 'provincial_app', achievedOn: '2025-08-01' }),
  ];
}

describe('POST /api/sync', () => {
  it('applies a batch in order: a household, its resident, a visit and a milestone', async () => {
    const body = await deviceA.pushOk(oneOfEach());
    expect(statuses(body)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(Date.parse(body.serverTime)).not.toBeNaN();
  });

  it('records a milestone repeated in one visit\'s help once, in a short list and in a long one', async () => {
    const household = items.household({ villageCode: VILLAGE_A });
    const householdId = household.data.id as string;
    const people = [0, 1, 2].map(() => items.resident({ householdId }));
    const [a, b, c] = people.map((p) => p.data.id as string) as [string, string, string];
    const short = items.visit({ householdId, help: [{ residentId: a, milestone: 'vneid_activated' }, { residentId: a, milestone: 'vneid_activated' }] });
    const long = items.visit({ householdId, help: [
      { residentId: b, milestone: 'vneid_activated' }, { residentId: c, milestone: 'vneid_activated' }, { residentId: b, milestone: 'provincial_app' },
      { residentId: c, milestone: 'vneid_activated' }, { residentId: b, milestone: 'vneid_activated' }, { residentId: a, milestone: 'provincial_app' },
    ] });
    expect(statuses(await deviceA.pushOk([household, ...people, short, long]))).toEqual(Array(6).fill('applied'));
    const made = await sql<{ resident_id: string; kind: string; n: number }>`
      select resident_id::text, kind, count(*)::int as n from milestones where visit_id in (${short.id}::uuid, ${long.id}::uuid)
      group by resident_id, kind order by 1, 2`.execute(t.db);
    expect(made.rows.map((r) => [r.resident_id, r.kind, r.n]).sort()).toEqual([
      [a, 'provincial_app', 1], [a, 'vneid_activated', 1], [b, 'provincial_app', 1], [b, 'vneid_activated', 1], [c, 'vneid_activated', 1],
    ].sort());
  });

  it('leaves every count unchanged when the same batch comes three times', async () => {
    const batch = oneOfEach();
    expect(statuses(await deviceA.pushOk(batch))).toEqual(['applied', 'applied', 'applied', 'applied']);
    const before = await everything();
    for (let i = 0; i < 2; i += 1) {
      expect(statuses(await deviceA.pushOk(batch))).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    }
    expect(await everything()).toEqual(before);
  });

  it('counts once when a retry arrives while the first attempt is still running', async () => {
    const batch = oneOfEach();
    const before = await everything();
    const [first, second] = await Promise.all([deviceA.pushOk(batch), deviceA.pushOk(batch)]);
    const all = [...statuses(first), ...statuses(second)].sort();
    expect(all).toEqual(['applied', 'applied', 'applied', 'applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    const after = await everything();
    expect(after.counts.households - before.counts.households).toBe(1);
    expect(after.counts.visits - before.counts.visits).toBe(1);
    expect(after.counts.sync_items - before.counts.sync_items).toBe(4);
  });

  it('takes ids in either case', async () => {
    const household = items.household({ villageCode: VILLAGE_A });
    const upper = { ...household, id: household.id.toUpperCase(), data: { ...household.data, id: (household.data.id as string).toUpperCase() } };
    const visit = items.visit({ householdId: (household.data.id as string).toUpperCase() });
    expect(statuses(await deviceA.pushOk([upper, visit]))).toEqual(['applied', 'applied']);
    const replay = await deviceA.pushOk([household]);
    expect(replay.results).toEqual([{ id: household.id, status: 'duplicate' }]);
  });

  it('answers an item repeated inside one batch as a duplicate', async () => {
    const household = items.household({ villageCode: VILLAGE_A });
    expect(statuses(await deviceA.pushOk([household, household]))).toEqual(['applied', 'duplicate']);
  });

  it('rejects an unknown household with its field while the valid items apply, and takes the item once fixed', async () => {
    const household = items.household({ villageCode: VILLAGE_A });
    const householdId = household.data.id as string;
    const unknownId = uuidv7();
    const early = items.visit({ householdId: unknownId });
    const noOutcome = items.visit({ householdId });
    delete noOutcome.data.outcome;
    const body = await deviceA.pushOk([household, early, noOutcome, items.visit({ householdId })]);
    expect(statuses(body)).toEqual(['applied', 'rejected', 'rejected', 'applied']);
    expect(body.results[1]!.error).toMatchObject({ code: 'HOUSEHOLD_NOT_FOUND', field: 'items[1].data.householdId', message: 'Không tìm thấy hộ gia đình' });
    expect(body.results[2]!.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'items[2].data.outcome' });

    // A rejected item is not taken: once its household exists, the same item applies.
    const late = items.household({ id: unknownId, villageCode: VILLAGE_A });
    expect(statuses(await deviceA.pushOk([late, early]))).toEqual(['applied', 'applied']);
  });

  it('names the field of a bad skill, milestone kind, person or date', async () => {
    const [household, resident] = oneOfEach();
    await deviceA.pushOk([household!, resident!]);
    const householdId = household!.data.id as string;
    const residentId = resident!.data.id as string;
    const body = await deviceA.pushOk([
      items.visit({ householdId, skillsTaught: ['online_payment', 'juggling'] }),
      items.visit({ householdId, help: [{ residentId, milestone: 'vneid_activated' }, { residentId, milestone: 'flying' }] }),
      items.visit({ householdId, peoplePresent: [uuidv7()] }),
      items.visit({ householdId, visitedAt: new Date(Date.now() + 3 * 86_400_000).toISOString() }),
      items.milestone({ residentId, kind: 'vneid_level2', achievedOn: '2025-02-30' }),
      { ...items.visit({ householdId }), data: { householdId, outcome: 'guided', visitedAt: '2025-08-01T09:30:00+07:00', colour: 'red' } },
    ]);
    expect(body.results.map((r) => [r.error?.code, r.error?.field])).toEqual([
      ['SKILL_UNKNOWN', 'items[0].data.skillsTaught[1]'],
      ['MILESTONE_KIND_UNKNOWN', 'items[1].data.help[1].milestone'],
      ['RESIDENT_NOT_FOUND', 'items[2].data.peoplePresent[0]'],
      ['VALIDATION_FAILED', 'items[3].data.visitedAt'],
      ['VALIDATION_FAILED', 'items[4].data.achievedOn'],
      ['VALIDATION_FAILED', 'items[5].data.colour'],
    ]);
  });

  it('keeps households in village-level units and in their village', async () => {
    const inCommune = items.household({ villageCode: '66001' });
    const household = items.household({ villageCode: VILLAGE_A });
    const moved = items.household({ id: household.data.id as string, villageCode: '6600102', baseRevision: 1 });
    const body = await deviceA.pushOk([inCommune, household]);
    expect(body.results[0]!.error).toMatchObject({ code: 'UNIT_NOT_FOUND', field: 'items[0].data.villageCode' });
    const commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
    const officerDevice = deviceOf(t.app, commune);
    expect((await officerDevice.pushOk([inCommune])).results[0]!.error).toMatchObject({ code: 'UNIT_NOT_VILLAGE', field: 'items[0].data.villageCode' });
    expect((await officerDevice.pushOk([moved])).results[0]!.error).toMatchObject({ code: 'VILLAGE_CHANGE_UNSUPPORTED', field: 'items[0].data.villageCode' });
  });
});

describe('scope', () => {
  it('keeps a member of village A out of village B, for reading and for writing', async () => {
    const [household, resident] = oneOfEach(VILLAGE_B);
    expect(statuses(await deviceB.pushOk([household!, resident!]))).toEqual(['applied', 'applied']);
    const householdId = household!.data.id as string;
    const residentId = resident!.data.id as string;
    const before = await everything();

    const pull = await deviceA.pull(VILLAGE_B);
    expect(pull.statusCode).toBe(404);
    expect(pull.json().error.code).toBe('UNIT_NOT_FOUND');

    const body = await deviceA.pushOk([
      items.household({ villageCode: VILLAGE_B }),
      items.visit({ householdId }),
      items.resident({ householdId }),
      items.resident({ id: residentId, householdId, fullName: 'Tên bị sửa', baseRevision: 1 }),
      items.household({ id: householdId, villageCode: VILLAGE_B, label: 'Bị sửa', baseRevision: 1 }),
      items.milestone({ residentId, kind: 'vneid_activated', achievedOn: '2025-08-01' }),
    ]);
    expect(body.results.map((r) => [r.status, r.error?.code, r.error?.field])).toEqual([
      ['rejected', 'UNIT_NOT_FOUND', 'items[0].data.villageCode'],
      ['rejected', 'HOUSEHOLD_NOT_FOUND', 'items[1].data.householdId'],
      ['rejected', 'HOUSEHOLD_NOT_FOUND', 'items[2].data.householdId'],
      ['rejected', 'HOUSEHOLD_NOT_FOUND', 'items[3].data.householdId'],
      ['rejected', 'HOUSEHOLD_NOT_FOUND', 'items[4].data.id'],
      ['rejected', 'RESIDENT_NOT_FOUND', 'items[5].data.residentId'],
    ]);
    expect(await everything()).toEqual(before);
    const missing = await t.app.inject({ method: 'GET', url: `/api/coverage/missing?village=${VILLAGE_B}&milestone=vneid_activated`, headers: memberA.headers });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses learners and anonymous callers', async () => {
    const learner = await createUserAndLogin(t.app, { role: 'learner', scopeUnitCode: VILLAGE_A });
    expect((await deviceOf(t.app, learner).push(oneOfEach())).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/sync', payload: { deviceId: uuidv7(), items: oneOfEach() } });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('a malformed batch', () => {
  const send = (payload: string) => t.app.inject({
    method: 'POST', url: '/api/sync', headers: { ...memberA.headers, 'content-type': 'application/json' }, payload,
  });

  it('answers 400 and writes nothing', async () => {
    const before = await everything();
    const valid = oneOfEach();
    const cases: [string, string | undefined][] = [
      ['{"deviceId":', 'body'],
      [JSON.stringify({ deviceId: 'not-a-uuid', items: valid }), 'deviceId'],
      [JSON.stringify({ deviceId: deviceA.deviceId, items: {} }), 'items'],
      [JSON.stringify({ deviceId: deviceA.deviceId, items: [] }), 'items'],
      [JSON.stringify({ deviceId: deviceA.deviceId, items: [...valid, { ...valid[0]!, id: uuidv7(), kind: 'pet' }] }), 'items[4].kind'],
      [JSON.stringify({ deviceId: deviceA.deviceId, items: [...valid, { ...valid[0]!, id: uuidv7(), recordedAt: '2025-08-01T09:30:00' }] }), 'items[4].recordedAt'],
      [JSON.stringify({ deviceId: deviceA.deviceId, items: [...valid, { ...valid[0]!, id: uuidv7(), data: 'text' }] }), 'items[4].data'],
    ];
    for (const [payload, field] of cases) {
      const response = await send(payload);
      expect(response.statusCode, payload.slice(0, 80)).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
    expect(await everything()).toEqual(before);
  });

  it('answers 400 past 500 items and writes none of them', async () => {
    const before = await everything();
    const batch = Array.from({ length: 501 }, () => items.household({ villageCode: VILLAGE_A }));
    const response = await deviceA.push(batch);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'items' });
    expect(await everything()).toEqual(before);
    expect((await deviceA.push(batch.slice(0, 500))).statusCode).toBe(200);
  });
});

describe('the answer to a batch', () => {
  it('travels compressed as the device asks (brotli, gzip, or not at all), and reads the same', async () => {
    const household = items.household({ villageCode: VILLAGE_A });
    const batch = [household, ...Array.from({ length: 60 }, () => items.visit({ householdId: household.data.id as string }))];
    const answers = new Map<string, unknown>();
    for (const accept of ['br, gzip', 'gzip', 'identity']) {
      const again = accept === 'br, gzip' ? batch : batch.map((item) => ({ ...item, id: uuidv7() }));
      const response = await t.app.inject({
        method: 'POST', url: '/api/sync', headers: { ...memberA.headers, 'accept-encoding': accept }, payload: { deviceId: deviceA.deviceId, items: again },
      });
      expect(response.statusCode).toBe(200);
      const encoding = response.headers['content-encoding'];
      expect(encoding).toBe(accept === 'identity' ? undefined : accept.split(',')[0]);
      const bytes = encoding === 'br' ? zlib.brotliDecompressSync(response.rawPayload) : encoding === 'gzip' ? zlib.gunzipSync(response.rawPayload) : response.rawPayload;
      expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
      const body = JSON.parse(bytes.toString('utf8')) as { results: { status: string }[] };
      answers.set(accept, body.results.map((r) => r.status));
    }
    // The first batch applies, the others replay its household (a duplicate by id, new visits).
    expect((answers.get('br, gzip') as string[]).every((s) => s === 'applied')).toBe(true);
    expect(answers.get('gzip')).toEqual(answers.get('identity'));
  });
});
