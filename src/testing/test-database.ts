import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { openPGlite, openPostgres, type DatabaseHandle } from '../db/database.js';
import { adminUrl } from './test-database-names.js';

/**
 * A fresh, migrated database for one test file: a copy of the run's template, on PGlite or on
 * the PostgreSQL server named by DATABASE_URL. Close it in afterAll or the process never exits.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const template = inject('databaseTemplate');
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dump = new Blob([fs.readFileSync(template)]);
    return openPGlite({ loadDataDir: dump });
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
