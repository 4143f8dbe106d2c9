import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.js';
import { loadConfig } from '../../config.js';
import { createUserAndLogin, loginAs, type TestUser } from '../../testing/login.js';
import { startAuthTestApp, TREE, type AuthTestContext } from '../../testing/auth-fixtures.js';
import { TEST_SECRET_KEY } from '../../testing/test-app.js';
import { createUser, findUserByUsername } from './auth.service.js';

let ctx: AuthTestContext;
let app: App;
let officer: TestUser;

beforeAll(async () => {
  ctx = await startAuthTestApp();
  app = ctx.app;
  officer = await createUserAndLogin(app, { role: 'commune_officer', scopeUnitCode: TREE.communeA, username: 'officer.a' });
});

afterAll(async () => {
  await ctx?.close();
});

let address = 0;
/** Each call from its own address unless told, so only the rate-limit test meets the limit. */
const login = (payload: unknown, remoteAddress = `192.0.2.${++address}`, target: App = app) =>
  target.inject({ method: 'POST', url: '/api/auth/login', payload: payload as object, remoteAddress });

describe('POST /api/auth/login', () => {
  it('answers the user and a CSRF token and sets an httpOnly, SameSite=Lax session cookie', async () => {
    const response = await login({ username: 'officer.a', password: officer.password });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toEqual({
      id: officer.id,
      username: 'officer.a',
      displayName: 'officer.a',
      role: 'commune_officer',
      scopeUnitCode: TREE.communeA,
    });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = response.cookies.find((c) => c.name === 'doorstep_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 12 * 3600 });
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie?.secure).toBeFalsy();
  });

  it('accepts the username in another case and with spaces around it', async () => {
    const response = await login({ username: '  Officer.A ', password: officer.password });
    expect(response.statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown user with the same 401 body', async () => {
    const wrong = await login({ username: 'officer.a', password: 'not-the-password' });
    const unknown = await login({ username: 'nobody.here', password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.cookies).toHaveLength(0);
  });

  it('refuses a disabled account like a wrong password', async () => {
    const user = await createUserAndLogin(app, { role: 'learner', scopeUnitCode: TREE.villageA });
    await ctx.database.db.updateTable('users').set({ disabled: true }).where('id', '=', user.id).execute();
    const response = await login({ username: user.username, password: user.password });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
    // The session opened before the account was disabled stops working too.
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: user.headers });
    expect(me.statusCode).toBe(401);
  });

  it('answers 400 with the field when the body misses the password', async () => {
    const response = await login({ username: 'officer.a' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' });
  });

  it('answers 413 to a body over 1 MiB', async () => {
    const response = await login({ username: 'officer.a', password: 'x'.repeat(1024 * 1024 + 10) });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('answers 429 once a client address has used up its attempts for the minute', async () => {
    const limited = await buildApp(loadConfig({ LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '3' }), { database: ctx.database, secretKey: TEST_SECRET_KEY });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        statuses.push((await login({ username: 'officer.a', password: 'wrong-password' }, '198.51.100.7', limited)).statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const blocked = await login({ username: 'officer.a', password: officer.password }, '198.51.100.7', limited);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('RATE_LIMITED');
      // Another address is not held back by the first one's attempts.
      const other = await login({ username: 'officer.a', password: officer.password }, '198.51.100.8', limited);
      expect(other.statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('records successful and failed logins in the audit log without passwords', async () => {
    const secret = 'a-secret-that-must-not-leak';
    await login({ username: 'officer.a', password: secret });
    await login({ username: secret, password: secret });
    const rows = await ctx.database.db.selectFrom('audit_events').selectAll().where('action', 'like', 'auth.%').execute();
    const actions = rows.map((r) => r.action);
    expect(actions).toContain('auth.login');
    expect(actions).toContain('auth.login_failed');
    const wrongPassword = rows.find((r) => r.action === 'auth.login_failed' && r.subject === officer.id);
    expect(wrongPassword).toMatchObject({ unit_code: TREE.communeA, actor_user_id: null, detail: { reason: 'wrong_password' } });
    expect(JSON.stringify(rows)).not.toContain(secret);
  });
});

describe('sessions', () => {
  it('GET /me answers the signed-in user and the same CSRF token', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: officer.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user: { id: officer.id, username: 'officer.a', displayName: 'officer.a', role: 'commune_officer', scopeUnitCode: TREE.communeA },
      csrfToken: officer.csrfToken,
    });
  });

  it('answers 401 to a protected route without a session or with a made-up one', async () => {
    const none = await app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('UNAUTHENTICATED');
    const forged = await app.inject({ method: 'GET', url: '/api/users', headers: { cookie: 'doorstep_session=made-up' } });
    expect(forged.statusCode).toBe(401);
  });

  it('refuses a change without the CSRF header, or with the wrong one, with 403', async () => {
    const session = await loginAs(app, { username: 'officer.a', password: officer.password });
    const missing = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie, 'x-csrf-token': officer.csrfToken },
    });
    expect(wrong.statusCode).toBe(403);
    // Neither attempt ended the session.
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(200);
  });

  it('logout ends the session and clears the cookie', async () => {
    const session = await loginAs(app, { username: 'officer.a', password: officer.password });
    const response = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    const cleared = response.cookies.find((c) => c.name === 'doorstep_session');
    expect(cleared?.value).toBe('');
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });
    expect(me.statusCode).toBe(401);
    const audit = await ctx.database.db.selectFrom('audit_events').select('action').where('action', '=', 'auth.logout').execute();
    expect(audit.length).toBeGreaterThan(0);
    // Other sessions of the same user live on.
    const other = await app.inject({ method: 'GET', url: '/api/auth/me', headers: officer.headers });
    expect(other.statusCode).toBe(200);
  });

  it('stores only the hash of the session token', async () => {
    const token = officer.cookie.split('=')[1]!;
    const rows = await ctx.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('an expired session no longer authenticates', async () => {
    const session = await loginAs(app, { username: 'officer.a', password: officer.password });
    await ctx.database.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('csrf_token', '=', session.csrfToken).execute();
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });
    expect(me.statusCode).toBe(401);
  });

  it('a public route serves a cookie-only POST as anonymous instead of refusing it', async () => {
    // A stale tab must never keep someone from logging in again.
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'officer.a', password: officer.password },
      headers: { cookie: officer.cookie },
      remoteAddress: '203.0.113.50',
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('createUser and findUserByUsername', () => {
  it('rejects a taken username with USERNAME_TAKEN, whatever its case', async () => {
    const input = { username: 'Taken.Name', displayName: 'T', password: 'long-enough', role: 'learner' as const, scopeUnitCode: TREE.villageA };
    await createUser(ctx.database.db, input, null);
    await expect(createUser(ctx.database.db, { ...input, username: 'taken.name' }, null)).rejects.toMatchObject({ code: 'USERNAME_TAKEN' });
    expect(await findUserByUsername(ctx.database.db, 'TAKEN.NAME')).toMatchObject({ username: 'taken.name', role: 'learner' });
  });

  it('rejects an unknown scope unit from a trusted caller with UNIT_NOT_FOUND', async () => {
    const input = { username: 'lost.user', displayName: 'L', password: 'long-enough', role: 'learner' as const, scopeUnitCode: '99999' };
    await expect(createUser(ctx.database.db, input, null)).rejects.toMatchObject({ code: 'UNIT_NOT_FOUND' });
  });

  it('stores an argon2id hash, never the password', async () => {
    const row = await ctx.database.db.selectFrom('users').select('password_hash').where('id', '=', officer.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(officer.password);
  });
});
