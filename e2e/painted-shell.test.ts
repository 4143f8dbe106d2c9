import { expect, test } from 'vitest';
import { signIn } from './support/api-session.js';
import { signInWithForm } from './support/browser.js';
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

test('a lesson link opened by a learner signed in on the phone shows the lesson\'s title and text before the app\'s script has arrived, and the app then keeps that answer', async (ctx) => {
  skipWithoutChromium(ctx);
  // A course no other journey reads.
  const api = await signIn(journey.baseUrl, 'learner', DEMO_PASSWORD);
  const course = (await api.get<{ items: { id: string; title: string }[] }>('/api/learning/courses')).items.find((c) => c.title === 'Mua sắm trực tuyến an toàn')!;
  await api.post(`/api/learning/courses/${course.id}/enrolment`, {});
  const lesson = (await api.get<{ lessons: { id: string; title: string }[] }>(`/api/learning/courses/${course.id}`)).lessons[0]!;

  // No service worker: every file comes from the network, as on a first visit.
  const context = await journey.browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'vi-VN', serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(message.text()); });
  try {
    await signInWithForm(page, journey.baseUrl, 'learner', DEMO_PASSWORD);
    await page.getByTestId('catalogue').waitFor({ timeout: 60_000 });
    await page.goto('about:blank');

    // The app's script held back, as slow 3G holds it for seconds.
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => { release = resolve; });
    await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
      await arrived;
      await route.continue();
    });
    const lessonReads: string[] = [];
    page.on('request', (request) => { if (request.url().includes(`/api/learning/lessons/${lesson.id}`)) lessonReads.push(request.url()); });
    await page.goto(`${journey.baseUrl}/#/learn/lesson/${lesson.id}`, { waitUntil: 'commit' });
    const view = page.getByTestId('lesson-view');
    await view.getByRole('heading', { name: lesson.title }).waitFor({ timeout: 30_000 });
    expect(await view.locator('.learn-lesson-body p').first().textContent()).not.toBe('');
    // The learner's part was asked for beside the app's script, not after it.
    expect(await page.locator('link[rel=modulepreload][href*="/assets/learner-page-"]').count()).toBe(1);

    release();
    // The app takes over: its lesson screen (with the way back to the course) shows the same lesson, asked for once.
    await view.getByRole('link', { name: '← Về khóa học' }).waitFor({ timeout: 60_000 });
    expect(await view.getByRole('heading', { name: lesson.title }).count()).toBe(1);
    expect(lessonReads).toHaveLength(1);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}, 180_000);
