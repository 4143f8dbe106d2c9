import type { CompiledQuery, QueryResult } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

/**
 * Named prepared statements for the few statements every request sends (the session's look-up)
 * and for the contest's synchronised start and submission. An unnamed statement is parsed and
 * planned again each time: for the contest's start, 0.53 of its 0.72 ms in PostgreSQL went to
 * parsing and planning and 0.19 ms to running it. A named one is parsed once per connection and
 * its plan kept (docs/decisions.md, "Prepared statements").
 *
 * Only statements whose text never changes may be prepared: every connection keeps each one.
 * Texts are registered as they are first run, up to a fixed number, and run unnamed after that.
 * A prepared statement names the columns it answers (no `select *` at its top): a migration that
 * changes its tables then has PostgreSQL plan it again, where a changed result would fail it on
 * servers still running while `doorstep migrate` runs beside them.
 * On the embedded database, which has no named statements, they simply run.
 *
 * A statement whose best plan depends on how long its arrays are stays unnamed: after five runs
 * PostgreSQL may keep a generic plan, which cannot see them (the sync ingest's look-up and locks of
 * the households and residents a batch names ran 2.7 ms unnamed and 10 ms prepared).
 */
const MAX_PREPARED = 64;
const namesByText = new Map<string, string>();

/** A query whatever builds it: Kysely's query builders compile alone, `sql` templates with the connection. */
export interface CompilableQuery<R> {
  compile(db: Database): CompiledQuery<R>;
}

/** Runs `query` as a named prepared statement on PostgreSQL. */
export function executePrepared<R>(db: Database, query: CompilableQuery<R>): Promise<QueryResult<R>> {
  const compiled = query.compile(db);
  if (!namesByText.has(compiled.sql) && namesByText.size < MAX_PREPARED) {
    namesByText.set(compiled.sql, `doorstep_${namesByText.size + 1}`);
  }
  return db.executeQuery(compiled);
}

/** The texts registered so far: a test checks that a hot path's texts stay the same from call to call. */
export function registeredTexts(): ReadonlySet<string> {
  return new Set(namesByText.keys());
}

/**
 * The PostgreSQL client of Doorstep's pools: sends a registered text as its named statement.
 * Kysely calls `query(text, values)`; everything else passes through unchanged.
 */
export class PreparingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [text, values] = args;
    const name = typeof text === 'string' && Array.isArray(values) ? namesByText.get(text) : undefined;
    const call = super.query as (...rest: unknown[]) => never;
    return name === undefined ? call.apply(this, args) : call.call(this, { name, text, values });
  }
}
