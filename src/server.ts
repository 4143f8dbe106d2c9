import { buildApp, type App } from './app.js';
import type { Config } from './config.js';
import { openDatabase, openReplica, type DatabaseHandle } from './db/database.js';
import { upkeepHotTables } from './db/embedded-upkeep.js';
import { migrateToLatest } from './db/migrate.js';
import { prepareFirstStart, type StartupReport } from './demo/first-start.js';
import { protectDataDir } from './lib/data-dir.js';
import { resolveSecretKey } from './lib/secret-key.js';
import { markServerRunning } from './lib/server-lock.js';
import { refreshAlerts } from './modules/targets/alerts/alerts.service.js';
import { listProvinces } from './modules/units/units.service.js';

export interface RunningServer {
  app: App;
  database: DatabaseHandle;
  url: string;
  report: StartupReport;
  stop(): Promise<void>;
}

/**
 * Opens the database, migrates it, fills an empty one with the demo, and listens. `opened` is a
 * database the caller has opened already (the browser journeys load a built demo province into an
 * embedded database in memory); the server then owns it and closes it when it stops.
 */
export async function startServer(config: Config, opened?: DatabaseHandle): Promise<RunningServer> {
  // Before the database opens, so PGlite's files are private from their first byte.
  protectDataDir(config.dataDir);
  const database = opened ?? await openDatabase(config);
  // Opening connects nothing: a replica that is down leaves reads on the primary until it answers.
  const replica = await openReplica(config);
  try {
    await migrateToLatest(database.db);
    const secretKey = resolveSecretKey(config);
    const report = await prepareFirstStart(database.db, config, secretKey);
    const app = await buildApp(config, { database, replica, secretKey });
    if (replica) app.log.info('dashboard and report reads go to the read replica (DATABASE_REPLICA_URL), the primary while it does not answer');
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = config.publicUrl ?? `http://${host}:${port}`;
    const stopAlerts = scheduleAlerts(app, config.alertIntervalMinutes);
    const stopUpkeep = database.kind === 'pglite' ? scheduleUpkeep(app) : async () => {};
    const unmark = database.kind === 'pglite' ? markServerRunning(config.dataDir) : () => {};
    let stopping: Promise<void> | undefined;
    const stop = () => (stopping ??= (async () => {
      await stopUpkeep();
      await stopAlerts();
      await app.close();
      await replica?.close();
      await database.close();
      unmark();
    })());
    return { app, database, url, report, stop };
  } catch (error) {
    await replica?.close();
    await database.close();
    throw error;
  }
}

/**
 * Re-evaluates every province's communes on a schedule so officers see an alert when one turns
 * behind. One pass at a time; a failed pass is logged and the next one tries again.
 */
function scheduleAlerts(app: App, minutes: number): () => Promise<void> {
  if (minutes <= 0) return async () => {};
  let running: Promise<unknown> = Promise.resolve();
  const pass = async () => {
    for (const province of await listProvinces(app.database.db)) await refreshAlerts(app.database.db, province.code);
  };
  const timer = setInterval(() => {
    running = running.then(pass).catch((error: unknown) => app.log.error({ err: error }, 'alert refresh failed'));
  }, minutes * 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/** Minutes between two upkeep passes of the embedded database. */
const UPKEEP_MINUTES = 5;

/**
 * The embedded database's stand-in for autovacuum (see upkeepHotTables): a pass at start, after
 * whatever ran before, then every few minutes. A pass holds the one connection for a moment.
 */
function scheduleUpkeep(app: App): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const pass = () => {
    running = running.then(() => upkeepHotTables(app.database.db))
      .catch((error: unknown) => app.log.error({ err: error }, 'embedded database upkeep failed'));
  };
  pass();
  const timer = setInterval(pass, UPKEEP_MINUTES * 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/** Stops on SIGINT/SIGTERM after in-flight requests finish, so no acknowledged write is lost. */
export function stopOnSignals(server: RunningServer): void {
  const shutdown = (signal: string) => {
    server.app.log.info({ signal }, 'shutting down');
    server.stop().then(() => process.exit(0), (error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
