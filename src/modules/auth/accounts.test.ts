import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../app.js';
import { loginTreeOfficers, startAuthTestApp, TREE, type AuthTestContext } from '../../testing/auth-fixtures.js';
import { createUserAndLogin, loginAs, type TestUser } from '../../testing/login.js';

let ctx: AuthTestContext;
let app: App;
let admin: TestUser;
let province: TestUser;
let officerA: TestUser;
let officerB: TestUser;

beforeAll(async () => {
  ctx = await startAuthTestApp();
  app = ctx.app;
  ({ admin, province, officerA, officerB } = await loginTreeOfficers(app));
});

afterAll(async () => {
  await ctx?.close();
});

const inject = (user: TestUser | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: user?.headers ?? {}, ...(payload === undefined ? {} : { payload }) });
const member = (username: string, scope: string = TREE.villageA) => createUserAndLogin(app, { role: 'team_member', scopeUnitCode: scope, username });
const auditActions = async (subject: string) =>
  (await ctx.database.db.selectFrom('audit_events').select('action').where('subject', '=', subject).orderBy('id').execute()).map((r) => r.action);

describe('PATCH /api/users/:id', () => {
  it('changes role and scope inside the officer’s subtree, audited without the name', async () => {
    const user = await member('patch.me');
    const response = await inject(officerA, 'PATCH', `/api/users/${user.id}`, { role: 'team_leader', scopeUnitCode: TREE.communeA, displayName: 'Trần Văn Mới' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id, role: 'team_leader', scopeUnitCode: TREE.communeA, displayName: 'Trần Văn Mới', disabled: false });
    const entry = await ctx.database.db.selectFrom('audit_events').select(['action', 'detail']).where('subject', '=', user.id).where('action', '=', 'user.update').executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.detail)).not.toContain('Trần');
  });

  it('refuses another commune’s account, a scope outside the subtree and a role above one’s own, naming the field', async () => {
    const other = await member('other.commune', TREE.communeB);
    expect((await inject(officerA, 'PATCH', `/api/users/${other.id}`, { disabled: true })).statusCode).toBe(404);
    const mine = await member('mine.a');
    const outside = await inject(officerA, 'PATCH', `/api/users/${mine.id}`, { scopeUnitCode: TREE.communeB });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.field).toBe('scopeUnitCode');
    const higher = await inject(officerA, 'PATCH', `/api/users/${mine.id}`, { role: 'province_officer' });
    expect(higher.statusCode).toBe(403);
    expect(higher.json().error.field).toBe('role');
    const empty = await inject(officerA, 'PATCH', `/api/users/${mine.id}`, {});
    expect(empty.statusCode).toBe(400);
  });

  it('disabling ends the account’s sessions at once', async () => {
    const user = await member('to.disable');
    expect((await inject(user, 'GET', '/api/auth/me')).statusCode).toBe(200);
    const response = await inject(officerA, 'PATCH', `/api/users/${user.id}`, { disabled: true });
    expect(response.json().disabled).toBe(true);
    expect((await inject(user, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'to.disable', password: user.password } })).statusCode).toBe(401);
  });

  it('keeps the last active administrator: neither disabled nor given another role', async () => {
    const disable = await inject(admin, 'PATCH', `/api/users/${admin.id}`, { role: 'province_officer', scopeUnitCode: TREE.province });
    expect(disable.statusCode).toBe(409);
    expect(disable.json().error).toMatchObject({ code: 'LAST_ADMIN', field: 'role' });
    const second = await createUserAndLogin(app, { role: 'admin', scopeUnitCode: null, username: 'root2' });
    const first = await inject(second, 'PATCH', `/api/users/${admin.id}`, { disabled: true });
    expect(first.statusCode).toBe(200);
    const last = await inject(admin, 'PATCH', `/api/users/${second.id}`, { disabled: true });
    // `admin` is disabled now, so its session no longer works at all.
    expect(last.statusCode).toBe(401);
    const self = await inject(second, 'PATCH', `/api/users/${second.id}`, { disabled: true });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.field).toBe('disabled');
    const reenable = await inject(second, 'PATCH', `/api/users/${admin.id}`, { disabled: false });
    expect(reenable.json().disabled).toBe(false);
    admin = { ...admin, ...(await loginAs(app, { username: 'root', password: admin.password })) };
    const lastOne = await inject(admin, 'PATCH', `/api/users/${second.id}`, { disabled: true });
    expect(lastOne.statusCode).toBe(200);
    const nowLast = await inject(second, 'PATCH', `/api/users/${admin.id}`, { disabled: true });
    expect(nowLast.statusCode).toBe(401);
  });
});

describe('password reset codes', () => {
  it('a code works once, replaces the password, ends the user’s sessions and is stored only as a hash', async () => {
    const user = await member('forgetful');
    const issued = await inject(officerA, 'POST', `/api/users/${user.id}/reset-code`);
    expect(issued.statusCode).toBe(201);
    const { code, expiresAt } = issued.json();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
    const stored = await ctx.database.db.selectFrom('password_resets').selectAll().where('user_id', '=', user.id).execute();
    expect(JSON.stringify(stored)).not.toContain(code);

    const reset = await app.inject({ method: 'POST', url: '/api/auth/reset', payload: { username: 'forgetful', code: code.toLowerCase(), newPassword: 'a brand new password' } });
    expect(reset.statusCode).toBe(204);
    expect((await inject(user, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'forgetful', password: user.password } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'forgetful', password: 'a brand new password' } })).statusCode).toBe(200);

    const again = await app.inject({ method: 'POST', url: '/api/auth/reset', payload: { username: 'forgetful', code, newPassword: 'another new password' } });
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toMatchObject({ code: 'INVALID_CREDENTIALS', field: 'code' });
    expect(await auditActions(user.id)).toEqual(expect.arrayContaining(['user.reset_code', 'auth.password_reset']));
  });

  it('only the newest code works, not another user’s, not an expired one; short passwords fail the schema', async () => {
    const user = await member('twice');
    const first = (await inject(officerA, 'POST', `/api/users/${user.id}/reset-code`)).json().code;
    const second = (await inject(officerA, 'POST', `/api/users/${user.id}/reset-code`)).json().code;
    const attempt = (username: string, code: string, newPassword = 'long enough password') =>
      app.inject({ method: 'POST', url: '/api/auth/reset', payload: { username, code, newPassword } });
    expect((await attempt('twice', first)).statusCode).toBe(401);
    expect((await attempt('officer.a', second)).statusCode).toBe(401);
    const short = await attempt('twice', second, 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.field).toBe('newPassword');
    await ctx.database.db.updateTable('password_resets').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', user.id).execute();
    expect((await attempt('twice', second)).statusCode).toBe(401);
  });

  it('an officer cannot issue a code for another commune’s account or for a higher role', async () => {
    expect((await inject(officerA, 'POST', `/api/users/${officerB.id}/reset-code`)).statusCode).toBe(404);
    expect((await inject(officerA, 'POST', `/api/users/${province.id}/reset-code`)).statusCode).toBe(404);
    expect((await inject(province, 'POST', `/api/users/${officerB.id}/reset-code`)).statusCode).toBe(201);
  });
});

describe('one’s own account', () => {
  it('changes the password with the current one; other sessions end, this one stays', async () => {
    const user = await member('changer');
    const other = await loginAs(app, { username: 'changer', password: user.password });
    const wrong = await inject(user, 'POST', '/api/auth/password', { currentPassword: 'not it', newPassword: 'a new long password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'CURRENT_PASSWORD_WRONG', field: 'currentPassword' });
    expect((await inject(user, 'POST', '/api/auth/password', { currentPassword: user.password, newPassword: 'a new long password' })).statusCode).toBe(204);
    expect((await inject(user, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: other.headers })).statusCode).toBe(401);
  });

  it('lists one’s live sessions and signs out everywhere', async () => {
    const user = await member('many.devices');
    const phone = await loginAs(app, { username: 'many.devices', password: user.password });
    const sessions = (await inject(user, 'GET', '/api/auth/sessions')).json().items;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(JSON.stringify(sessions)).not.toContain(user.headers.cookie!.split('=')[1]!);
    expect((await inject(user, 'POST', '/api/auth/logout-everywhere')).statusCode).toBe(204);
    expect((await inject(user, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: phone.headers })).statusCode).toBe(401);
  });
});
