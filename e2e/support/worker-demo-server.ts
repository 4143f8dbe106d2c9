import { inject } from 'vitest';
import { DEMO_PASSWORD } from './demo-password.js';
import { startE2eServer } from './e2e-server.js';
import { demoDay, sharedDemo, type SharedDemo } from './shared-demo.js';

/** Where a worker's demo server listens, and the Vietnam day its demo was built for. */
export type WorkerDemo = Pick<SharedDemo, 'url' | 'builtOn'>;

let ownServer: Promise<WorkerDemo> | undefined;
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
export function workerDemoServer(): Promise<WorkerDemo> {
  if (Number(process.env.VITEST_POOL_ID ?? '1') <= 1) return runSharedDemo();
  ownServer ??= (async () => {
    const shared = await runSharedDemo();
    const home = inject('e2eRunHome');
    // A copy of the shared demo keeps the day it was built for; a demo built here has its own.
    if (shared.dump) return { url: (await startE2eServer({ demoDump: shared.dump, home })).server.url, builtOn: shared.builtOn };
    const { built, builtOn } = await demoDay(() => startE2eServer({ demoPassword: DEMO_PASSWORD, home }));
    return { url: built.server.url, builtOn };
  })();
  return ownServer;
}
