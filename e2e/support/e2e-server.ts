import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { openPGlite, type Database, type DatabaseHandle } from '../../src/db/database.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { dumpBlob } from '../../src/testing/dump-blob.js';
import { adminUrl } from '../../src/testing/test-database-names.js';

/** The server's key for hashed national IDs; data written beside the server must use it too. */
export const E2E_SECRET = 'e2e-secret-key-0123456789abcdef-0123456789';

/** One statement on the PostgreSQL server's maintenance database (creating and dropping databases). */
export async function adminStatement(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl(serverUrl) });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface E2eServer {
  server: RunningServer;
  stop(): Promise<void>;
}

export type E2eServerOptions =
  /** The demo province, built at the first start, its accounts sharing this password. */
  | { demoPassword: string }
  /** No demo: `seed` fills the empty database once the server is up, before any request. */
  | { seed: (db: Database) => Promise<void> }
  /**
   * A copy of a demo province already built (on PGlite only): the embedded database dumped to
   * this file, loaded into the new server's folder before it starts.
   */
  | { demoDump: string };

/**
 * Where a server's files and database go when it may outlive its journey (a worker's demo server,
 * never stopped by a journey): under the run's folder and with the run's name prefix, which the
 * run's teardown removes (see global-setup.ts).
 */
export interface E2eServerHome {
  folder: string;
  databasePrefix: string;
}

/**
 * The real server, in process, on a free port (or `settings.PORT`) and a database of its own: a temporary PGlite
 * folder, or a fresh database on DATABASE_URL's server when set (CI runs the suite on both).
 */
export async function startE2eServer(options: E2eServerOptions & { settings?: Record<string, string>; home?: E2eServerHome }): Promise<E2eServer> {
  const dataDir = fs.mkdtempSync(path.join(options.home?.folder ?? os.tmpdir(), 'doorstep-e2e-'));
  const serverUrl = process.env.DATABASE_URL;
  const databaseName = `${options.home?.databasePrefix ?? 'doorstep_e2e_'}${randomBytes(6).toString('hex')}`;
  const admin = (statement: string) => adminStatement(serverUrl!, statement);
  if (serverUrl) await admin(`create database ${databaseName}`);
  // A built demo province loads into memory: writing its files to the folder and opening them
  // again took most of a minute on a busy machine, for every journey with a server of its own.
  let opened: DatabaseHandle | undefined;
  if ('demoDump' in options) {
    if (serverUrl) throw new Error('a demo dump is an embedded database; on a PostgreSQL server build the demo');
    opened = await openPGlite({ loadDataDir: dumpBlob(fs.readFileSync(options.demoDump)), settings: { shared_buffers: '16MB' } });
  }

  const cleanUp = async () => {
    if (serverUrl) await admin(`drop database if exists ${databaseName} with (force)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  let server: RunningServer | undefined;
  try {
    server = await startServer(loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      DATABASE_URL: serverUrl ? adminUrl(serverUrl, databaseName) : '',
      DOORSTEP_SECRET: E2E_SECRET,
      // Every journey signs in from 127.0.0.1, many times over on the shared server; the login
      // limit itself is tested in src/modules/auth.
      LOGIN_RATE_LIMIT: '10000',
      ...('demoPassword' in options ? { DOORSTEP_DEMO_PASSWORD: options.demoPassword } : { DOORSTEP_DEMO: 'false' }),
      // A journey's own settings (single sign-on, a fixed port) come last.
      ...options.settings,
    }), opened);
    if ('seed' in options) await options.seed(server.database.db);
    const running = server;
    return {
      server: running,
      async stop() {
        await running.stop();
        await cleanUp();
      },
    };
  } catch (error) {
    await server?.stop();
    await cleanUp();
    throw error;
  }
}
