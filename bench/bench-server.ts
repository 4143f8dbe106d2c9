import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { openDatabase, openPostgres, type Database, type DatabaseKind } from '../src/db/database.js';
import { startServer } from '../src/server.js';
import { adminUrl } from '../src/testing/test-database-names.js';
import { compiledEntry, SERVER_SOURCES } from '../bin/compiled.js';
import { forkBenchProcess } from './load-process.js';
import { meterThisProcess, type ServerMeter, type ServerUsage } from './server-meter.js';

export interface BenchServer {
  /** The server's address. */
  url: string;
  /** The benchmark's connection to the server's database (the server's own, when it runs here). */
  db: Database;
  kind: DatabaseKind;
  databaseLabel: string;
  /** Measures the server's process over a part of the benchmark. */
  meter: ServerMeter;
  /**
   * Where the server runs: in the benchmark's process, or in a process of its own, from the
   * compiled build (as `doorstep serve` runs it once `npm ci` has built it) or from the sources.
   */
  process: 'benchmark' | 'own, compiled' | 'own, sources through tsx';
  close(): Promise<void>;
}

/**
 * A real server on a free port over a database of its own: a fresh database on the PostgreSQL
 * server of DATABASE_URL (dropped afterwards), or an embedded one in a temporary folder. With
 * `reuse`, over an existing database instead (a PostgreSQL URL or an embedded data folder),
 * left as it was found but for what the benchmark writes. With `ownProcess`, on PostgreSQL, the
 * server runs in a process of its own (`server-process.ts`) and the benchmark reaches its
 * database over a pool of its own; the embedded database belongs to one process, so there the
 * server stays in the benchmark's.
 */
export async function startBenchServer(
  env: Record<string, string> = {},
  reuse?: { databaseUrl?: string; dataDir?: string },
  options: { ownProcess?: boolean } = {},
): Promise<BenchServer> {
  const serverUrl = process.env.DATABASE_URL;
  const reusing = reuse?.databaseUrl !== undefined || reuse?.dataDir !== undefined;
  const dataDir = reuse?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-bench-'));
  let databaseUrl: string | undefined = reuse?.databaseUrl;
  let dropDatabase = async () => {};
  if (serverUrl && !reusing) {
    const name = `doorstep_bench_${randomBytes(4).toString('hex')}`;
    const admin = await openPostgres(adminUrl(serverUrl), 1);
    await sql.raw(`create database ${name}`).execute(admin.db);
    databaseUrl = adminUrl(serverUrl, name);
    dropDatabase = async () => {
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
      await admin.close();
    };
  }
  const configEnv = {
    ...env,
    PORT: '0', LOG_LEVEL: 'warn', DOORSTEP_DEMO: 'false', DATA_DIR: dataDir,
    DOORSTEP_ADMIN_PASSWORD: 'bench-admin-password', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const removeDataDir = () => { if (!reusing) fs.rmSync(dataDir, { recursive: true, force: true }); };
  const label = async (db: Database, kind: DatabaseKind) => {
    const version = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db);
    return `${kind} ${version.rows[0]?.v ?? ''}`.trim();
  };

  if (options.ownProcess && databaseUrl) {
    // The server as `doorstep serve` runs it: compiled when dist/ is current, the sources else.
    const compiled = compiledEntry('bench/server-process.js', [...SERVER_SOURCES, 'bench']);
    if (!compiled) console.warn('dist/ is missing or older than the sources: the server runs through tsx (about 70 MB more). Run `npm run build:server` first.');
    const child = compiled
      ? forkBenchProcess(new URL(compiled), { compiled: true })
      : forkBenchProcess(new URL('./server-process.ts', import.meta.url));
    const { url } = await child.ask<{ url: string }>({ kind: 'start', env: configEnv });
    // Migrated by the server's start. A pool like the server's: the contest's ceiling keeps as
    // many attempts in flight over it as the server had.
    const own = await openDatabase(loadConfig(configEnv));
    return {
      url, db: own.db, kind: 'postgresql', databaseLabel: await label(own.db, 'postgresql'),
      process: compiled ? 'own, compiled' : 'own, sources through tsx',
      meter: {
        start: (cpuProfile) => child.ask({ kind: 'meter-start', cpuProfile }),
        stop: () => child.ask<ServerUsage>({ kind: 'meter-stop' }),
      },
      async close() {
        await child.ask({ kind: 'stop' });
        child.kill();
        await own.close();
        await dropDatabase();
        removeDataDir();
      },
    };
  }
  const server = await startServer(loadConfig(configEnv));
  const { db, kind } = server.database;
  return {
    url: server.url, db, kind, databaseLabel: await label(db, kind), process: 'benchmark', meter: meterThisProcess(() => server.app.server),
    async close() {
      await server.stop();
      await dropDatabase();
      removeDataDir();
    },
  };
}

/** Logs in over HTTP and answers the headers a client sends back. */
export async function benchLogin(url: string, username: string, password: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

// In a module of its own, so the server's request timer (request-times.ts) reads it without this one.
export { percentile } from './percentile.js';

export function machineLabel(): string {
  // The heap limit moves the peak memory the benchmarks report (package.json passes the server's).
  const heapLimitMb = Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20);
  return `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, heap limit ${heapLimitMb} MB`;
}

export function writeResult(name: string, result: unknown): string {
  const dir = path.resolve('bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
  return file;
}
