import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { adminUrl } from '../../src/testing/test-database-names.js';
import { chromiumMissing } from './chromium.js';
import { DEMO_PASSWORD } from './demo-password.js';
import { adminStatement, startE2eServer, type E2eServerHome } from './e2e-server.js';
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
  // The other workers' demo servers (worker-demo-server.ts) live here, removed with the run.
  const home: E2eServerHome = {
    folder: fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-e2e-run-')),
    databasePrefix: `doorstep_e2e_${randomBytes(4).toString('hex')}_`,
  };
  project.provide('e2eRunHome', home);
  // On the embedded database, the demo province as built, before any journey, for the journeys
  // that need a server of their own: loading it costs a few seconds, building it again ~25 s.
  let dumpFolder: string | undefined;
  const pglite = e2e.server.database.pglite;
  if (pglite) {
    dumpFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-e2e-demo-'));
    const dump = path.join(dumpFolder, 'demo.tar');
    fs.writeFileSync(dump, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
    project.provide('demoDump', dump);
  } else {
    project.provide('demoDump', '');
  }
  return async () => {
    await e2e.stop();
    if (dumpFolder) fs.rmSync(dumpFolder, { recursive: true, force: true });
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
    /** The shared demo server of the browser journeys. */
    demoServerUrl: string;
    /** Its embedded database dumped as built, or '' on a PostgreSQL server. */
    demoDump: string;
    /** Where the other workers' demo servers keep their files and databases. */
    e2eRunHome: E2eServerHome;
  }
}
