import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './browser.js';
import { chromiumMissing } from './chromium.js';
import { DEMO_PASSWORD } from './demo-password.js';
import { startE2eServer, type E2eServer } from './e2e-server.js';

/** What a journey on the demo province works with, ready once its hooks have run. */
export interface DemoJourney {
  /** The demo server of this worker (e2e/support/global-setup.ts), its accounts' password DEMO_PASSWORD. */
  readonly baseUrl: string;
  readonly browser: Browser;
}

/**
 * The demo server of the worker running this file: journeys run beside each other, one at a time
 * in each worker, and each worker has its own server, so no journey's records land between
 * another's before and after.
 */
function workerDemoServerUrl(): string {
  const urls = inject('demoServerUrls');
  const pool = Number(process.env.VITEST_POOL_ID ?? '1');
  const url = urls[pool - 1];
  if (!url) throw new Error(`no demo server for worker ${pool} of ${urls.length}: the e2e project's maxWorkers and its global setup disagree`);
  return url;
}

let workerBrowser: Promise<Browser> | undefined;

/**
 * Chromium for the journeys of this worker: launched by its first journey and kept for the next
 * ones (the worker keeps its modules, `isolate: false` in vitest.config.ts), which saves a launch
 * per journey. It ends with the worker process, which Playwright watches for. Journeys run one
 * at a time in a worker and each works in browser contexts of its own.
 */
async function browserOfWorker(): Promise<Browser> {
  const current = await workerBrowser?.catch(() => undefined);
  if (current?.isConnected()) return current;
  workerBrowser = launchChromium();
  return workerBrowser;
}

/** What a journey leaves open (a context a failed test did not reach closing) ends with it. */
async function closeContexts(browser: Browser | undefined): Promise<void> {
  if (!browser?.isConnected()) return;
  for (const context of browser.contexts()) await context.close();
}

/**
 * Registers the hooks of a browser journey on the demo province: the worker's Chromium, its
 * contexts closed after the file. The server and the built app are the run's, shared by the demo
 * journeys of a worker. Without Chromium nothing starts: the tests skip themselves (`skipWithoutChromium`).
 */
export function demoJourney(): DemoJourney {
  const state: { browser?: Browser } = {};
  beforeAll(async () => {
    if (chromiumMissing()) return;
    state.browser = await browserOfWorker();
  }, 180_000);
  afterAll(async () => {
    await closeContexts(state.browser);
  }, 60_000);
  return {
    get baseUrl() { return workerDemoServerUrl(); },
    get browser() { return state.browser!; },
  };
}

/** A journey on a demo server of its own, for one that changes what others rely on. */
export interface IsolatedDemoJourney extends DemoJourney {
  readonly e2e: E2eServer;
}

/**
 * Like `demoJourney`, but with a demo server of its own, its accounts sharing DEMO_PASSWORD: for
 * a journey that changes what the journeys on the shared servers rely on (the demo accounts'
 * passwords, the units). On the embedded database it starts from a copy of the shared servers'
 * demo province as built; on a PostgreSQL server it builds one (the limit allows for that on a
 * busy machine).
 */
export function isolatedDemoJourney(): IsolatedDemoJourney {
  const state: { e2e?: E2eServer; browser?: Browser } = {};
  beforeAll(async () => {
    if (chromiumMissing()) return;
    const demoDump = inject('demoDump');
    state.e2e = await startE2eServer(demoDump ? { demoDump } : { demoPassword: DEMO_PASSWORD });
    state.browser = await browserOfWorker();
  }, 600_000);
  afterAll(async () => {
    await closeContexts(state.browser);
    await state.e2e?.stop();
  }, 60_000);
  return {
    get e2e() { return state.e2e!; },
    get baseUrl() { return state.e2e!.server.url; },
    get browser() { return state.browser!; },
  };
}
