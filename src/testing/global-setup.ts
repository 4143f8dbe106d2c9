import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPGlite, openPostgres } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { adminUrl, templateName } from './test-database-names.js';

/**
 * Migrates once per run. On PGlite the migrated data directory is dumped to a file that every
 * test file loads; on PostgreSQL a template database is made that every test file copies.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const template = templateName();
    const admin = await openPostgres(adminUrl(serverUrl), 1);
    const { sql } = await import('kysely');
    await sql.raw(`drop database if exists ${template}`).execute(admin.db);
    await sql.raw(`create database ${template}`).execute(admin.db);
    const target = await openPostgres(adminUrl(serverUrl, template), 1);
    await migrateToLatest(target.db);
    await target.close();
    project.provide('databaseTemplate', template);
    project.provide('emptyPGliteDump', '');
    return async () => {
      await sql.raw(`drop database if exists ${template}`).execute(admin.db);
      await admin.close();
    };
  }

  const handle = await openPGlite();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-test-'));
  const save = async (name: string) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, Buffer.from(await (await handle.pglite!.dumpDataDir('none')).arrayBuffer()));
    return file;
  };
  // Also the database as made, for tests of what happens before migrations: making one (initdb)
  // costs about 6 s of CPU, loading this dump about 1 s.
  project.provide('emptyPGliteDump', await save('empty.tar'));
  await migrateToLatest(handle.db);
  project.provide('databaseTemplate', await save('migrated.tar'));
  await handle.close();
  return () => fs.rmSync(folder, { recursive: true, force: true });
}
