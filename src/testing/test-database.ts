import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { openPGlite, openPostgres, type DatabaseHandle } from '../db/database.js';
import { dumpBlob } from './dump-blob.js';
import { adminUrl } from './test-database-names.js';

/**
 * Settings of a test file's embedded database. Its files live in memory already, so PostgreSQL's
 * own page cache gains little, while setting up the default 128 MB of it took about 1 s of CPU at
 * every start (1.2 s instead of 2–3 s per database, measured on 2 cores).
 */
const TEST_PGLITE_SETTINGS = { shared_buffers: '16MB' } as const;

/** The template dump, read once per worker (workers keep their modules from file to file). */
const dumps = new Map<string, Buffer>();

/** The dump as PGlite reads it (dump-blob.ts), its bytes read once per worker. */
function dumpOf(file: string): Blob {
  let bytes = dumps.get(file);
  if (!bytes) {
    bytes = fs.readFileSync(file);
    dumps.set(file, bytes);
  }
  return dumpBlob(bytes);
}

/**
 * An embedded database as made, not migrated (for backups and migrations), loaded from the run's
 * dump when there is one (runs on PostgreSQL make none).
 */
export function openEmptyPGlite(): Promise<DatabaseHandle> {
  const dump = inject('emptyPGliteDump');
  return dump ? openPGlite({ loadDataDir: dumpOf(dump), settings: TEST_PGLITE_SETTINGS }) : openPGlite();
}

/**
 * A fresh, migrated database for one test file: a copy of the run's template, on PGlite or on
 * the PostgreSQL server named by DATABASE_URL. Close it in afterAll or the process never exits.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const template = inject('databaseTemplate');
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    return openPGlite({ loadDataDir: dumpOf(template), settings: TEST_PGLITE_SETTINGS });
  }
  const name = `doorstep_t_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(adminUrl(serverUrl), 1);
  await sql.raw(`create database ${name} template ${template}`).execute(admin.db);
  const handle = await openPostgres(adminUrl(serverUrl, name), 4);
  return {
    ...handle,
    async close() {
      await handle.close();
      // pg's pool resolves end() before the server has closed its sessions; dropping with force
      // then would kill them and the dying client would throw an uncaught FATAL. Wait for them.
      for (let i = 0; i < 100; i += 1) {
        const open = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = ${name}`.execute(admin.db);
        if (Number(open.rows[0]?.n ?? 0) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
      await admin.close();
    },
  };
}
