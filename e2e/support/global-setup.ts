import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { sharedMigratedDump } from '../../src/testing/migrated-dump.js';
import { chromiumMissing } from './chromium.js';
import { DEMO_PASSWORD } from './demo-password.js';
import { startE2eServer, type E2eServer } from './e2e-server.js';
import { ensureWebBuilt } from './web-build.js';

/**
 * Once per run of the browser journeys: the web app built, and one real server on the demo
 * province per worker (building the demo province is the dearest part of a journey's setup).
 * Journeys run beside each other, so each worker drives a server of its own: the journeys on it
 * run one after another and only add records of their own, comparing before and after, which a
 * journey in another worker must not disturb. Nothing starts when Chromium is missing and the
 * journeys will be skipped.
 */
export default async function setup(project: TestProject) {
  if (chromiumMissing()) return;
  ensureWebBuilt();
  const workers = Math.max(1, Number(project.config.maxWorkers) || 1);
  const servers: E2eServer[] = [];
  let dumpFolder: string | undefined;
  const stop = async () => {
    for (const server of servers) await server.stop();
    if (dumpFolder) fs.rmSync(dumpFolder, { recursive: true, force: true });
  };
  try {
    // From the server tests' migrated database when they run in the same process.
    const migratedDump = process.env.DATABASE_URL ? undefined : sharedMigratedDump();
    servers.push(await startE2eServer({ demoPassword: DEMO_PASSWORD, migratedDump }));
    // On the embedded database, the demo province as built, before any journey: the other
    // workers' servers and the journeys that need a server of their own start from it (loading
    // it costs a few seconds, building it again ~25 s).
    const pglite = servers[0]!.server.database.pglite;
    if (pglite) {
      dumpFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-e2e-demo-'));
      const dump = path.join(dumpFolder, 'demo.tar');
      fs.writeFileSync(dump, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
      project.provide('demoDump', dump);
      while (servers.length < workers) servers.push(await startE2eServer({ demoDump: dump }));
    } else {
      project.provide('demoDump', '');
      // On PostgreSQL the building is the database server's work: the others are built together.
      const more = await Promise.allSettled(Array.from({ length: workers - 1 }, () => startE2eServer({ demoPassword: DEMO_PASSWORD })));
      for (const result of more) if (result.status === 'fulfilled') servers.push(result.value);
      const failed = more.find((result) => result.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
    }
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('demoServerUrls', servers.map((e2e) => e2e.server.url));
  return stop;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The demo servers of the browser journeys, one per worker (VITEST_POOL_ID 1 drives the first). */
    demoServerUrls: string[];
    /** Their embedded database dumped as built, or '' on a PostgreSQL server. */
    demoDump: string;
  }
}
