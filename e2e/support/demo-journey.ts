import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './browser.js';
import { chromiumMissing } from './chromium.js';
import { startE2eServer, type E2eServer } from './e2e-server.js';

/** What a journey on the demo province works with, ready once its hooks have run. */
export interface DemoJourney {
  /** The shared demo server (e2e/support/global-setup.ts), its accounts' password DEMO_PASSWORD. */
  readonly baseUrl: string;
  readonly browser: Browser;
}

/**
 * Registers the hooks of a browser journey on the demo province: Chromium launched for this
 * file, and closed afterwards. The server and the built app are the run's, shared by every demo
 * journey. Without Chromium nothing starts: the tests skip themselves (`skipWithoutChromium`).
 */
export function demoJourney(): DemoJourney {
  const state: { browser?: Browser } = {};
  beforeAll(async () => {
    if (chromiumMissing()) return;
    state.browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await state.browser?.close();
  }, 60_000);
  return {
    get baseUrl() { return inject('demoServerUrl'); },
    get browser() { return state.browser!; },
  };
}

/** A journey on a demo server of its own, for one that changes what others rely on. */
export interface IsolatedDemoJourney extends DemoJourney {
  readonly e2e: E2eServer;
}

/**
 * Like `demoJourney`, but with a demo server of its own whose accounts share `password`: for a
 * journey that changes the demo accounts themselves (a password reset), which the journeys on
 * the shared server sign in with.
 */
export function isolatedDemoJourney(password: string): IsolatedDemoJourney {
  const state: { e2e?: E2eServer; browser?: Browser } = {};
  beforeAll(async () => {
    if (chromiumMissing()) return;
    state.e2e = await startE2eServer({ demoPassword: password });
    state.browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await state.browser?.close();
    await state.e2e?.stop();
  }, 60_000);
  return {
    get e2e() { return state.e2e!; },
    get baseUrl() { return state.e2e!.server.url; },
    get browser() { return state.browser!; },
  };
}
