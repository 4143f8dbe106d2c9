import { sqlStateOf, SQLSTATE } from '../../db/transaction.js';

// Deadlocks and serialisation failures clear on a second try; a unique violation means a
// concurrent batch wrote the same thing first, which a second try sees and answers properly.
const RETRYABLE = new Set(['40P01', '40001', SQLSTATE.UNIQUE_VIOLATION]);

/** Runs a whole transaction again when it lost a race with another one; other errors pass through. */
export async function retryOnContention<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !RETRYABLE.has(sqlStateOf(error) ?? '')) throw error;
    }
  }
}
