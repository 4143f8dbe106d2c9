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
    return async () => {
      await sql.raw(`drop database if exists ${template}`).execute(admin.db);
      await admin.close();
    };
  }

  const handle = await openPGlite();
  await migrateToLatest(handle.db);
  const dump = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-test-')), 'migrated.tar');
  const blob = await handle.pglite!.dumpDataDir('none');
  fs.writeFileSync(dump, Buffer.from(await blob.arrayBuffer()));
  await handle.close();
  project.provide('databaseTemplate', dump);
  return () => fs.rmSync(path.dirname(dump), { recursive: true, force: true });
}
