import type { Database } from './database.js';

/**
 * Runs `work` in a transaction, or directly in the caller's when one is already open, so a use
 * case can be called both on its own and as part of a larger one.
 */
export function inTransaction<T>(db: Database, work: (trx: Database) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** The PostgreSQL error code (SQLSTATE) of a failed statement, the same on pg and PGlite. */
export function sqlStateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export const SQLSTATE = { UNIQUE_VIOLATION: '23505', FOREIGN_KEY_VIOLATION: '23503' } as const;
