import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { chromiumMissing } from './chromium.js';
import { DEMO_PASSWORD } from './demo-password.js';
import { startE2eServer, type E2eServer } from './e2e-server.js';
import { demoDay } from './shared-demo.js';
import { runSharedDemo, workerDemoServer } from './worker-demo-server.js';

/** What a journey on the demo province works with, ready once its hooks have run. */
export interface DemoJourney {
  /** The worker's demo server (worker-demo-server.ts), its accounts' password DEMO_PASSWORD. */
  readonly baseUrl: string;
  readonly browser: Browser;
  /** The Vietnam day the demo's "today" is, or null when its build crossed midnight. */
  readonly demoBuiltOn: string | null;
}

/**
 * Registers the hooks of a browser journey on the demo province: Chromium launched for this
 * file, and closed afterwards. The built app is the run's and the server the worker's, shared by
 * the demo journeys that worker runs. Without Chromium nothing starts: the tests skip themselves
 * (`skipWithoutChromium`).
 */
export function demoJourney(): DemoJourney {
  const state: { browser?: Browser; baseUrl?: string; builtOn?: string | null } = {};
  beforeAll(async () => {
    if (chromiumMissing()) return;
    const demo = await workerDemoServer();
    state.baseUrl = demo.url;
    state.builtOn = demo.builtOn;
    state.browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await state.browser?.close();
  }, 60_000);
  return {
    get baseUrl() { return state.baseUrl!; },
    get browser() { return state.browser!; },
    get demoBuiltOn() { return state.builtOn ?? null; },
  };
}

/** A journey on a demo server of its own, for one that changes what others rely on. */
export interface IsolatedDemoJourney extends DemoJourney {
  readonly e2e: E2eServer;
}

/**
 * Like `demoJourney`, but with a demo server of its own, its accounts sharing DEMO_PASSWORD: for
 * a journey that changes what the journeys on the shared server rely on (the demo accounts'
 * passwords, the units). On the embedded database it starts from a copy of the shared server's
 * demo province as built; on a PostgreSQL server it builds one (the limit allows for that on a
 * busy machine).
 */
export function isolatedDemoJourney(): IsolatedDemoJourney {
  const state: { e2e?: E2eServer; browser?: Browser; builtOn?: string | null } = {};
  beforeAll(async () => {
    if (chromiumMissing()) return;
    const shared = await runSharedDemo();
    const { built, builtOn } = shared.dump
      ? { built: await startE2eServer({ demoDump: shared.dump }), builtOn: shared.builtOn }
      : await demoDay(() => startE2eServer({ demoPassword: DEMO_PASSWORD }));
    state.e2e = built;
    state.builtOn = builtOn;
    state.browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await state.browser?.close();
    await state.e2e?.stop();
  }, 60_000);
  return {
    get e2e() { return state.e2e!; },
    get baseUrl() { return state.e2e!.server.url; },
    get browser() { return state.browser!; },
    get demoBuiltOn() { return state.builtOn ?? null; },
  };
}
