/**
 * A lesson on slow 3G, as the demo learner meets it (part of `npm run bench:web`):
 * - cold: a learner who signed in on this phone earlier (the session is in IndexedDB, the cookie
 *   in the browser) opens a lesson link, `#/learn/lesson/<id>`, with nothing of the app cached:
 *   no HTTP cache, no service worker, no Cache Storage. Counted from the start of the navigation
 *   until the lesson's title and first paragraph are in the page.
 * - warm: right after, the app loaded and the network quiet, the learner goes to "my courses" and
 *   taps "continue" on another course. Counted from the tap until that lesson's text shows.
 */
import type { Browser, Page } from 'playwright-core';
import { marksOf, networkQuiet, phonePage, throttle, type Marks } from './web-slow-3g.js';

export const LEARNER = 'learner';

/** The lessons the measure opens: the first of one course (cold), where another course resumes (warm). */
export interface LessonSetup { coldLessonId: string; warmLessonId: string; warmCourseTitle: string }

export interface LessonRun { coldMs: number; coldFcpMs?: number; coldKB: number; warmMs: number; lessonKB: number }

/** Enrols the demo learner in two starter courses through the API and reads the second one's first lesson, so it resumes there. */
export async function prepareLearner(base: string, password: string): Promise<LessonSetup> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: LEARNER, password }),
  });
  if (!login.ok) throw new Error(`learner login: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async <T>(method: string, route: string): Promise<T> => {
    const answer = await fetch(`${base}${route}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, 'accept-language': 'vi' } });
    if (!answer.ok) throw new Error(`${method} ${route}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as T;
  };
  const { items } = await call<{ items: { id: string; title: string }[] }>('GET', '/api/learning/courses');
  if (items.length < 2) throw new Error('the demo has fewer than two starter courses');
  const [cold, warm] = items as [{ id: string; title: string }, { id: string; title: string }];
  const lessons: string[] = [];
  for (const course of [cold, warm]) {
    await call('POST', `/api/learning/courses/${course.id}/enrolment`);
    const detail = await call<{ lessons: { id: string }[] }>('GET', `/api/learning/courses/${course.id}`);
    lessons.push(detail.lessons[0]!.id);
  }
  await call('GET', `/api/learning/lessons/${lessons[1]}`);
  return { coldLessonId: lessons[0]!, warmLessonId: lessons[1]!, warmCourseTitle: warm.title };
}

async function signInWithForm(page: Page, base: string, password: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel('Tên đăng nhập').fill(LEARNER);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('my-courses').waitFor({ timeout: 60_000 });
}

/** One cold and one warm opening in a fresh browser context. */
export async function measureLesson(
  browser: Browser, base: string, password: string, setup: LessonSetup, proxy: { bytes: () => number; reset: () => void },
): Promise<LessonRun> {
  const { context, page, cdp } = await phonePage(browser);
  try {
    // Signed in earlier on a good network: the session stays, everything cached goes.
    await signInWithForm(page, base, password);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await networkQuiet(proxy.bytes);
    await page.goto('about:blank');
    await cdp.send('Storage.clearDataForOrigin', { origin: base, storageTypes: 'service_workers,cache_storage' });
    await cdp.send('Network.clearBrowserCache');
    await throttle(cdp);

    proxy.reset();
    await page.goto(`${base}/#/learn/lesson/${setup.coldLessonId}`, { waitUntil: 'commit' });
    const cold: Marks = await marksOf(page, 'lesson');
    const coldBytes = proxy.bytes();

    // The app is loaded; once the service worker and the lessons kept ahead are done, back to "my courses".
    await networkQuiet(proxy.bytes);
    await page.getByRole('link', { name: 'Khóa học', exact: true }).click();
    const resume = page.getByTestId('my-courses').locator(`a[href="#/learn/lesson/${setup.warmLessonId}"]`);
    await resume.waitFor({ timeout: 60_000 });
    await networkQuiet(proxy.bytes);
    proxy.reset();
    // The tap and its clock in the page itself: no round trip to the driver inside the figure.
    const tappedAt = await page.evaluate((href) => {
      const marks = (window as unknown as { __benchMarks: Marks }).__benchMarks;
      delete marks.lesson;
      const at = performance.now();
      document.querySelector<HTMLElement>(`[data-testid="my-courses"] a[href="${href}"]`)!.click();
      return at;
    }, `#/learn/lesson/${setup.warmLessonId}`);
    const warm = await marksOf(page, 'lesson');
    return { coldMs: cold.lesson!, coldFcpMs: cold.fcp, coldKB: coldBytes / 1024, warmMs: warm.lesson! - tappedAt, lessonKB: proxy.bytes() / 1024 };
  } finally {
    await context.close();
  }
}
