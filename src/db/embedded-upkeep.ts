import { sql } from 'kysely';
import type { Database } from './database.js';

/**
 * The tables every sync updates in place (counts) and every dashboard reads. On a PostgreSQL
 * server autovacuum clears their dead row versions and refreshes the planner's statistics;
 * the embedded database has no background workers, so without this a count updated a
 * hundred thousand times leaves a hundred thousand dead versions for every read to step over.
 */
const HOT_TABLES = ['rollup_area_totals', 'rollup_area_counts', 'rollup_counts', 'household_visits', 'reference_stamps'] as const;

/** Vacuums and analyses the hot tables; after the first pass only the pages changed since are visited. */
export async function upkeepHotTables(db: Database): Promise<void> {
  for (const table of HOT_TABLES) await sql`vacuum (analyze) ${sql.table(table)}`.execute(db);
}
