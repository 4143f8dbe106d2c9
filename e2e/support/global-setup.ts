import type { TestProject } from 'vitest/node';
import { chromiumMissing } from './chromium.js';
import { DEMO_PASSWORD } from './demo-password.js';
import { startE2eServer } from './e2e-server.js';
import { ensureWebBuilt } from './web-build.js';

/**
 * Once per run of the browser journeys: the web app built, and one real server on the demo
 * province that every demo journey shares (building the demo province is the dearest part of a
 * journey's setup, and the journeys only add records of their own and compare before and after).
 * Nothing starts when Chromium is missing and the journeys will be skipped.
 */
export default async function setup(project: TestProject) {
  if (chromiumMissing()) return;
  ensureWebBuilt();
  const e2e = await startE2eServer({ demoPassword: DEMO_PASSWORD });
  project.provide('demoServerUrl', e2e.server.url);
  return () => e2e.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared demo server of the browser journeys. */
    demoServerUrl: string;
  }
}
