import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { adminUrl } from '../testing/test-database-names.js';
import { tableCounts } from './backup.js';
import { openPGlite, openPostgres, type DatabaseHandle } from './database.js';
import { migrateToLatest } from './migrate.js';

/**
 * Backup and restore of a database several times larger than the heap they are allowed: the
 * `doorstep` command runs in a child process whose JavaScript heap is capped, so a backup or
 * restore that held the whole data (as the first version did) dies out of memory instead of
 * passing. PGlite's own memory lives outside that heap; the test caps what the command holds.
 */
const HEAP_MB = 96;
/** Audit entries of 1.6 KB each: about 120 MB of JSON, well over the heap cap. */
const ROWS = 75_000;
const ROW_TEXT = 1_600;

const run = promisify(execFile);
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-backup-memory-'));
const serverUrl = process.env.DATABASE_URL;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** An empty database and the environment the command needs to reach it. */
async function emptyDatabase(label: string): Promise<{ env: Record<string, string>; open: () => Promise<DatabaseHandle> }> {
  if (!serverUrl) {
    const dataDir = path.join(folder, label);
    return { env: { DATA_DIR: dataDir }, open: () => openPGlite({ dataDir }) };
  }
  const name = `doorstep_t_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(adminUrl(serverUrl), 1);
  await sql.raw(`create database ${name}`).execute(admin.db);
  cleanups.push(async () => {
    await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
    await admin.close();
  });
  const url = adminUrl(serverUrl, name);
  return { env: { DATABASE_URL: url }, open: () => openPostgres(url, 2) };
}

async function doorstep(args: string[], env: Record<string, string>): Promise<string> {
  const { stdout } = await run(process.execPath, [`--max-old-space-size=${HEAP_MB}`, 'bin/doorstep.js', ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), LOG_LEVEL: 'silent', DOORSTEP_DEMO: 'false', ...env },
    maxBuffer: 1024 * 1024,
  });
  return stdout;
}

describe('backup and restore in bounded memory', () => {
  it(`back up and restore ${ROWS} rows (~${Math.round((ROWS * ROW_TEXT) / 1e6)} MB) with a ${HEAP_MB} MB heap`, async () => {
    const source = await emptyDatabase('source');
    let expected: Record<string, number>;
    {
      const handle = await source.open();
      try {
        await migrateToLatest(handle.db);
        await sql`insert into audit_events (action, subject, detail)
          select 'test.bulk', repeat(md5(g::text), ${Math.ceil(ROW_TEXT / 32)}), jsonb_build_object('n', g)
          from generate_series(1, ${ROWS}) g`.execute(handle.db);
        expected = await tableCounts(handle.db);
        const size = await sql<{ bytes: number }>`select sum(length(to_jsonb(a)::text))::bigint as bytes from audit_events a`.execute(handle.db);
        expect(Number(size.rows[0]!.bytes)).toBeGreaterThan(HEAP_MB * 1024 * 1024 * 1.2);
      } finally {
        await handle.close();
      }
    }
    const file = path.join(folder, 'large.doorstep.gz');
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    expect(await doorstep(['backup', file], source.env)).toContain(`Wrote ${total} rows`);

    const target = await emptyDatabase('target');
    expect(await doorstep(['restore', file], target.env)).toContain('Restored');
    const handle = await target.open();
    try {
      const after = await tableCounts(handle.db);
      expect(after).toEqual(expected);
      const last = await handle.db.selectFrom('audit_events').select(['subject', 'detail']).orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(last.subject).toHaveLength(Math.ceil(ROW_TEXT / 32) * 32);
      expect(last.detail).toEqual({ n: ROWS });
    } finally {
      await handle.close();
    }
  }, 900_000);
});
