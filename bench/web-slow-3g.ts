/**
 * What the web benchmarks share (`npm run bench:web`): slow 3G as the budgets state it, a phone's
 * browser context, and the milestones a page notes as it paints.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

/** Slow 3G as the budget states it: 400 ms round trips, 400 kbit/s both ways, a phone 4× slower than this machine. */
export const NETWORK = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
export const CPU_SLOWDOWN = 4;

/**
 * Runs in the page before its own scripts: notes (performance.now(), from the start of the
 * navigation) the first moment each milestone is in the document. A lesson counts once its title
 * and the first paragraph of its text are there.
 */
export const MILESTONES = `(() => {
  const marks = (window.__benchMarks = {});
  const check = () => {
    const now = performance.now();
    const user = document.querySelector('input[name=username]');
    if (marks.loginTyping === undefined && user && user.offsetParent !== null) marks.loginTyping = now;
    if (marks.loginApp === undefined && user && !document.getElementById('boot-login')) marks.loginApp = now;
    if (marks.figures === undefined && document.querySelector('[data-testid="public-lead"]') && document.querySelector('[data-testid="tile-value"]')) marks.figures = now;
    const lesson = document.querySelector('[data-testid="lesson-view"]');
    if (marks.lesson === undefined && lesson && lesson.querySelector('h2')?.textContent && lesson.querySelector('.learn-lesson-body p')?.textContent) marks.lesson = now;
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

export interface Marks { loginTyping?: number; loginApp?: number; figures?: number; lesson?: number; fcp?: number }

/** A phone's browser context (375 px, Vietnamese, touch) whose page notes the milestones. */
export async function phonePage(browser: Browser): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.addInitScript(MILESTONES);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  return { context, page, cdp };
}

/** Slows the page's network to slow 3G and its CPU 4× (the page's own requests; a service worker's are not throttled). */
export async function throttle(cdp: CDPSession): Promise<void> {
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

export async function throttledPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page, cdp } = await phonePage(browser);
  await throttle(cdp);
  return { context, page };
}

export async function marksOf(page: Page, name: keyof Marks): Promise<Marks> {
  await page.waitForFunction((key) => (window as unknown as { __benchMarks: Marks }).__benchMarks[key] !== undefined, name, { timeout: 60_000, polling: 100 });
  return page.evaluate(() => ({
    ...(window as unknown as { __benchMarks: Marks }).__benchMarks,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
  }));
}

/** Waits until nothing has crossed the proxy for `quietMs`. */
export async function networkQuiet(bytes: () => number, quietMs = 3000): Promise<void> {
  let last = bytes();
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (bytes() !== last) {
      last = bytes();
      since = Date.now();
    }
  }
}
