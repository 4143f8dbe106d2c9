import { expect, test } from 'vitest';
import { skipWithoutChromium } from './support/chromium.js';
import { demoJourney } from './support/demo-journey.js';
import { DEMO_PASSWORD } from './support/demo-password.js';

const journey = demoJourney();

test('before the app\'s script has arrived, the sign-in form painted from the HTML takes the name, the password and the press of "Đăng nhập", and the app then signs in with them', async (ctx) => {
  skipWithoutChromium(ctx);
  // No service worker: every file comes from the network, as on a first visit.
  const context = await journey.browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'vi-VN', serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // A refused inline script (the CSP) shows up here.
  page.on('console', (message) => { if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(message.text()); });
  // The app's script is held back, as slow 3G holds it for seconds, until the person has pressed the button.
  let release!: () => void;
  const pressed = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await pressed;
    await route.continue();
  });
  try {
    await page.goto(journey.baseUrl, { waitUntil: 'commit' });
    const painted = page.locator('#boot-login');
    await painted.getByLabel('Tên đăng nhập').fill('learner');
    await painted.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await painted.getByRole('button', { name: 'Đăng nhập' }).click();
    expect(await painted.getByRole('button', { name: 'Đăng nhập' }).isDisabled()).toBe(true);
    release();
    // The app arrives, takes what was typed and sends the held press: the learner lands in their part.
    await page.getByTestId('catalogue').waitFor({ timeout: 60_000 });
    expect(await page.locator('#boot-login').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('doorstep.signedIn'))).toBe('1');

    // Signed in on this device: a cold start paints "loading", not the sign-in form.
    await page.unroute(/\/assets\/index-[^/]+\.js$/);
    const again = await context.newPage();
    await again.route(/\/assets\/index-[^/]+\.js$/, (route) => route.abort());
    await again.goto(journey.baseUrl);
    expect(await again.locator('#boot-login').isHidden()).toBe(true);
    expect(await again.locator('#boot-status').textContent()).toBe('Đang mở…');
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}, 180_000);
