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
 * the embedded database's, `PGliteClient`) until the answered function is called; the function
 * `onQuery` answers, if any, is called once the statement is answered (or fails). Only for
 * benchmarks and their tests: it patches the drivers' prototypes, so nothing else may patch them
 * meanwhile. Patching Doorstep's own PGlite client rather than PGlite leaves PGlite unloaded in a
 * process on PostgreSQL.
 */
function onDriverQueries(onQuery: (text: string, parameters: readonly unknown[], embedded: boolean) => (() => void) | void): () => void {
  const targets = [pg.Client.prototype, PGliteClient.prototype] as unknown as { query: (...args: unknown[]) => unknown }[];
  const originals = targets.map((target) => target.query);
  targets.forEach((target, i) => {
    const original = originals[i]!;
    target.query = function (this: unknown, ...args: unknown[]) {
      const [first, second] = args;
      const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text;
      const answered = typeof text === 'string'
        ? onQuery(text, Array.isArray(second) ? second : (first as { values?: unknown[] } | undefined)?.values ?? [], i === 1)
        : undefined;
      const result = original.apply(this, args);
      // The caller handles the statement's failure on its own promise; this reaction only notes the time.
      if (answered && result instanceof Promise) result.then(answered, answered);
      return result;
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
  const restore = onDriverQueries((sql, parameters) => {
    recorded.push({ sql, parameters: [...parameters] });
  });
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

/** What the statements of one name cost: how many were sent and their milliseconds from sending to answer. */
export interface StatementTime {
  count: number;
  ms: number;
}

/**
 * Counts the statements sent at the drivers until `stop()`, transaction commands apart (a
 * benchmark that writes shows where its round trips go), and times them by name
 * (`statementName`) from sending to answer, as the server waits for them: the database's work,
 * its waits for locks and for the CPU, and the wait for the server to read the answer. Keeps no
 * text but the names, so it can stay on for a long run.
 */
export function countQueries(): { statements: number; transactions: number; bytes: number; times: Map<string, StatementTime>; stop(): void } {
  const counts = { statements: 0, transactions: 0, bytes: 0, times: new Map<string, StatementTime>() };
  const stop = onDriverQueries((text, parameters, embedded) => {
    // The name says whether it is a transaction command, kept per text: no pattern run again per statement.
    const name = statementName(text);
    if (name === 'begin' || name === 'start transaction') counts.transactions += 1;
    else if (name !== 'commit' && name !== 'rollback') {
      counts.statements += 1;
      counts.bytes += text.length + parameterBytes(parameters, embedded);
    }
    const time = counts.times.get(name) ?? { count: 0, ms: 0 };
    counts.times.set(name, time);
    time.count += 1;
    const sent = performance.now();
    return () => { time.ms += performance.now() - sent; };
  });
  return Object.assign(counts, { stop });
}

const namesByText = new Map<string, string>();

/**
 * A statement's name in a breakdown: the tables it writes (`insert`, `update`, `delete`), else
 * those it reads (`from`, `join`; a set-returning function is none), in their order; `begin`, `commit` and `rollback` as such. Kept per text: a hot
 * path sends the same few texts again and again.
 */
export function statementName(text: string): string {
  let name = namesByText.get(text);
  if (name !== undefined) return name;
  const command = /^\s*(begin|start transaction|commit|rollback)\b/i.exec(text)?.[1]?.toLowerCase();
  // A CTE's name (`h as materialized (…)`) is read like a table, and is none.
  const ctes = new Set([...text.matchAll(/\b([a-z_]+)\s+as\s+(?:not\s+)?(?:materialized\s+)?\(/gi)].map((m) => m[1]!.toLowerCase()));
  const tables = (pattern: RegExp) => [...new Set([...text.matchAll(pattern)].map((m) => m[1]!.toLowerCase()))].filter((t) => !ctes.has(t));
  // An `update` that starts a statement or a CTE's body; not `on conflict … do update`, `for update`.
  const written = tables(/(?:\binsert\s+into|(?<=^\s*|\(\s*)update|\bdelete\s+from)\s+"?([a-z_]+)"?/gi);
  name = command ?? (written.length > 0 ? `write ${written.join('+')}` : `read ${tables(/\s(?:from|join)\s+"?([a-z_]+)"?(?![a-z_]|\s*\()/gi).join('+') || '(no table)'}`);
  if (namesByText.size < 1000) namesByText.set(text, name);
  return name;
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
