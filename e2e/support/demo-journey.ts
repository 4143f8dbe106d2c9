import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { startE2eServer, type E2eServer } from './e2e-server.js';
import { ensureWebBuilt } from './web-build.js';

/** What a journey on the demo province works with, ready once its hooks have run. */
export interface DemoJourney {
  readonly e2e: E2eServer;
  readonly browser: Browser;
}

/**
 * Registers the hooks of a browser journey on the demo province: the web app built, the real
 * server started with the demo accounts' `password`, Chromium launched; all closed afterwards.
 */
export function demoJourney(password: string): DemoJourney {
  const state: { e2e?: E2eServer; browser?: Browser } = {};
  beforeAll(async () => {
    ensureWebBuilt();
    state.e2e = await startE2eServer({ demoPassword: password });
    state.browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await state.browser?.close();
    await state.e2e?.stop();
  }, 60_000);
  return {
    get e2e() { return state.e2e!; },
    get browser() { return state.browser!; },
  };
}
