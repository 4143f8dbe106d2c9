import fs from 'node:fs';
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import zlib from 'node:zlib';
import { Migrator, sql } from 'kysely';
import { migrations } from '../../migrations/index.js';
import type { Database } from './database.js';
import { migrateToLatest } from './migrate.js';
import { CommandRefused } from '../lib/command-refused.js';

/**
 * A logical backup that both databases read and write the same way: a gzipped file of JSON
 * lines, a header naming the migrations the data was written under, then each table's rows
 * in pages, streamed both ways so memory holds a page whatever the size. It holds the database
 * alone: the secret key of the keyed hashes is never in it and is kept apart (see
 * docs/operations.md). Restoring migrates an empty database up to the
 * backup's version, loads the rows, then migrates to this version, so a backup taken by an
 * older release restores into a newer one.
 */
export const BACKUP_FORMAT = 'doorstep-backup';
/** The migrator's own bookkeeping: written by the migrations the restore runs, never copied. */
const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

interface Header { format: string; version: 1; migrations: string[]; tables: string[]; createdAt: string }
type Line = Header | { table: string; rows: unknown[] } | { end: true; counts: Record<string, number> };

export class BackupRefused extends CommandRefused {}

/** The start of a page line as `writeLines` writes it; the rows' array runs to the closing brace. */
const PAGE_LINE = /^\{"table":("[a-z0-9_]+"),"rows":/;

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

/**
 * A page is at most this many rows and stops growing once it passes PAGE_BYTES of JSON: a table
 * of uploaded materials (megabytes a row) goes a few rows at a time, the audit log thousands.
 */
const PAGE_ROWS = 2000;
const PAGE_BYTES = 4 * 1024 * 1024;

/** Writes a line to the stream and waits while the gzip and the disk catch up: memory stays a page. */
async function put(out: Writable, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}

/**
 * Each table's rows as JSON lines, written to `out` a page at a time as they are read, in one
 * repeatable-read snapshot. Pages follow the physical row id (ctid) from where the last one
 * stopped, so each page is an index-free range scan and the whole table is read once, not the
 * quadratic re-reading an offset would cost.
 */
async function writeLines(db: Database, out: Writable): Promise<Record<string, number>> {
  // One snapshot for the whole file, so a write landing during the backup is wholly in or out.
  return db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    const tables = await tablesOf(trx);
    const header: Header = { format: BACKUP_FORMAT, version: 1, migrations: await appliedMigrations(trx), tables, createdAt: new Date().toISOString() };
    await put(out, JSON.stringify(header));
    const counts: Record<string, number> = {};
    for (const table of tables) {
      counts[table] = 0;
      let after = '(0,0)';
      let limit = PAGE_ROWS;
      for (;;) {
        // to_jsonb keeps every type's text form (bytea as hex, numeric exactly), read back by jsonb_populate_recordset.
        const page = await sql<{ at: string; row: string }>`
          select ctid::text as at, to_jsonb(t)::text as row from ${sql.table(table)} t
          where ctid > ${after}::tid order by ctid limit ${limit}`.execute(trx);
        if (page.rows.length === 0) break;
        let bytes = 0;
        for (const r of page.rows) bytes += r.row.length;
        await put(out, `{"table":${JSON.stringify(table)},"rows":[${page.rows.map((r) => r.row).join(',')}]}`);
        counts[table] += page.rows.length;
        after = page.rows.at(-1)!.at;
        if (page.rows.length < limit) break;
        limit = bytes > PAGE_BYTES ? Math.max(1, Math.floor(limit / 2)) : bytes < PAGE_BYTES / 4 ? Math.min(PAGE_ROWS, limit * 2) : limit;
      }
    }
    await put(out, JSON.stringify({ end: true, counts }));
    return counts;
  });
}

/** Writes the backup of `db` to `file` (gzipped JSON lines), streamed; answers the row count of each table. */
export async function writeBackup(db: Database, file: string): Promise<Record<string, number>> {
  const gzip = zlib.createGzip();
  // 0600 like everything the server keeps: the backup holds names and phones.
  const written = pipeline(gzip, fs.createWriteStream(`${file}.partial`, { mode: 0o600 }));
  let counts: Record<string, number>;
  try {
    counts = await writeLines(db, gzip);
    gzip.end();
    await written;
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    fs.rmSync(`${file}.partial`, { force: true });
    throw error;
  }
  fs.renameSync(`${file}.partial`, file);
  return counts;
}

/**
 * The file's lines, read only as fast as they are taken. readline's own iterator keeps reading
 * ahead while the database loads a page (up to a thousand lines: the whole file, for a large
 * backup), so memory grew with the backup; pulling chunks from the gunzip stream on demand keeps
 * it to the page being loaded and the one being read.
 */
async function* readLines(file: string): AsyncGenerator<string> {
  const input = zlib.createGunzip();
  fs.createReadStream(file).on('error', (error) => input.destroy(error)).pipe(input);
  const decoder = new StringDecoder('utf8');
  let pieces: string[] = [];
  for await (const chunk of input as AsyncIterable<Buffer>) {
    const text = decoder.write(chunk);
    let from = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', from)) {
      pieces.push(text.slice(from, at));
      yield pieces.join('');
      pieces = [];
      from = at + 1;
    }
    if (from < text.length) pieces.push(text.slice(from));
  }
  pieces.push(decoder.end());
  const rest = pieces.join('');
  if (rest !== '') yield rest;
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
  const lines = readLines(file);
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
      // A page goes to the database as the text it was read as: parsing megabytes of rows only
      // to write them out again would double what the page costs in memory.
      const page = PAGE_LINE.exec(next.value);
      if (page) {
        const table = JSON.parse(page[1]!) as string;
        const rows = next.value.slice(page[0].length, -1);
        await sql`insert into ${sql.table(table)} overriding system value
          select * from jsonb_populate_recordset(null::${sql.table(table)}, ${rows}::jsonb)`.execute(trx);
        continue;
      }
      const line = JSON.parse(next.value) as Line;
      if ('end' in line) expected = line.counts;
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
