import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { putCommittee } from '../teams/committees.service.js';
import { addMember, createTeam } from '../teams/teams.service.js';
import { routeTableOf } from './personal-data.hooks.js';

let t: TestApp;
let province: TestUser;
let commune: TestUser;
let leader: TestUser;
let teamId: string;
let secondMemberId: string;

async function seed(db: Database) {
  await createSmallProvince(db);
  const team = await createTeam(db, null, { unitCode: '6600101', name: 'Tổ CNSCĐ thôn 1', establishedOn: '2025-07-15' });
  teamId = team.id;
  await addMember(db, null, team.id, { fullName: 'Y Bih', affiliation: 'youth_union', role: 'leader', phone: '0905123456', joinedOn: '2025-07-15' });
  secondMemberId = (await addMember(db, null, team.id, { fullName: 'H Nhung', affiliation: 'teacher', role: 'member', joinedOn: '2025-07-15' })).id;
  await putCommittee(db, null, '66001', { decisionNumber: '12/QĐ-UBND', decisionDate: '2025-07-10', members: [{ fullName: 'Chủ tịch', position: 'Chủ tịch UBND', committeeRole: 'chair' }] });
}

beforeAll(async () => {
  t = await startTestApp({ seed });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
  leader = await createUserAndLogin(t.app, { role: 'team_leader', scopeUnitCode: '6600101' });
});
afterAll(() => t.close());

const auditCount = async (action: string, actor: string) =>
  Number((await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n'))
    .where('action', '=', action).where('actor_user_id', '=', actor).executeTakeFirstOrThrow()).n);

/** Answer fields that name, reach or describe a person. */
const PERSONAL_FIELDS = new Set(['fullName', 'displayName', 'phone', 'username', 'birthYear', 'address', 'headName', 'leaderName', 'nationalIdLast4', 'description']);

/** The personal fields a JSON schema can carry, at any depth. */
function personalFields(schema: unknown, found = new Set<string>()): Set<string> {
  if (typeof schema !== 'object' || schema === null) return found;
  const node = schema as Record<string, unknown>;
  for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, unknown>)) {
    if (PERSONAL_FIELDS.has(name)) found.add(name);
    personalFields(child, found);
  }
  for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties']) {
    const child = node[key];
    for (const each of Array.isArray(child) ? child : [child]) personalFields(each, found);
  }
  return found;
}

/** Routes whose matching field names describe no person, with the reason. */
const NOT_PERSONAL: Record<string, string> = {};

describe('routes answering personal data', () => {
  it('are all marked, so each answer is audited and never cached', () => {
    const unmarked: string[] = [];
    for (const route of routeTableOf(t.app)) {
      const responses = (route.schema?.response ?? {}) as Record<string, unknown>;
      const fields = new Set<string>();
      for (const [status, schema] of Object.entries(responses)) if (/^2/.test(status)) personalFields(schema, fields);
      const methods = [route.method].flat().join(',');
      if (fields.size > 0 && !route.config?.personalData && !NOT_PERSONAL[route.url]) unmarked.push(`${methods} ${route.url} (${[...fields].join(', ')})`);
    }
    expect(unmarked).toEqual([]);
    expect(routeTableOf(t.app).length).toBeGreaterThan(50);
  });
});

describe('an answer carrying personal data', () => {
  const cases: [string, () => TestUser, 'GET' | 'PATCH' | 'POST', () => string, string, (() => object)?][] = [
    ['the users list', () => province, 'GET', () => '/api/users', 'users.read'],
    ['one user', () => province, 'GET', () => `/api/users/${commune.id}`, 'users.read'],
    ['a committee', () => commune, 'GET', () => '/api/committees/66001', 'committees.read'],
    ['the teams of a unit', () => commune, 'GET', () => '/api/teams?unit=66001', 'teams.list'],
    ['a team rename', () => commune, 'PATCH', () => `/api/teams/${teamId}`, 'teams.write', () => ({ name: 'Tổ CNSCĐ thôn Một' })],
    ['a change of leader', () => commune, 'POST', () => `/api/teams/${teamId}/leader`, 'teams.write', () => ({ memberId: secondMemberId })],
    ['the difficulties of a unit', () => commune, 'GET', () => '/api/difficulties?unit=66001', 'difficulties.read'],
  ];

  it.each(cases)('%s writes one audit entry and is never cached', async (_name, user, method, url, action, payload) => {
    const before = await auditCount(action, user().id);
    const response = await t.app.inject({ method, url: url(), headers: user().headers, payload: payload?.() });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(await auditCount(action, user().id)).toBe(before + 1);
  });

  it('files the entry under the unit it is about, readable by that commune, naming no one', async () => {
    await t.app.inject({ method: 'GET', url: '/api/teams?unit=66001', headers: commune.headers });
    const entry = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'teams.list').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ unit_code: '66001', subject: '/api/teams', detail: { records: 1 } });
    expect(JSON.stringify(entry)).not.toMatch(/Y Bih|0905/);
  });

  it('writes nothing when the answer is an error', async () => {
    const before = await auditCount('committees.read', leader.id);
    const refused = await t.app.inject({ method: 'GET', url: '/api/committees/66002', headers: leader.headers });
    expect(refused.statusCode).toBe(404);
    expect(await auditCount('committees.read', leader.id)).toBe(before);
  });
});

