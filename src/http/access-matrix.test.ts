import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../db/types.js';
import type { Database } from '../db/database.js';
import { createUser } from '../modules/auth/auth.service.js';
import { routeTableOf } from '../modules/auth/personal-data.hooks.js';
import { upsertIndicator } from '../modules/targets/indicators/indicators.queries.js';
import { putCommittee } from '../modules/teams/committees.service.js';
import { addMember, createTeam } from '../modules/teams/teams.service.js';
import { createUnit } from '../modules/units/units.service.js';
import { createUserAndLogin, type TestUser } from '../testing/login.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createSmallProvince, FIXTURE_START } from '../testing/unit-fixtures.js';
import type { Access } from './access.js';
import { SCOPE_RULES, type MatrixRequest, type Place } from './access-matrix.rules.js';

/**
 * The authorization matrix: every API route × every role (and no login) × a target in the
 * caller's scope and one outside it, generated from the route table. The role rule is each
 * route's `config.access`; the scope rule is SCOPE_RULES beside this file. One app, one database.
 */

type Caller = 'anonymous' | Role;
const CALLERS: Caller[] = ['anonymous', 'admin', 'province_officer', 'commune_officer', 'team_leader', 'team_member', 'learner'];

/** Where each role sits: village 6600101 of commune 66001 in province 66. */
const HOME: Record<Role, string | null> = {
  admin: null, province_officer: '66', commune_officer: '66001', team_leader: '6600101', team_member: '6600101', learner: '6600101',
};

let t: TestApp;
const users = new Map<Role, TestUser>();
let admin: TestUser;
/** Village A is everyone's home; B is another commune of the province; C another province. */
const places: Record<'A' | 'B' | 'C', Omit<Place, 'unit'>> = {} as never;

async function secondProvince(db: Database) {
  await createSmallProvince(db);
  await createUnit(db, { code: '67', name: 'Tỉnh Bên', type: 'tỉnh', parentCode: null, validFrom: FIXTURE_START }, null);
  await createUnit(db, { code: '67001', name: 'Xã Bên', type: 'xã', parentCode: '67', validFrom: FIXTURE_START }, null);
  for (const v of ['01', '02']) await createUnit(db, { code: `67001${v}`, name: `Thôn ${v}`, type: 'thôn', parentCode: '67001', validFrom: FIXTURE_START }, null);
  await upsertIndicator(db, {
    code: 'matrix_reported', name_vi: 'Số liệu báo cáo', name_en: 'Reported figure', explanation_vi: '', explanation_en: '', sort: 1, active: true,
    unit_label: 'người', percent: false, numerator: JSON.stringify({ source: 'reported', over: 'latest' }), denominator: null,
  });
}

async function send(user: TestUser | undefined, method: string, request: MatrixRequest) {
  const payload = request.payload === undefined ? undefined : typeof request.payload === 'string' ? request.payload : JSON.stringify(request.payload);
  return t.app.inject({
    method: method as 'GET', url: request.url, payload,
    headers: { ...user?.headers, ...(payload !== undefined ? { 'content-type': request.contentType ?? 'application/json' } : {}) },
  });
}

async function adminCreates(url: string, payload: unknown, contentType?: string): Promise<{ id: string | number }> {
  const response = await send(admin, url.startsWith('PUT ') ? 'PUT' : 'POST', { url: url.replace(/^PUT /, ''), payload, contentType });
  if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

async function furnish(key: 'A' | 'B' | 'C', province: string, commune: string, village: string) {
  const team = await createTeam(t.db, null, { unitCode: village, name: `Tổ CNSCĐ ${village}`, establishedOn: FIXTURE_START });
  const member = await addMember(t.db, null, team.id, { fullName: 'Thành Viên', affiliation: 'teacher', role: 'member', joinedOn: FIXTURE_START });
  const otherTeam = await createTeam(t.db, null, { unitCode: `${commune}02`, name: `Tổ CNSCĐ ${commune}02`, establishedOn: FIXTURE_START });
  await putCommittee(t.db, null, commune, { decisionNumber: '1/QĐ-UBND', decisionDate: FIXTURE_START, members: [{ fullName: 'Chủ Tịch', position: 'Chủ tịch UBND', committeeRole: 'chair' }] });
  const user = await createUser(t.db, { username: `matrix-user-${village}`, displayName: 'Người Dùng', password: 'matrix-pass-2026', role: 'team_member', scopeUnitCode: village }, null);
  const event = await adminCreates('/api/events', { unitCode: commune, type: 'class', title: 'Lớp học', startsAt: '2025-09-02T08:00:00+07:00', endsAt: '2025-09-02T10:00:00+07:00' });
  const difficulty = await adminCreates('/api/difficulties', { unitCode: village, category: 'other', description: 'Thiếu máy' });
  const material = await adminCreates(`/api/materials?unit=${commune}&title=T%E1%BB%9D&kind=poster&language=vi&fileName=a.pdf`, '%PDF-1.4\n%matrix\n', 'application/pdf');
  const figure = await adminCreates('PUT /api/reported-values', { indicatorCode: 'matrix_reported', unitCode: commune, periodType: 'month', periodStart: '2025-08-01', value: 5 });
  const proposal = await adminCreates('/api/statistic-proposals/', { unitCode: commune, asOf: '2025-08-01', statistics: { adults: 100 } });
  places[key] = {
    province, commune, village, teamId: team.id, otherTeamId: otherTeam.id, memberId: member.id, userId: user.id, eventId: String(event.id),
    difficultyId: String(difficulty.id), materialId: String(material.id), reportedValueId: Number(figure.id), proposalId: String(proposal.id),
  };
}

beforeAll(async () => {
  t = await startTestApp({ seed: secondProvince });
  admin = await createUserAndLogin(t.app, { role: 'admin', scopeUnitCode: null });
  users.set('admin', admin);
  for (const role of CALLERS) if (role !== 'anonymous' && role !== 'admin') users.set(role, await createUserAndLogin(t.app, { role, scopeUnitCode: HOME[role] }));
  await furnish('A', '66', '66001', '6600101');
  await furnish('B', '66', '66002', '6600201');
  await furnish('C', '67', '67001', '6700101');
}, 240_000);
afterAll(() => t.close());

function placeFor(role: Caller, key: 'A' | 'B' | 'C'): Place {
  const p = places[key];
  const unit = role === 'admin' || role === 'province_officer' ? p.province : role === 'commune_officer' ? p.commune : p.village;
  return { ...p, unit };
}

/** The place outside a role's scope: another province for a province officer, another commune below that. */
const outside = (role: Role): 'B' | 'C' | null => role === 'admin' ? null : role === 'province_officer' ? 'C' : 'B';

function admits(access: Access, caller: Caller): boolean {
  if (access === 'public') return true;
  if (caller === 'anonymous') return false;
  return access === 'authenticated' || caller === 'admin' || access.includes(caller);
}

/** Routes Fastify adds itself: HEAD beside GET runs the same handler and checks. */
const apiRoutes = () => routeTableOf(t.app)
  .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
  .flatMap((r) => [r.method].flat().map((method) => ({ method, url: r.url, access: r.config?.access as Access })));

describe('the authorization matrix', () => {
  it('has a scope rule for every route and none for a route that is gone', () => {
    const keys = new Set(apiRoutes().filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`));
    expect([...keys].filter((key) => !SCOPE_RULES[key]), 'routes without a scope rule in access-matrix.rules.ts').toEqual([]);
    expect(Object.keys(SCOPE_RULES).filter((key) => !keys.has(key)), 'rules of routes that no longer exist').toEqual([]);
  });

  it('answers every route × role × in-scope and out-of-scope target as its rules say', async () => {
    const failures: string[] = [];
    let cases = 0;
    let scopedCases = 0;
    for (const route of apiRoutes()) {
      const rule = SCOPE_RULES[`${route.method === 'HEAD' ? 'GET' : route.method} ${route.url}`];
      if (!rule) continue;
      const reads = route.method === 'GET' || route.method === 'HEAD';
      for (const caller of CALLERS) {
        const user = caller === 'anonymous' ? undefined : users.get(caller);
        const home = placeFor(caller, 'A');
        const target = rule.kind === 'scoped' ? rule.request(home) : rule.request?.() ?? { url: route.url.replace(/:(\w+)/g, 'x') };
        // A write in scope is sent broken, so the matrix proves it got past authorization without changing the fixture.
        const request = reads ? target : { url: target.url, payload: '{', contentType: 'application/json' };
        const response = await send(user, route.method, request);
        cases += 1;
        const where = `${caller} ${route.method} ${request.url}`;
        const status = response.statusCode;
        const refusedFor = caller === 'anonymous' ? undefined : rule.refusedFor?.[caller];
        if (status >= 500) failures.push(`${where}: ${status} ${response.body.slice(0, 200)}`);
        else if (!admits(route.access, caller) || refusedFor) {
          const expected = caller === 'anonymous' ? 401 : 403;
          if (status !== expected) failures.push(`${where}: ${status}, expected ${expected}`);
        } else {
          // The authorization layer never answers 401 on a public route: there a 401 is the route's own
          // credential (a contest token, a learning system's key), not a refusal of the caller.
          const refused = status === 403 || (status === 401 && route.access !== 'public') ||
            (status === 404 && rule.kind === 'scoped' && reads && (!rule.only || rule.only.includes(caller as Role)));
          if (refused) failures.push(`${where}: ${status} in scope ${response.body.slice(0, 200)}`);
        }

        if (rule.kind !== 'scoped' || caller === 'anonymous' || !admits(route.access, caller) || refusedFor) continue;
        // HEAD runs the GET handler: its scope is the GET's, checked once there.
        if ((rule.only && !rule.only.includes(caller)) || route.method === 'HEAD') continue;
        const away = outside(caller);
        if (!away) continue;
        const foreign = await send(user, route.method, rule.request(placeFor(caller, away)));
        cases += 1;
        scopedCases += 1;
        const turnedAway = [403, 404].includes(foreign.statusCode) || (rule.refusal?.(foreign) ?? false);
        if (!turnedAway) {
          failures.push(`${caller} ${route.method} ${rule.request(placeFor(caller, away)).url} (out of scope): ${foreign.statusCode} ${foreign.body.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThan(1500);
    expect(scopedCases).toBeGreaterThan(150);
  }, 600_000);
});
