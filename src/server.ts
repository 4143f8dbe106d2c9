import v8 from 'node:v8';
import { buildApp, type App } from './app.js';
import type { Config } from './config.js';
import { openDatabase, openReplica, type DatabaseHandle } from './db/database.js';
import { upkeepHotTables } from './db/embedded-upkeep.js';
import { trimDataChanges } from './db/kept-answers.js';
import { migrateToLatest } from './db/migrate.js';
import { prepareFirstStart, type StartupReport } from './demo/first-start.js';
import { protectDataDir } from './lib/data-dir.js';
import { resolveSecretKey } from './lib/secret-key.js';
import { markServerRunning } from './lib/server-lock.js';
import { refreshAlerts } from './modules/targets/alerts/alerts.service.js';
import { listProvinces } from './modules/units/units.service.js';

/** Pending connections the kernel keeps for the server to accept (capped by the system's somaxconn). */
const LISTEN_BACKLOG = 4096;

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
  // Code stays compiled through quiet minutes. V8 drops the bytecode of a function not run for
  // five full collections, and its optimised code with it; an idle server still collects (its
  // timers, its memory reducer), so a contest's synchronised start after a quiet spell ran its
  // first second on code compiled again, the server 90% busy where it is 65% once warm
  // (docs/decisions.md, "The first second of a synchronised start"). Kept, the bytecode of the
  // server's functions costs a few megabytes.
  v8.setFlagsFromString('--no-flush-bytecode');
  // Short-lived objects stay young. V8 allocates straight into the old generation the objects of
  // a site whose objects it has seen survive (pretenuring); a server's sites (response headers,
  // database rows, parsed bodies) are judged in a burst, in which much is in flight, and their
  // objects, dead a moment later, then filled the old generation: eight full collections in a
  // synchronised start's ten seconds, none to two without (docs/decisions.md, "Young objects kept young").
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
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
    // Room for the connections of a contest's synchronised start: thousands of phones connect in
    // the same seconds, and with Node's default queue of 511 the kernel reset those that found it
    // full while the server was busy (bench/README.md, the contest on the embedded database).
    await app.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = config.publicUrl ?? `http://${host}:${port}`;
    const stopAlerts = scheduleAlerts(app, config.alertIntervalMinutes);
    const stopUpkeep = database.kind === 'pglite' ? scheduleUpkeep(app) : async () => {};
    const stopTrim = scheduleTrim(app);
    const unmark = database.kind === 'pglite' ? markServerRunning(config.dataDir) : () => {};
    let stopping: Promise<void> | undefined;
    const stop = () => (stopping ??= (async () => {
      await stopUpkeep();
      await stopTrim();
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
 * Runs `pass` every `minutes` (and once at once when `atStart`), one pass at a time: a failed pass
 * is logged and the next one tries again. Answers a stop that waits for the pass in flight.
 */
function every(app: App, what: string, minutes: number, pass: () => Promise<unknown>, atStart = false): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running.then(pass).catch((error: unknown) => app.log.error({ err: error }, `${what} failed`));
  };
  if (atStart) run();
  const timer = setInterval(run, minutes * 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/** Re-evaluates every province's communes on a schedule so officers see an alert when one turns behind. */
function scheduleAlerts(app: App, minutes: number): () => Promise<void> {
  if (minutes <= 0) return async () => {};
  return every(app, 'alert refresh', minutes, async () => {
    for (const province of await listProvinces(app.database.db)) await refreshAlerts(app.database.db, province.code);
  });
}

/** Minutes between two upkeep passes of the embedded database. */
const UPKEEP_MINUTES = 5;

/**
 * The embedded database's stand-in for autovacuum (see upkeepHotTables): a pass at start, after
 * whatever ran before, then every few minutes. A pass holds the one connection for a moment.
 */
function scheduleUpkeep(app: App): () => Promise<void> {
  return every(app, 'embedded database upkeep', UPKEEP_MINUTES, () => upkeepHotTables(app.database.db), true);
}

/** Minutes between two trims of the log of data changes: far longer than an answer is kept. */
const TRIM_MINUTES = 60;

/**
 * Empties the log of data changes of what no kept answer needs (src/db/kept-answers.ts): each
 * trim removes the transactions that had ended by the previous one, an hour before.
 */
function scheduleTrim(app: App): () => Promise<void> {
  let previous: string | null = null;
  return every(app, 'trimming the log of data changes', TRIM_MINUTES, async () => {
    previous = await trimDataChanges(app.database.db, previous);
  }, true);
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
