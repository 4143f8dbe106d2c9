import { sql } from 'kysely';
import type { Database } from '../../src/db/database.js';

/**
 * The database's own count of what a piece of work wrote: every row of every table whose
 * version was made by a transaction after `since` (inserted, or updated, once per row).
 * Read from the rows' `xmin`, so it sees what the work did, not what its code says it does.
 */
export async function rowsWrittenSince(db: Database, since: bigint): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public' and tablename not like 'kysely_%' order by tablename`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const result = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(name)} where xmin::text::bigint > ${since.toString()}::bigint`.execute(db);
    const n = Number(result.rows[0]?.n ?? 0);
    if (n > 0) counts[name] = n;
  }
  return counts;
}

/** A transaction id to count from: what any later transaction writes has a higher one. */
export async function currentTransactionId(db: Database): Promise<bigint> {
  const result = await sql<{ xid: string }>`select pg_current_xact_id()::text as xid`.execute(db);
  return BigInt(result.rows[0]!.xid);
}
