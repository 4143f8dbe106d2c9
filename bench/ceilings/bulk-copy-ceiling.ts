import { sql } from 'kysely';
import type { Database } from '../../src/db/database.js';

export interface BulkCopyResult {
  seconds: number;
  rows: number;
  tables: Record<string, number>;
}

const SCHEMA = 'ceiling_copy';

/**
 * The scenario's ceiling: the rows the scenario left in the database, written again by bulk SQL
 * (`insert … select`, one statement per table, in `concurrency` parallel connections) into empty
 * tables with the same columns, defaults, constraints and indexes. No client, no parsing, no
 * checks: what the database alone does to store those rows.
 */
export async function bulkCopyCeiling(db: Database, concurrency: number): Promise<BulkCopyResult> {
  const tables = (await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public' and tablename not like 'kysely_%' order by tablename`.execute(db)).rows.map((r) => r.name);
  await sql.raw(`drop schema if exists ${SCHEMA} cascade`).execute(db);
  await sql.raw(`create schema ${SCHEMA}`).execute(db);
  try {
    const columns = new Map<string, string>();
    for (const table of tables) {
      await sql`create table ${sql.table(`${SCHEMA}.${table}`)} (like ${sql.table(`public.${table}`)} including all)`.execute(db);
      const names = await sql<{ name: string }>`
        select column_name as name from information_schema.columns
        where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER' order by ordinal_position`.execute(db);
      columns.set(table, names.rows.map((r) => `"${r.name}"`).join(', '));
    }
    const copied: Record<string, number> = {};
    let next = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < tables.length) {
        const table = tables[next++]!;
        const list = columns.get(table)!;
        const result = await sql.raw(`insert into ${SCHEMA}."${table}" (${list}) overriding system value select ${list} from public."${table}"`).execute(db);
        copied[table] = Number(result.numAffectedRows ?? 0n);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    return { seconds, rows: Object.values(copied).reduce((a, b) => a + b, 0), tables: copied };
  } finally {
    await sql.raw(`drop schema if exists ${SCHEMA} cascade`).execute(db);
  }
}
