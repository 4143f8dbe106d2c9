import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../app.js';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { loginTreeOfficers, startAuthTestApp, TREE, type AuthTestContext } from '../../testing/auth-fixtures.js';

let ctx: AuthTestContext;
let app: App;
let admin: TestUser;
let province: TestUser;
let officerA: TestUser;
let officerB: TestUser;
let memberA: TestUser;

beforeAll(async () => {
  ctx = await startAuthTestApp();
  app = ctx.app;
  ({ admin, province, officerA, officerB } = await loginTreeOfficers(app));
  memberA = await createUserAndLogin(app, { role: 'team_member', scopeUnitCode: TREE.villageA, username: 'member.a' });
});

afterAll(async () => {
  await ctx?.close();
});

const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: `user-${Math.random().toString(36).slice(2, 10)}`,
  displayName: 'Nguyễn Thị Test',
  password: 'correct horse',
  role: 'team_member',
  scopeUnitCode: TREE.villageA,
  ...overrides,
});

const post = (user: TestUser, payload: object) => app.inject({ method: 'POST', url: '/api/users', headers: user.headers, payload });
const get = (user: TestUser, url: string) => app.inject({ method: 'GET', url, headers: user.headers });

describe('GET /api/users', () => {
  it('lists only the users of the viewer’s subtree', async () => {
    const response = await get(officerA, '/api/users');
    expect(response.statusCode).toBe(200);
    const usernames = response.json().items.map((u: { username: string }) => u.username);
    expect(usernames).toContain('officer.a');
    expect(usernames).toContain('member.a');
    expect(usernames).not.toContain('officer.b');
    expect(usernames).not.toContain('province');
    expect(usernames).not.toContain('root');
  });

  it('lets the province see every commune and the administrator see everyone', async () => {
    const byProvince = (await get(province, '/api/users?limit=200')).json().items.map((u: { username: string }) => u.username);
    expect(byProvince).toEqual(expect.arrayContaining(['province', 'officer.a', 'officer.b', 'member.a']));
    expect(byProvince).not.toContain('root');
    const byAdmin = (await get(admin, '/api/users?limit=200')).json().items.map((u: { username: string }) => u.username);
    expect(byAdmin).toContain('root');
  });

  it('pages by username with a cursor', async () => {
    const first = (await get(province, '/api/users?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.next).toBe(first.items[1].username);
    const second = (await get(province, `/api/users?limit=2&after=${encodeURIComponent(first.next)}`)).json();
    expect(second.items[0].username > first.next).toBe(true);
    const all = (await get(province, '/api/users?limit=200')).json();
    expect(all.next).toBeNull();
    expect(all.items.map((u: { username: string }) => u.username).slice(0, 4)).toEqual([...first.items, ...second.items].map((u) => u.username));
  });

  it('caps the page size at 200', async () => {
    const response = await get(province, '/api/users?limit=201');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'querystring.limit' });
  });

  it('is closed to field roles (403) and to anonymous callers (401)', async () => {
    expect((await get(memberA, '/api/users')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });

  it('never returns password hashes', async () => {
    const response = await get(admin, '/api/users?limit=200');
    expect(response.body).not.toContain('argon2');
    expect(response.body).not.toContain('password');
  });
});

describe('GET /api/users/:id', () => {
  it('answers a user in scope', async () => {
    const response = await get(officerA, `/api/users/${memberA.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: memberA.id, username: 'member.a', role: 'team_member', scopeUnitCode: TREE.villageA, disabled: false });
  });

  it('answers 404 for a user of another commune, the same as for a missing one', async () => {
    const other = await get(officerA, `/api/users/${officerB.id}`);
    const missing = await get(officerA, '/api/users/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual(missing.json());
    expect(other.json().error.code).toBe('USER_NOT_FOUND');
  });

  it('answers 400 for an id that is not a UUID', async () => {
    expect((await get(officerA, '/api/users/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('POST /api/users', () => {
  it('lets a commune officer create field accounts inside the commune', async () => {
    const response = await post(officerA, newUser({ username: 'New.Member' }));
    expect(response.statusCode).toBe(201);
    const { id } = response.json();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    const created = (await get(officerA, `/api/users/${id}`)).json();
    expect(created).toMatchObject({ username: 'new.member', displayName: 'Nguyễn Thị Test', role: 'team_member' });
    const audit = await ctx.database.db.selectFrom('audit_events').selectAll().where('subject', '=', id).where('action', '=', 'user.create').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: officerA.id, unit_code: TREE.villageA });
    expect(JSON.stringify(audit)).not.toContain('correct horse');
  });

  it('refuses a commune officer a user scoped outside the commune', async () => {
    for (const scopeUnitCode of [TREE.communeB, TREE.province]) {
      const response = await post(officerA, newUser({ scopeUnitCode, role: 'learner' }));
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toMatchObject({ code: 'FORBIDDEN', field: 'scopeUnitCode' });
    }
  });

  it('refuses roles above the creator’s', async () => {
    const byCommune = await post(officerA, newUser({ role: 'province_officer', scopeUnitCode: TREE.communeA }));
    expect(byCommune.statusCode).toBe(403);
    expect(byCommune.json().error.field).toBe('role');
    const byProvince = await post(province, newUser({ role: 'admin', scopeUnitCode: null }));
    expect(byProvince.statusCode).toBe(403);
    const peer = await post(officerA, newUser({ role: 'commune_officer', scopeUnitCode: TREE.communeA }));
    expect(peer.statusCode).toBe(201);
  });

  it('lets a province officer create a commune officer anywhere in the province', async () => {
    const response = await post(province, newUser({ role: 'commune_officer', scopeUnitCode: TREE.communeB }));
    expect(response.statusCode).toBe(201);
  });

  it('is closed to team members', async () => {
    expect((await post(memberA, newUser({ role: 'learner' }))).statusCode).toBe(403);
  });

  it('answers 409 USERNAME_TAKEN for an existing username', async () => {
    const response = await post(officerA, newUser({ username: 'MEMBER.A' }));
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'USERNAME_TAKEN', field: 'username' });
  });

  it('answers 400 with the field for a short password, a missing scope or an unknown field', async () => {
    const short = await post(officerA, newUser({ password: 'short' }));
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' });
    const noScope = await post(admin, newUser({ scopeUnitCode: null }));
    expect(noScope.statusCode).toBe(400);
    expect(noScope.json().error.field).toBe('scopeUnitCode');
    const extra = await post(officerA, { ...newUser(), isAdmin: true });
    expect(extra.statusCode).toBe(400);
  });

  it('answers in English when asked', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { ...officerA.headers, 'accept-language': 'en' },
      payload: newUser({ username: 'member.a' }),
    });
    expect(response.json().error.message).toBe('The username is already in use');
  });
});
