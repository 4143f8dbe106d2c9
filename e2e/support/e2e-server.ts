import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { adminUrl } from '../../src/testing/test-database-names.js';

export interface E2eServer {
  server: RunningServer;
  stop(): Promise<void>;
}

/**
 * The real server, in process, on a free port and a database of its own: a temporary PGlite
 * folder, or a fresh database on DATABASE_URL's server when set (CI runs the suite on both).
 * It builds the demo province with a known password for the demo accounts.
 */
export async function startE2eServer(demoPassword: string): Promise<E2eServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-e2e-'));
  const serverUrl = process.env.DATABASE_URL;
  const databaseName = `doorstep_e2e_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl(serverUrl!) });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  if (serverUrl) await admin(`create database ${databaseName}`);

  const cleanUp = async () => {
    if (serverUrl) await admin(`drop database if exists ${databaseName} with (force)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const server = await startServer(loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      DATABASE_URL: serverUrl ? adminUrl(serverUrl, databaseName) : '',
      DOORSTEP_DEMO_PASSWORD: demoPassword,
      DOORSTEP_SECRET: 'e2e-secret-key-0123456789abcdef-0123456789',
    }));
    return {
      server,
      async stop() {
        await server.stop();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
