import { expect, test } from 'vitest';
import { signIn } from './support/api-session.js';
import { openLearnerPhone, saveScreenshot } from './support/browser.js';
import { skipWithoutChromium } from './support/chromium.js';
import { demoJourney } from './support/demo-journey.js';
import { DEMO_PASSWORD } from './support/demo-password.js';

const journey = demoJourney();

interface Course { id: string; title: string; lessonCount: number }
interface MyCourse { id: string; lessonsRead: number }

test('on a phone, an enrolled learner\'s lessons open after an offline reload, even one never opened online, and keeping them marks nothing read', async (ctx) => {
  skipWithoutChromium(ctx);
  const { baseUrl, browser } = journey;
  const learner = await signIn(baseUrl, 'learner', DEMO_PASSWORD);
  // A course no other journey reads: the paying-online one.
  const course = (await learner.get<{ items: Course[] }>('/api/learning/courses')).items.find((c) => c.title === 'Thanh toán trực tuyến an toàn')!;
  expect(course.lessonCount).toBeGreaterThanOrEqual(2);
  await learner.post(`/api/learning/courses/${course.id}/enrolment`, {});
  const lessons = (await learner.get<{ lessons: { id: string; title: string }[] }>(`/api/learning/courses/${course.id}`)).lessons;
  const readBefore = (await learner.get<{ items: MyCourse[] }>('/api/learning/my/courses')).items.find((c) => c.id === course.id)!.lessonsRead;

  const { context, page, errors } = await openLearnerPhone(browser, baseUrl, 'learner', DEMO_PASSWORD);
  try {

    // At 375 px the title keeps a line of its own and the buttons stay one line high.
    const bar = await page.locator('.learn .topbar').boundingBox();
    const title = await page.locator('.learn .topbar h1').boundingBox();
    expect(title!.width).toBeGreaterThan(bar!.width * 0.8);
    for (const button of await page.locator('.learn .topbar .btn').all()) expect((await button.boundingBox())!.height).toBeLessThan(60);
    await saveScreenshot(page, 'learning-header-phone.png');

    // In the background the service worker takes over and keeps every lesson of the learner's courses.
    const kept = () => page.evaluate(async (ids) => {
      const cache = await caches.open('doorstep-lessons');
      const keys = (await cache.keys()).map((request) => new URL(request.url).pathname);
      return ids.filter((id) => keys.includes(`/api/learning/lessons/${id}`)).length;
    }, lessons.map((l) => l.id));
    await expect.poll(kept, { timeout: 60_000 }).toBe(lessons.length);
    // Keeping them is not reading them.
    expect((await learner.get<{ items: MyCourse[] }>('/api/learning/my/courses')).items.find((c) => c.id === course.id)!.lessonsRead).toBe(readBefore);

    // No network at all, and a reload on the last lesson, which was never opened on this phone.
    const last = lessons[lessons.length - 1]!;
    await context.setOffline(true);
    await page.evaluate((id) => { location.hash = `#/learn/lesson/${id}`; }, last.id);
    await page.reload();
    const lesson = page.getByTestId('lesson-view');
    await lesson.getByRole('heading', { name: last.title }).waitFor({ timeout: 30_000 });
    expect(await lesson.locator('.learn-lesson-body').textContent()).not.toBe('');
    await expect.poll(() => lesson.getByRole('status').textContent()).toContain('Không có mạng');
    await saveScreenshot(page, 'learning-lesson-offline.png');

    // The course page opens offline too, and leads to the first lesson.
    await page.evaluate((id) => { location.hash = `#/learn/course/${id}`; }, course.id);
    await page.getByTestId('course-view').getByRole('link', { name: lessons[0]!.title }).click();
    await lesson.getByRole('heading', { name: lessons[0]!.title }).waitFor();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, 240_000);
