import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../app.js';
import { ConfigError, loadConfig } from '../../config.js';
import { startAuthTestApp, TREE, type AuthTestContext } from '../../testing/auth-fixtures.js';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { ssoSettings, startTestProvider, type TestProvider } from '../../testing/oidc-test-provider.js';

const PUBLIC_URL = 'http://127.0.0.1:3189';
let provider: TestProvider;
let ctx: AuthTestContext;
let app: App;
let admin: TestUser;
let officer: TestUser;

beforeAll(async () => {
  provider = await startTestProvider(`${PUBLIC_URL}/api/auth/sso/callback`);
  ctx = await startAuthTestApp(ssoSettings(provider, PUBLIC_URL));
  app = ctx.app;
  admin = await createUserAndLogin(app, { role: 'admin', scopeUnitCode: null });
  officer = await createUserAndLogin(app, { role: 'commune_officer', scopeUnitCode: TREE.communeA, displayName: 'Cán bộ xã Ea Kao' });
}, 180_000);

afterAll(async () => {
  await ctx?.close();
  await provider?.close();
});

let address = 0;
const fromAddress = () => `198.51.100.${++address}`;

/** Leaves for the provider: the state cookie the browser keeps and where it is sent. */
async function start(): Promise<{ stateCookie: string; location: string }> {
  const response = await app.inject({ method: 'GET', url: '/api/auth/sso/start', remoteAddress: fromAddress() });
  expect(response.statusCode).toBe(302);
  const cookie = response.cookies.find((c) => c.name === 'doorstep_sso');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/sso' });
  return { stateCookie: cookie!.value, location: response.headers.location as string };
}

/** Comes back from the provider to the callback with a state cookie. */
const callback = (url: URL, stateCookie: string | undefined) =>
  app.inject({ method: 'GET', url: `${url.pathname}${url.search}`, remoteAddress: fromAddress(), headers: stateCookie ? { cookie: `doorstep_sso=${stateCookie}` } : {} });

/** The whole way round for a subject: start, the provider's login, the callback. */
async function signIn(subject: string) {
  provider.signInAs(subject);
  const { stateCookie, location } = await start();
  const back = await provider.authorize(location);
  return { response: await callback(back, stateCookie), back, stateCookie };
}

const link = (userId: string, subject: string, as: TestUser = admin) =>
  app.inject({ method: 'POST', url: `/api/users/${userId}/identities`, headers: as.headers, payload: { issuer: provider.issuer, subject } });

const auditActions = async (action: string) =>
  ctx.db.selectFrom('audit_events').select(['actor_user_id', 'subject', 'detail']).where('action', '=', action).orderBy('id').execute();

describe('single sign-on settings', () => {
  it('tells the login screen the provider to offer', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/auth/sso' });
    expect(response.json()).toEqual({ enabled: true, name: 'VNeID', issuer: provider.issuer });
  });

  it('sends the browser to the provider with PKCE (S256), a state and a nonce, none of them kept in clear', async () => {
    const { stateCookie, location } = await start();
    const url = new URL(location);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('client_id')).toBe(provider.clientId);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toBe(stateCookie);
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/api/auth/sso/callback`);
    const kept = await ctx.db.selectFrom('sso_attempts').select('state_hash').execute();
    expect(kept.map((row) => row.state_hash)).not.toContain(stateCookie);
    expect(kept.length).toBeGreaterThan(0);
  });
});

describe('linking accounts', () => {
  it('is for the administrator only, and a subject links one account', async () => {
    const byOfficer = await link(officer.id, 'someone-else', officer);
    expect(byOfficer.statusCode).toBe(403);
    const linked = await link(officer.id, 'vneid-079123456789');
    expect(linked.statusCode).toBe(201);
    expect(linked.json()).toMatchObject({ issuer: provider.issuer, subjectHint: '6789', lastLoginAt: null });
    const again = await link(admin.id, 'vneid-079123456789');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'IDENTITY_TAKEN', field: 'subject' });
    const empty = await link(officer.id, '   ');
    expect(empty.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'subject' });
    // The subject may be an ID number: only its keyed hash and last four characters are stored.
    const rows = await ctx.db.selectFrom('user_identities').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain('079123456789');
    expect((await auditActions('identity.link')).at(-1)).toMatchObject({ actor_user_id: admin.id, subject: officer.id });
  });
});

describe('the login', () => {
  it('opens a session for a linked subject, audited, and the web app finds its user', async () => {
    const { response } = await signIn('vneid-079123456789');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/?sso=done');
    const session = response.cookies.find((c) => c.name === 'doorstep_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(response.cookies.find((c) => c.name === 'doorstep_sso')?.value).toBe('');

    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `doorstep_session=${session!.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ id: officer.id, displayName: 'Cán bộ xã Ea Kao', role: 'commune_officer' });

    const login = (await auditActions('auth.login')).at(-1);
    expect(login).toMatchObject({ actor_user_id: officer.id, subject: officer.id });
    expect(login!.detail).toMatchObject({ method: 'sso', issuer: provider.issuer });
    const list = await app.inject({ method: 'GET', url: `/api/users/${officer.id}/identities`, headers: admin.headers });
    expect(list.json().items[0].lastLoginAt).not.toBeNull();
  });

  it('refuses a callback whose state is not the one this browser was given', async () => {
    provider.signInAs('vneid-079123456789');
    const mine = await start();
    const theirs = await start();
    const back = await provider.authorize(theirs.location);
    const crossed = await callback(back, mine.stateCookie);
    expect(crossed.headers.location).toBe('/?sso=SSO_STATE_INVALID');
    expect(crossed.cookies.find((c) => c.name === 'doorstep_session')).toBeUndefined();
    const noCookie = await callback(back, undefined);
    expect(noCookie.headers.location).toBe('/?sso=SSO_STATE_INVALID');
    const tampered = new URL(back);
    tampered.searchParams.set('state', 'x'.repeat(43));
    expect((await callback(tampered, 'x'.repeat(43))).headers.location).toBe('/?sso=SSO_STATE_INVALID');
    const failures = await auditActions('auth.login_failed');
    expect(failures.at(-1)!.detail).toMatchObject({ method: 'sso', reason: 'state_unknown' });
  });

  it('refuses a replayed callback: the state and the code are used once', async () => {
    const { response, back, stateCookie } = await signIn('vneid-079123456789');
    expect(response.headers.location).toBe('/?sso=done');
    const replay = await callback(back, stateCookie);
    expect(replay.headers.location).toBe('/?sso=SSO_STATE_INVALID');
    expect(replay.cookies.find((c) => c.name === 'doorstep_session')).toBeUndefined();
  });

  it('refuses an expired code at the provider', async () => {
    provider.setCodeTtl(1);
    try {
      provider.signInAs('vneid-079123456789');
      const { stateCookie, location } = await start();
      const back = await provider.authorize(location);
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const late = await callback(back, stateCookie);
      expect(late.headers.location).toBe('/?sso=SSO_REFUSED');
      expect(late.cookies.find((c) => c.name === 'doorstep_session')).toBeUndefined();
      expect((await auditActions('auth.login_failed')).at(-1)!.detail).toMatchObject({ method: 'sso', reason: 'sso_refused' });
    } finally {
      provider.setCodeTtl(60);
    }
  });

  it('refuses an unknown subject with a clear message and creates no account', async () => {
    const users = await ctx.db.selectFrom('users').select('id').execute();
    const { response } = await signIn('vneid-000000000001');
    expect(response.headers.location).toBe('/?sso=SSO_ACCOUNT_UNKNOWN');
    expect(response.cookies.find((c) => c.name === 'doorstep_session')).toBeUndefined();
    expect(await ctx.db.selectFrom('users').select('id').execute()).toHaveLength(users.length);
    expect((await auditActions('auth.login_failed')).at(-1)!.detail).toMatchObject({ method: 'sso', reason: 'unknown_subject' });
  });

  it('refuses a disabled account, and a subject once unlinked', async () => {
    const learner = await createUserAndLogin(app, { role: 'learner', scopeUnitCode: TREE.villageA });
    const linked = await link(learner.id, 'learner-subject-42');
    expect((await signIn('learner-subject-42')).response.headers.location).toBe('/?sso=done');

    await app.inject({ method: 'PATCH', url: `/api/users/${learner.id}`, headers: admin.headers, payload: { disabled: true } });
    expect((await signIn('learner-subject-42')).response.headers.location).toBe('/?sso=SSO_ACCOUNT_UNKNOWN');
    await app.inject({ method: 'PATCH', url: `/api/users/${learner.id}`, headers: admin.headers, payload: { disabled: false } });

    const removed = await app.inject({ method: 'DELETE', url: `/api/users/${learner.id}/identities/${linked.json().id}`, headers: admin.headers });
    expect(removed.statusCode).toBe(204);
    expect((await auditActions('identity.unlink')).at(-1)).toMatchObject({ actor_user_id: admin.id, subject: learner.id });
    expect((await signIn('learner-subject-42')).response.headers.location).toBe('/?sso=SSO_ACCOUNT_UNKNOWN');
    const twice = await app.inject({ method: 'DELETE', url: `/api/users/${learner.id}/identities/${linked.json().id}`, headers: admin.headers });
    expect(twice.json().error.code).toBe('IDENTITY_NOT_FOUND');
  });
});

describe('configuration', () => {
  it('lists every bad single sign-on value', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ OIDC_ISSUER_URL: 'http://idp.example.org' })).toEqual([
      'OIDC_CLIENT_ID is missing: single sign-on needs OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together',
      'OIDC_CLIENT_SECRET is missing: single sign-on needs OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together',
      'OIDC_ISSUER_URL must use https:// (plain http only on this machine), got "http://idp.example.org"',
      'OIDC_ISSUER_URL needs PUBLIC_URL: the provider sends people back to PUBLIC_URL/api/auth/sso/callback',
    ]);
    expect(problems({ OIDC_NAME: 'VNeID' })).toEqual(['OIDC_NAME is set but OIDC_ISSUER_URL is not']);
    expect(problems({ OIDC_ISSUER_URL: 'not a url', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b', PUBLIC_URL: 'https://doorstep.example' }))
      .toEqual(['OIDC_ISSUER_URL must be a URL, got "not a url"']);
    const ok = loadConfig({ OIDC_ISSUER_URL: 'https://id.example.vn', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b', PUBLIC_URL: 'https://doorstep.example/' });
    expect(ok.oidc).toMatchObject({ name: 'id.example.vn', redirectUrl: 'https://doorstep.example/api/auth/sso/callback' });
    expect(loadConfig({}).oidc).toBeUndefined();
  });
});
