import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let user: TestUser;
let address = 0;

beforeAll(async () => {
  t = await startTestApp({ env: { PUBLIC_URL: 'https://hoc.daklak.gov.vn' } });
  user = await createUserAndLogin(t.app, { role: 'admin', scopeUnitCode: null });
});
afterAll(() => t.close());

const login = (headers: Record<string, string>) => {
  address += 1;
  return t.app.inject({
    method: 'POST', url: '/api/auth/login', headers: { host: 'doorstep.local:3000', ...headers },
    payload: { username: user.username, password: user.password }, remoteAddress: `10.9.0.${address}`,
  });
};

describe('login from another site', () => {
  it('is refused, in the one error shape, and sets no cookie', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://doorstep.local:3001', 'not a url']) {
      const response = await login({ origin });
      expect(response.statusCode, origin).toBe(403);
      expect(response.json().error).toMatchObject({ code: 'CROSS_SITE_REQUEST', field: 'origin' });
      expect(response.cookies).toEqual([]);
    }
    expect((await login({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
  });

  it('is taken from the page the server serves, from PUBLIC_URL, and from callers that are no page', async () => {
    expect((await login({ origin: 'http://doorstep.local:3000' })).statusCode).toBe(200);
    expect((await login({ origin: 'https://hoc.daklak.gov.vn' })).statusCode).toBe(200);
    expect((await login({ origin: 'http://doorstep.local:3000', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    expect((await login({})).statusCode).toBe(200);
  });
});
