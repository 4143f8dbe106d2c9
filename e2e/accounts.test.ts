import { expect, test } from 'vitest';
import { createUser } from '../src/modules/auth/auth.service.js';
import { signIn } from './support/api-session.js';
import { saveScreenshot, signInWithForm } from './support/browser.js';
import { skipWithoutChromium } from './support/chromium.js';
import { isolatedDemoJourney } from './support/demo-journey.js';
import { DEMO_PASSWORD } from './support/demo-password.js';

// The demo accounts' password on this file's own server: the reset changes member's.
const PASSWORD = DEMO_PASSWORD;
const ADMIN_PASSWORD = 'e2e-second-admin-password';
const NEW_PASSWORD = 'mat-khau-moi-2026';
const journey = isolatedDemoJourney();

test('an administrator hands out a reset code and the user signs in with it, choosing a new password', async (ctx) => {
  skipWithoutChromium(ctx);
  const baseUrl = journey.e2e.server.url;
  await createUser(journey.e2e.server.database.db, { username: 'quantri', displayName: 'Quản trị E2E', password: ADMIN_PASSWORD, role: 'admin', scopeUnitCode: null }, null);

  const adminContext = await journey.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const admin = await adminContext.newPage();
  const userContext = await journey.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
  const phone = await userContext.newPage();
  const errors: string[] = [];
  admin.on('pageerror', (error) => errors.push(error.message));
  phone.on('pageerror', (error) => errors.push(error.message));
  try {
    await signInWithForm(admin, baseUrl, 'quantri', ADMIN_PASSWORD);
    await admin.getByRole('link', { name: 'Tài khoản', exact: true }).click();
    await admin.getByRole('heading', { name: 'Tài khoản', exact: true }).waitFor();
    const row = admin.locator('[data-testid="account"][data-username="member"]');
    await row.waitFor();
    // One's own row offers no "disable": the administrator cannot lock themself out.
    expect(await admin.locator('[data-testid="account"][data-username="quantri"]').getByRole('button', { name: 'Khóa tài khoản' }).count()).toBe(0);
    await row.getByRole('button', { name: 'Tạo mã đặt lại mật khẩu' }).click();
    await expect.poll(() => admin.getByTestId('accounts-result').textContent()).toMatch(/^Mã đặt lại mật khẩu cho member: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\./);
    const code = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec((await admin.getByTestId('accounts-result').textContent())!)![1]!;
    await saveScreenshot(admin, 'accounts-reset-code.png');

    // The user, on a phone: "I have a reset code", a new password, signed in.
    await phone.goto(baseUrl);
    await phone.getByRole('button', { name: 'Tôi có mã đặt lại mật khẩu' }).click();
    await phone.getByLabel('Tên đăng nhập').fill('member');
    await phone.getByLabel('Mã đặt lại mật khẩu').fill(code);
    await phone.getByLabel('Mật khẩu mới').fill('ngan');
    await phone.getByRole('button', { name: 'Đặt mật khẩu và đăng nhập' }).click();
    await phone.locator('.field-error', { hasText: 'Mật khẩu mới cần ít nhất 8 ký tự.' }).waitFor();
    // A wrong code is refused beside the code field, in words.
    await phone.getByLabel('Mã đặt lại mật khẩu').fill('AAAA-BBBB-CCCC');
    await phone.getByLabel('Mật khẩu mới').fill(NEW_PASSWORD);
    await phone.getByRole('button', { name: 'Đặt mật khẩu và đăng nhập' }).click();
    await phone.locator('.field-error', { hasText: 'Tên đăng nhập hoặc mật khẩu không đúng' }).waitFor();
    await phone.getByLabel('Mã đặt lại mật khẩu').fill(code);
    await phone.getByRole('button', { name: 'Đặt mật khẩu và đăng nhập' }).click();
    // Signed in: the field app's menu, with sign-out in it.
    await phone.getByTestId('menu').click({ timeout: 15_000 });
    await phone.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await saveScreenshot(phone, 'accounts-signed-in-with-code.png');

    // The old password no longer works, the new one does, and the code is used up.
    await expect(signIn(baseUrl, 'member', PASSWORD)).rejects.toThrow(/401/);
    await signIn(baseUrl, 'member', NEW_PASSWORD);
    const reuse = await fetch(`${baseUrl}/api/auth/reset`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'member', code, newPassword: 'yet another password' }),
    });
    expect(reuse.status).toBe(401);
    expect(errors).toEqual([]);
  } catch (error) {
    await saveScreenshot(phone, 'accounts-failure.png').catch(() => undefined);
    await saveScreenshot(admin, 'accounts-failure-admin.png').catch(() => undefined);
    throw error;
  } finally {
    await adminContext.close();
    await userContext.close();
  }
}, 240_000);
