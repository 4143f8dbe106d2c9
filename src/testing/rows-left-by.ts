import type { Database } from '../db/database.js';

class RolledBack<T> extends Error {
  constructor(readonly rows: T) {
    super('rolled back');
  }
}

/**
 * Runs `work` in a transaction, reads what it left with `read`, and undoes it: for comparing
 * what two ways of writing leave in the same database.
 */
export async function rowsLeftBy<T>(db: Database, work: (trx: Database) => Promise<unknown>, read: (trx: Database) => Promise<T>): Promise<T> {
  try {
    await db.transaction().execute(async (trx) => {
      await work(trx);
      throw new RolledBack(await read(trx));
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.rows as T;
    throw error;
  }
  throw new Error('the transaction was expected to roll back');
}
