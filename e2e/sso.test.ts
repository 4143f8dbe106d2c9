import net from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createUser } from '../src/modules/auth/auth.service.js';
import { ssoSettings, startTestProvider, type TestProvider } from '../src/testing/oidc-test-provider.js';
import { signIn } from './support/api-session.js';
import { launchChromium } from './support/browser.js';
import { chromiumMissing, skipWithoutChromium } from './support/chromium.js';
import { DEMO_PASSWORD } from './support/demo-password.js';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';
import { runSharedDemo } from './support/worker-demo-server.js';

/** A port free right now: the provider must know the server's callback before the server starts. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const SUBJECT = 'vneid-province-officer-0001';
const ADMIN_PASSWORD = 'e2e-sso-admin-password';
let provider: TestProvider;
let e2e: E2eServer;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  if (chromiumMissing()) return;
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  provider = await startTestProvider(`${baseUrl}/api/auth/sso/callback`, { devInteractions: true });
  const demoDump = (await runSharedDemo()).dump;
  e2e = await startE2eServer({ ...(demoDump ? { demoDump } : { demoPassword: DEMO_PASSWORD }), settings: { ...ssoSettings(provider, baseUrl), PORT: String(port) } });
  // An administrator links the province officer's account to the provider's subject.
  await createUser(e2e.server.database.db, { username: 'quantri-sso', displayName: 'Quản trị SSO', password: ADMIN_PASSWORD, role: 'admin', scopeUnitCode: null }, null);
  const admin = await signIn(baseUrl, 'quantri-sso', ADMIN_PASSWORD);
  const officer = await signIn(baseUrl, 'province', DEMO_PASSWORD);
  await admin.post(`/api/users/${officer.user.id}/identities`, { issuer: provider.issuer, subject: SUBJECT });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await e2e?.stop();
  await provider?.close();
}, 60_000);

/** From the login screen's single sign-on button to the provider's own login and consent pages, as `subject`. */
async function signInAtProvider(subject: string) {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'vi-VN' });
  // The provider's development pages ask for a web font; nothing here reaches the internet.
  await context.route(/^https:\/\/fonts\./, (route) => route.abort());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(baseUrl);
  await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
  await page.waitForURL((url) => url.origin === provider.issuer, { timeout: 30_000 });
  await page.locator('input[name=login]').fill(subject);
  await page.locator('input[name=password]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.origin === baseUrl, { timeout: 30_000 });
  return { context, page, errors };
}

test('an officer signs in through the provider and comes back signed in as the linked account', async (ctx) => {
  skipWithoutChromium(ctx);
  const { context, page, errors } = await signInAtProvider(SUBJECT);
  try {
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 30_000 }).toMatch(/^#\/dashboard\//);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json() as Promise<{ user: { username: string; role: string } }>);
    expect(me.user).toMatchObject({ username: 'province', role: 'province_officer' });
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, 240_000);

test('a subject linked to no account is refused with a sentence on the login screen, and no session opens', async (ctx) => {
  skipWithoutChromium(ctx);
  const { context, page } = await signInAtProvider('vneid-stranger-0002');
  try {
    const refusal = page.getByTestId('sso-error');
    await expect.poll(() => refusal.textContent(), { timeout: 30_000 })
      .toBe('Tài khoản định danh này chưa được liên kết với tài khoản nào trong hệ thống. Hãy nhờ quản trị viên liên kết, hoặc đăng nhập bằng mật khẩu.');
    expect(await page.getByLabel('Tên đăng nhập').isVisible()).toBe(true);
    expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(401);
  } finally {
    await context.close();
  }
}, 240_000);
