import { CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Database } from '../../src/db/database.js';
import { PGliteClient } from '../../src/db/pglite-pool.js';
import { UuidColumn } from '../../src/db/uuid-column.js';

export interface RecordedQuery {
  sql: string;
  parameters: unknown[];
}

/**
 * Calls `onQuery` with each statement sent at the drivers' `query` (node-postgres's client and
 * the embedded database's, `PGliteClient`) until the answered function is called. Only for
 * benchmarks and their tests: it patches the drivers' prototypes, so nothing else may patch them
 * meanwhile. Patching Doorstep's own PGlite client rather than PGlite leaves PGlite unloaded in a
 * process on PostgreSQL.
 */
function onDriverQueries(onQuery: (text: string, parameters: readonly unknown[], embedded: boolean) => void): () => void {
  const targets = [pg.Client.prototype, PGliteClient.prototype] as unknown as { query: (...args: unknown[]) => unknown }[];
  const originals = targets.map((target) => target.query);
  targets.forEach((target, i) => {
    const original = originals[i]!;
    target.query = function (this: unknown, ...args: unknown[]) {
      const [first, second] = args;
      const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text;
      if (typeof text === 'string') onQuery(text, Array.isArray(second) ? second : (first as { values?: unknown[] } | undefined)?.values ?? [], i === 1);
      return original.apply(this, args);
    };
  });
  return () => targets.forEach((target, i) => { target.query = originals[i]!; });
}

/**
 * The statements a piece of work sends to the database, as sent, so a benchmark's SQL ceiling is
 * the route's own SQL and follows it as the code changes.
 */
export async function recordQueries(work: () => Promise<unknown>): Promise<RecordedQuery[]> {
  const recorded: RecordedQuery[] = [];
  const restore = onDriverQueries((sql, parameters) => recorded.push({ sql, parameters: [...parameters] }));
  try {
    await work();
  } finally {
    restore();
  }
  return recorded.filter((q) => !/^\s*(begin|commit|rollback)\b/i.test(q.sql));
}

/** The tables a statement reads from, in its order, joined by "+": what a test of round trips compares. */
export function tablesReadBy(query: { sql: string }): string {
  return [...query.sql.matchAll(/\sfrom\s+"?([a-z_]+)/gi)].map((m) => m[1]).join('+');
}

/**
 * Counts the statements sent at the drivers until `stop()`, transaction commands apart (a
 * benchmark that writes shows where its round trips go). Keeps no text, so it can stay on for a
 * long run.
 */
export function countQueries(): { statements: number; transactions: number; bytes: number; stop(): void } {
  const counts = { statements: 0, transactions: 0, bytes: 0 };
  const stop = onDriverQueries((text, parameters, embedded) => {
    if (/^\s*(begin|start transaction)\b/i.test(text)) counts.transactions += 1;
    else if (!/^\s*(commit|rollback)\b/i.test(text)) {
      counts.statements += 1;
      counts.bytes += text.length + parameterBytes(parameters, embedded);
    }
  });
  return Object.assign(counts, { stop });
}

/** node-postgres sends a date as `2025-07-15T08:00:00.000+07:00`. */
const DATE_BYTES = 29;

/**
 * About the bytes the parameters travel as (text; an array as its elements plus separators).
 * Counted in the server's process while it is measured, so it makes no strings of its own: the
 * numbers' and dates' texts made here were about 4% of what the server allocated in a sync run.
 */
export function parameterBytes(values: readonly unknown[], embedded = false): number {
  let bytes = 0;
  for (const value of values) {
    if (typeof value === 'string') bytes += Buffer.byteLength(value);
    else if (Array.isArray(value)) bytes += parameterBytes(value, embedded) + value.length + 2;
    // Binary to PostgreSQL, its text literal to the embedded database.
    else if (value instanceof UuidColumn) bytes += embedded ? value.toString().length : value.binaryLength;
    else if (typeof value === 'number' && Number.isSafeInteger(value)) bytes += digitsOf(value);
    else if (value instanceof Date) bytes += DATE_BYTES;
    else if (value !== null && value !== undefined) bytes += String(value).length;
  }
  return bytes;
}

function digitsOf(integer: number): number {
  let digits = integer < 0 ? 2 : 1;
  for (let rest = Math.abs(integer); rest >= 10; rest = Math.floor(rest / 10)) digits += 1;
  return digits;
}

/** Runs recorded statements again, one after the other on one connection; answers the milliseconds. */
export async function replayQueries(db: Database, queries: readonly RecordedQuery[]): Promise<number> {
  const started = performance.now();
  await db.connection().execute(async (connection) => {
    for (const query of queries) await connection.executeQuery(CompiledQuery.raw(query.sql, query.parameters));
  });
  return performance.now() - started;
}

/** The database's own execution time of the recorded reads (EXPLAIN ANALYZE), in milliseconds. */
export async function timeInsideDatabase(db: Database, queries: readonly RecordedQuery[]): Promise<number> {
  let total = 0;
  for (const query of queries) {
    if (!/^\s*(select|with)\b/i.test(query.sql)) continue;
    const result = await db.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`explain (analyze, format json) ${query.sql}`, query.parameters));
    const plan = result.rows[0]?.['QUERY PLAN'];
    const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { 'Execution Time': number; 'Planning Time': number }[];
    total += (parsed[0]?.['Execution Time'] ?? 0) + (parsed[0]?.['Planning Time'] ?? 0);
  }
  return total;
}
