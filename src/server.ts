import { buildApp, type App } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { prepareFirstStart, type StartupReport } from './demo/first-start.js';

export interface RunningServer {
  app: App;
  database: DatabaseHandle;
  url: string;
  report: StartupReport;
  stop(): Promise<void>;
}

/** Opens the database, migrates it, fills an empty one with the demo, and listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
    const report = await prepareFirstStart(database.db, config);
    const app = await buildApp(config, { database });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = config.publicUrl ?? `http://${host}:${port}`;
    let stopping: Promise<void> | undefined;
    const stop = () => (stopping ??= (async () => {
      await app.close();
      await database.close();
    })());
    return { app, database, url, report, stop };
  } catch (error) {
    await database.close();
    throw error;
  }
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
