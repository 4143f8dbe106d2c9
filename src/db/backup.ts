import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { Migrator, sql } from 'kysely';
import { migrations } from '../../migrations/index.js';
import type { Database } from './database.js';
import { migrateToLatest } from './migrate.js';

/**
 * A logical backup that both databases read and write the same way: a gzipped file of JSON
 * lines, a header naming the migrations the data was written under, then each table's rows
 * in pages. It holds the database alone: the secret key of the keyed hashes is never in it
 * and is kept apart (see docs/operations.md). Restoring migrates an empty database up to the
 * backup's version, loads the rows, then migrates to this version, so a backup taken by an
 * older release restores into a newer one.
 */
export const BACKUP_FORMAT = 'doorstep-backup';
const PAGE_ROWS = 2000;
/** The migrator's own bookkeeping: written by the migrations the restore runs, never copied. */
const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

interface Header { format: string; version: 1; migrations: string[]; tables: string[]; createdAt: string }
type Line = Header | { table: string; rows: unknown[] } | { end: true; counts: Record<string, number> };

export class BackupRefused extends Error {}

async function tablesOf(db: Database): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return result.rows.map((r) => r.table_name).filter((name) => !MIGRATOR_TABLES.has(name));
}

async function appliedMigrations(db: Database): Promise<string[]> {
  const exists = await sql<{ present: boolean }>`select to_regclass('public.kysely_migration') is not null as present`.execute(db);
  if (!exists.rows[0]?.present) return [];
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Row counts of every table: what a round trip must preserve exactly. */
export async function tableCounts(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tablesOf(db)) {
    const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(result.rows[0]!.n);
  }
  return counts;
}

/** Each table's rows as JSON, a page at a time, in one repeatable-read snapshot. */
async function* backupLines(db: Database): AsyncGenerator<string> {
  const lines: string[] = [];
  // One snapshot for the whole file, so a write landing during the backup is wholly in or out.
  await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    const tables = await tablesOf(trx);
    const header: Header = { format: BACKUP_FORMAT, version: 1, migrations: await appliedMigrations(trx), tables, createdAt: new Date().toISOString() };
    lines.push(JSON.stringify(header));
    const counts: Record<string, number> = {};
    for (const table of tables) {
      counts[table] = 0;
      let offset = 0;
      for (;;) {
        // to_jsonb keeps every type's text form (bytea as hex, numeric exactly), read back by jsonb_populate_recordset.
        const page = await sql<{ row: string }>`
          select to_jsonb(t)::text as row from ${sql.table(table)} t order by ctid limit ${PAGE_ROWS} offset ${offset}`.execute(trx);
        if (page.rows.length === 0) break;
        lines.push(`{"table":${JSON.stringify(table)},"rows":[${page.rows.map((r) => r.row).join(',')}]}`);
        counts[table] += page.rows.length;
        offset += page.rows.length;
        if (page.rows.length < PAGE_ROWS) break;
      }
    }
    lines.push(JSON.stringify({ end: true, counts }));
  });
  for (const line of lines) yield `${line}\n`;
}

/** Writes the backup of `db` to `file` (gzipped JSON lines); answers the row count of each table. */
export async function writeBackup(db: Database, file: string): Promise<Record<string, number>> {
  let counts: Record<string, number> = {};
  const lines = backupLines(db);
  async function* tap() {
    for await (const line of lines) {
      if (line.startsWith('{"end":true')) counts = (JSON.parse(line) as { counts: Record<string, number> }).counts;
      yield line;
    }
  }
  // 0600 like everything the server keeps: the backup holds names and phones.
  await pipeline(Readable.from(tap()), zlib.createGzip(), fs.createWriteStream(`${file}.partial`, { mode: 0o600 }));
  fs.renameSync(`${file}.partial`, file);
  return counts;
}

async function readLines(file: string): Promise<AsyncIterable<string>> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  return readline.createInterface({ input, crlfDelay: Infinity });
}

async function identityColumns(db: Database): Promise<{ table: string; column: string }[]> {
  const result = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and (is_identity = 'YES' or column_default like 'nextval(%')`.execute(db);
  return result.rows.filter((r) => !MIGRATOR_TABLES.has(r.table_name)).map((r) => ({ table: r.table_name, column: r.column_name }));
}

/**
 * Restores a backup into an empty database (no tables of ours yet): migrates up to the
 * backup's version, loads every row in one transaction with foreign keys checked as a whole
 * (the load order is alphabetical, not by dependency), moves identity counters past the loaded
 * ids, then migrates to this version. Answers each table's row count after the load.
 */
export async function restoreBackup(db: Database, file: string): Promise<Record<string, number>> {
  if ((await appliedMigrations(db)).length > 0 || (await tablesOf(db)).length > 0) {
    throw new BackupRefused('The database is not empty: restore into a new, empty database (a new DATA_DIR or an empty PostgreSQL database)');
  }
  const lines = await readLines(file);
  let header: Header | undefined;
  let expected: Record<string, number> | undefined;
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (!first.done) header = JSON.parse(first.value) as Header;
  if (header?.format !== BACKUP_FORMAT) throw new BackupRefused(`${file} is not a Doorstep backup`);
  const unknown = header.migrations.filter((name) => !(name in migrations));
  if (unknown.length > 0) throw new BackupRefused(`The backup was written by a newer version (migration ${unknown[0]}); restore it with that version or later`);

  const last = header.migrations.at(-1);
  if (last) {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const result = await migrator.migrateTo(last);
    if (result.error) throw result.error;
  }
  await db.transaction().execute(async (trx) => {
    // Triggers (foreign keys among them) wait: every row is in before anything is checked.
    await sql`set local session_replication_role = replica`.execute(trx);
    // Migrations seed reference rows (milestone kinds, phases…); the backup's rows replace them.
    const present = await tablesOf(trx);
    if (present.length > 0) await sql`truncate table ${sql.join(present.map((t) => sql.table(t)))}`.execute(trx);
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (next.value.trim() === '') continue;
      const line = JSON.parse(next.value) as Line;
      if ('end' in line) { expected = line.counts; continue; }
      if (!('table' in line)) continue;
      await sql`insert into ${sql.table(line.table)} overriding system value
        select * from jsonb_populate_recordset(null::${sql.table(line.table)}, ${JSON.stringify(line.rows)}::jsonb)`.execute(trx);
    }
    if (!expected) throw new BackupRefused(`${file} ends early: the backup is incomplete`);
    for (const { table, column } of await identityColumns(trx)) {
      await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(trx);
    }
  });
  const counts = await tableCounts(db);
  for (const [table, count] of Object.entries(expected!)) {
    if (counts[table] !== count) throw new BackupRefused(`Table ${table} holds ${counts[table]} rows after the restore, the backup ${count}`);
  }
  await migrateToLatest(db);
  return counts;
}
