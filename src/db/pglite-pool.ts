import type { PGlite } from '@electric-sql/pglite';
import { UuidColumn } from './uuid-column.js';

/**
 * Presents one PGlite instance as the small part of a `pg.Pool` that Kysely's PostgresDialect
 * uses. PGlite is a single connection, so the pool hands it to one caller at a time and that
 * caller keeps it until release: a transaction then holds it from BEGIN to COMMIT and no other
 * request's query can run inside it.
 */
export class PGlitePool {
  private tail: Promise<void> = Promise.resolve();

  constructor(readonly pglite: PGlite) {}

  async connect(): Promise<PGliteClient> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => turn);
    await previous;
    return new PGliteClient(this.pglite, release);
  }

  async end(): Promise<void> {
    await this.tail;
    await this.pglite.close();
  }
}

/** Exported for the benchmarks' query recorder (bench/ceilings/query-recorder.ts), which counts at the drivers. */
export class PGliteClient {
  private released = false;

  constructor(
    private readonly pglite: PGlite,
    private readonly onRelease: () => void,
  ) {}

  async query(sql: string, parameters: readonly unknown[]) {
    // A column of UUIDs goes to PostgreSQL in the binary format; PGlite is given its text literal.
    const values = parameters.map((value) => (value instanceof UuidColumn ? value.toString() : value));
    const result = await this.pglite.query<Record<string, unknown>>(sql, values);
    const affected = result.affectedRows ?? 0;
    return { command: commandOf(sql, affected), rowCount: affected, rows: result.rows };
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.onRelease();
  }
}

/** PGlite returns no command tag; Kysely needs it to report affected rows, so read it off the SQL. */
function commandOf(sql: string, affected: number): string {
  const keyword = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? '';
  if (keyword === 'WITH') return affected > 0 ? 'UPDATE' : 'SELECT';
  return keyword;
}
