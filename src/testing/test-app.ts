import { buildApp, type App, type AppDependencies } from '../app.js';
import { loadConfig } from '../config.js';
import type { Database, DatabaseHandle } from '../db/database.js';
import { openTestDatabase } from './test-database.js';

/** A fixed key for the keyed hashes in tests, so hashed values are stable between runs. */
export const TEST_SECRET_KEY = 'doorstep-test-secret-key-0123456789abcdef';

export interface TestApp {
  app: App;
  database: DatabaseHandle;
  db: Database;
  close(): Promise<void>;
}

/**
 * A fresh migrated database, optionally filled by `seed`, and the whole application over it,
 * driven through `app.inject()`. Close it in afterAll.
 */
export async function startTestApp(
  options: { env?: Record<string, string>; seed?: (db: Database) => Promise<unknown>; deps?: Partial<Omit<AppDependencies, 'database'>> } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  try {
    if (options.seed) await options.seed(database.db);
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', ...options.env }), { database, secretKey: TEST_SECRET_KEY, ...options.deps });
    return {
      app,
      database,
      db: database.db,
      async close() {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
