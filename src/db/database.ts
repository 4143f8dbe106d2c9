import fs from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import { restrictTree } from '../lib/data-dir.js';
import { pgliteAssets } from './pglite-assets.js';
import { PGlitePool } from './pglite-pool.js';
import { PreparingClient } from './prepared.js';
import { typeParsers } from './type-parsers.js';
import type { DB } from './types.js';

export type Database = Kysely<DB>;
export type DatabaseKind = 'pglite' | 'postgresql';

export interface DatabaseHandle {
  readonly db: Database;
  readonly kind: DatabaseKind;
  /** The embedded instance itself, for dumps and backups; absent on a PostgreSQL server. */
  readonly pglite?: PGlite;
  close(): Promise<void>;
}

function handle(db: Database, kind: DatabaseKind, pglite?: PGlite): DatabaseHandle {
  let closed = false;
  return {
    db,
    kind,
    pglite,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

export interface PGliteOptions {
  dataDir?: string;
  /** A dump (`dumpDataDir`) to start from instead of an empty database. */
  loadDataDir?: Blob;
  /** Server settings beside PGlite's own, e.g. `{ shared_buffers: '16MB' }`. */
  settings?: Readonly<Record<string, string>>;
}

/** The embedded database: PostgreSQL compiled to WebAssembly, in a folder or in memory. */
export async function openPGlite(options: PGliteOptions = {}): Promise<DatabaseHandle> {
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const settings = Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  // Loaded only here: on PostgreSQL the embedded database's module (about 40 MB resident) is never needed.
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create({
    ...(await pgliteAssets()),
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    parsers: typeParsers,
    ...(settings.length > 0 ? { startParams: [...PGlite.defaultStartParams, ...settings] } : {}),
  });
  if (options.dataDir) restrictTree(options.dataDir);
  const pool = new PGlitePool(pglite);
  // The pool implements the part of pg.Pool that PostgresDialect calls.
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) });
  return handle(db, 'pglite', pglite);
}

export interface PostgresOptions {
  /** Give up connecting after this long (pg waits for ever by default). */
  connectTimeoutMs?: number;
  /**
   * Keep every connection once opened, idle or not (pg closes one idle for 10 s). A server's
   * pool does: a new PostgreSQL backend plans its first statements against cold catalog caches
   * (a contest's start took 19 ms to bind there), and a contest's synchronised start comes after
   * quiet minutes, exactly when the pool would have let its connections go.
   */
  keepIdle?: boolean;
}

export async function openPostgres(connectionString: string, max = 10, options: PostgresOptions = {}): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString,
    max,
    min: options.keepIdle ? max : 0,
    Client: PreparingClient,
    // With a connect timeout, TCP keep-alive too, probing after 10 s of silence: a server that
    // vanishes without closing its sockets is then noticed by the operating system instead of
    // holding a read for ever (how soon depends on its keep-alive interval and count).
    ...(options.connectTimeoutMs === undefined ? {} : { connectionTimeoutMillis: options.connectTimeoutMs, keepAlive: true, keepAliveInitialDelayMillis: 10_000 }),
    types: { getTypeParser: ((oid: number, format?: string) => typeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser },
  });
  // An idle client dies when the server restarts or a database is dropped; without a listener pg
  // turns that into an uncaught error that ends the process. The pool replaces the client anyway.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return handle(db, 'postgresql');
}

export function openDatabase(config: Config): Promise<DatabaseHandle> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, 10, { keepIdle: true }) : openPGlite({ dataDir: config.dataDir });
}

/**
 * How long a read waits to connect to the replica before it reads from the primary instead: a
 * replica that is down answers "refused" at once; one that is unreachable costs this, once per
 * back-off (see read-replica.ts).
 */
export const REPLICA_CONNECT_TIMEOUT_MS = 2000;

/** The replica's pool when DATABASE_REPLICA_URL is set. Opening connects nothing: a replica that is down does not stop the server. */
export async function openReplica(config: Config): Promise<DatabaseHandle | undefined> {
  if (!config.databaseReplicaUrl) return undefined;
  return openPostgres(config.databaseReplicaUrl, 10, { connectTimeoutMs: REPLICA_CONNECT_TIMEOUT_MS });
}
