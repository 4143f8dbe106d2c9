import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordQueries } from '../../../bench/ceilings/query-recorder.js';
import { registeredTexts } from '../../db/prepared.js';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { deviceOf, items, type Device } from '../../testing/sync-fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';

const VILLAGE = '6600101';
let t: TestApp;
let member: TestUser;
let device: Device;
const people = Array.from({ length: 40 }, () => ({ household: uuidv7(), resident: uuidv7() }));

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  member = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: VILLAGE });
  device = deviceOf(t.app, member);
  await device.pushOk(people.flatMap((p) => [
    items.household({ id: p.household, villageCode: VILLAGE }), items.resident({ id: p.resident, householdId: p.household }),
  ]));
});
afterAll(() => t.close());

const KINDS = ['vneid_activated', 'vneid_level2', 'provincial_app'];
function visits(day: number) {
  return people.map((p, i) => {
    const at = new Date(Date.UTC(2025, 7, day + (i % 5), 2, 30)).toISOString();
    return items.visit({ householdId: p.household, visitedAt: at, peoplePresent: [p.resident], help: [{ residentId: p.resident, milestone: KINDS[i % 3]! }], skillsTaught: ['online_safety'], outcome: 'guided' }, at);
  });
}

describe('round trips of a batch of visits', () => {
  // Each round trip waits for the database and, on a busy machine, for a core: the batch's
  // statements are counted as the drivers receive them (BEGIN and COMMIT aside).
  it('applies a batch of visits with milestones in a fixed number of statements, whatever its length', async () => {
    await device.pushOk(visits(10));
    const recorded = await recordQueries(async () => {
      const body = await device.pushOk(visits(3));
      expect(body.results.every((r) => r.status === 'applied')).toBe(true);
    });
    const statements = recorded.map((q) => q.sql.replace(/\s+/g, ' ').trim());
    // The session; the receipts (after the counts' lock) with the locks and the kinds and skills
    // named; the visits with the visited state; the milestones with the kinds held; every level of counts.
    expect(statements).toHaveLength(5);
    expect(statements.filter((s) => /insert into sync_items/.test(s) && /for no key update/.test(s))).toHaveLength(1);
    expect(statements.filter((s) => /rollup_counts|rollup_area/.test(s))).toHaveLength(1);
    expect(statements.some((s) => /from "?(skills|milestone_kinds)"? (order|where "active")/.test(s))).toBe(false);
  });

  it('sends the writes of a batch as named statements whose texts are the same whatever its length', async () => {
    await device.pushOk(visits(14));
    const before = registeredTexts().size;
    const recorded = await recordQueries(async () => {
      const body = await device.pushOk(visits(17).slice(0, 7));
      expect(body.results.every((r) => r.status === 'applied')).toBe(true);
    });
    // Nothing new registered: a text that changed with the batch would fill the registry.
    expect(registeredTexts().size).toBe(before);
    const named = recorded.filter((q) => registeredTexts().has(q.sql)).map((q) => q.sql.replace(/\s+/g, ' ').trim());
    // The session; the visits; the milestones; the counts. Not the receipts with the look-up and locks.
    expect(named).toHaveLength(4);
    expect(named.filter((s) => /insert into visits/.test(s))).toHaveLength(1);
    expect(named.some((s) => /from households/.test(s))).toBe(false);
  });

  it('claims a new batch by a plain insert, and a batch sent again by a look for the ids taken', async () => {
    const batch = visits(20).slice(0, 5);
    const claims = (recorded: { sql: string }[]) => recorded.map((q) => q.sql).filter((text) => /insert into sync_items/.test(text));
    const first = await recordQueries(async () => {
      expect((await device.pushOk(batch)).results.every((r) => r.status === 'applied')).toBe(true);
    });
    expect(claims(first)).toHaveLength(1);
    expect(claims(first)[0]).not.toMatch(/on conflict/);
    // Sent again: the plain insert fails on an id taken, and the second try finds them all.
    const again = await recordQueries(async () => {
      expect((await device.pushOk(batch)).results.map((r) => r.status)).toEqual(Array(5).fill('duplicate'));
    });
    expect(claims(again).map((text) => /on conflict/.test(text))).toEqual([false, true]);
  });

  it('refuses a kind or skill the batch names that does not exist, and applies the rest', async () => {
    const [good, ...rest] = visits(12);
    const badKind = items.visit({ householdId: people[0]!.household, peoplePresent: [people[0]!.resident], help: [{ residentId: people[0]!.resident, milestone: 'no_such_kind' }] });
    const badSkill = items.visit({ householdId: people[1]!.household, skillsTaught: ['no_such_skill'] });
    const body = await device.pushOk([good!, badKind, badSkill, ...rest.slice(0, 2)]);
    expect(body.results.map((r) => r.error?.code ?? r.status)).toEqual(['applied', 'MILESTONE_KIND_UNKNOWN', 'SKILL_UNKNOWN', 'applied', 'applied']);
  });
});
