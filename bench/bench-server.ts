import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { openPostgres } from '../src/db/database.js';
import { startServer, type RunningServer } from '../src/server.js';
import { adminUrl } from '../src/testing/test-database-names.js';

export interface BenchServer {
  server: RunningServer;
  databaseLabel: string;
  close(): Promise<void>;
}

/**
 * A real server on a free port over a database of its own: a fresh database on the PostgreSQL
 * server of DATABASE_URL (dropped afterwards), or an embedded one in a temporary folder. With
 * `reuse`, over an existing database instead (a PostgreSQL URL or an embedded data folder),
 * left as it was found but for what the benchmark writes.
 */
export async function startBenchServer(env: Record<string, string> = {}, reuse?: { databaseUrl?: string; dataDir?: string }): Promise<BenchServer> {
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
  const config = loadConfig({
    ...env,
    PORT: '0', LOG_LEVEL: 'warn', DOORSTEP_DEMO: 'false', DATA_DIR: dataDir,
    DOORSTEP_ADMIN_PASSWORD: 'bench-admin-password', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const server = await startServer(config);
  const version = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(server.database.db);
  return {
    server,
    databaseLabel: `${server.database.kind} ${version.rows[0]?.v ?? ''}`.trim(),
    async close() {
      await server.stop();
      await dropDatabase();
      if (!reusing) fs.rmSync(dataDir, { recursive: true, force: true });
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

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function machineLabel(): string {
  return `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function writeResult(name: string, result: unknown): string {
  const dir = path.resolve('bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
  return file;
}
