import type { Page } from 'playwright-core';

interface TilesWanted {
  unitName: string;
  count: number;
}

interface Marks {
  __clickAt?: number;
  __tilesShownAt?: number;
}

/**
 * Runs in the page: notes `performance.now()` (milliseconds since the navigation started) at the
 * first moment the dashboard shows `unitName` with all its indicator tiles. Tiles are React
 * buttons whose handlers are live once rendered, so this is when the dashboard is usable. Kept
 * free of outside names: Playwright sends its source to the browser.
 */
function markTilesShown({ unitName, count }: TilesWanted): void {
  const marks = window as unknown as Marks;
  delete marks.__tilesShownAt;
  const check = () => {
    if (marks.__tilesShownAt !== undefined) return;
    const title = document.querySelector('[data-testid="dashboard-unit"]')?.textContent;
    if (title === unitName && document.querySelectorAll('[data-testid="indicator-tile"]').length === count) {
      marks.__tilesShownAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * Run through tsx (the benchmarks), functions sent to the page carry esbuild's `__name(…)`
 * wrappers, which the page does not define: an identity stands in for it.
 */
const NAME_HELPER = 'globalThis.__name ??= (fn) => fn;';

async function tilesShownAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as Marks).__tilesShownAt, undefined, { timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}

/** Milliseconds from the start of a page load at `url` (a new document) until the unit's tiles are shown. */
export async function timeDashboardLoad(page: Page, url: string, wanted: TilesWanted): Promise<number> {
  await page.addInitScript({ content: NAME_HELPER });
  await page.addInitScript(markTilesShown, wanted);
  await page.goto(url);
  return tilesShownAt(page);
}

/** Milliseconds from a click (by `click`, in the page already open) until the unit's tiles are shown. */
export async function timeDrillDown(page: Page, click: () => Promise<void>, wanted: TilesWanted): Promise<number> {
  await page.evaluate(NAME_HELPER);
  await page.evaluate(markTilesShown, wanted);
  await page.evaluate(() => {
    const marks = window as unknown as Marks;
    delete marks.__clickAt;
    document.addEventListener('click', () => { marks.__clickAt = performance.now(); }, { capture: true, once: true });
  });
  await click();
  const shown = await tilesShownAt(page);
  const clicked = await page.evaluate(() => (window as unknown as Marks).__clickAt);
  if (clicked === undefined) throw new Error('the click never reached the page');
  return shown - clicked;
}
