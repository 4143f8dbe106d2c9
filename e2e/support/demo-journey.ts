import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './browser.js';
import { chromiumMissing } from './chromium.js';

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
