import { inject } from 'vitest';
import { DEMO_PASSWORD } from './demo-password.js';
import { startE2eServer } from './e2e-server.js';
import { sharedDemo, type SharedDemo } from './shared-demo.js';

let ownServer: Promise<string> | undefined;
let shared: Promise<SharedDemo> | undefined;

/** The run's shared demo server (global-setup.ts), once it has announced itself. */
export function runSharedDemo(): Promise<SharedDemo> {
  shared ??= sharedDemo(inject('sharedDemoFile'));
  return shared;
}

/**
 * The demo server this worker's journeys share. Journeys run in two workers at once, and a
 * journey compares figures before and after its own records, so the two workers must not share
 * one province: the first worker uses the run's demo server (global-setup.ts), every other worker
 * starts one of its own, once (the worker keeps its modules, and so this server, from one journey
 * to the next), from the run's dump of the demo province on the embedded database or by building
 * it on a PostgreSQL server. The run's teardown removes its files and database.
 */
export function workerDemoServerUrl(): Promise<string> {
  if (Number(process.env.VITEST_POOL_ID ?? '1') <= 1) return runSharedDemo().then((demo) => demo.url);
  ownServer ??= (async () => {
    const demoDump = (await runSharedDemo()).dump;
    const home = inject('e2eRunHome');
    const e2e = await startE2eServer({ ...(demoDump ? { demoDump } : { demoPassword: DEMO_PASSWORD }), home });
    return e2e.server.url;
  })();
  return ownServer;
}
