import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { adminUrl } from '../../src/testing/test-database-names.js';
import { chromiumMissing } from './chromium.js';
import { adminStatement, type E2eServerHome } from './e2e-server.js';
import { startSharedDemo } from './shared-demo.js';
import { ensureWebBuilt } from './web-build.js';

/**
 * Once per run of the browser journeys: the web app built, and one real server on the demo
 * province that every demo journey shares (building the demo province is the dearest part of a
 * journey's setup, and the journeys only add records of their own and compare before and after).
 * Nothing starts when Chromium is missing and the journeys will be skipped.
 */
export default function setup(project: TestProject) {
  if (chromiumMissing()) return;
  ensureWebBuilt();
  // The other workers' demo servers (worker-demo-server.ts) live here, removed with the run.
  const home: E2eServerHome = {
    folder: fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-e2e-run-')),
    databasePrefix: `doorstep_e2e_${randomBytes(4).toString('hex')}_`,
  };
  project.provide('e2eRunHome', home);
  // Built while the server tests run; the journeys wait for its announcement (shared-demo.ts).
  const announceFile = path.join(home.folder, 'shared-demo.json');
  project.provide('sharedDemoFile', announceFile);
  const shared = startSharedDemo(announceFile, home);
  return async () => {
    await shared.stop();
    fs.rmSync(home.folder, { recursive: true, force: true });
    await dropDatabases(home.databasePrefix);
  };
}

/** The run's databases on the PostgreSQL server, if the journeys ran there; their workers have exited. */
async function dropDatabases(prefix: string): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return;
  const client = new pg.Client({ connectionString: adminUrl(serverUrl) });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [prefix]);
    for (const { datname } of rows) await adminStatement(serverUrl, `drop database if exists ${datname} with (force)`);
  } finally {
    await client.end();
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the shared demo server of the browser journeys announces itself (shared-demo.ts). */
    sharedDemoFile: string;
    /** Where the other workers' demo servers keep their files and databases. */
    e2eRunHome: E2eServerHome;
  }
}
