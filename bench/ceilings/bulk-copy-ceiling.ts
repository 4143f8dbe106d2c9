import { sql } from 'kysely';
import type { Database } from '../../src/db/database.js';

export interface BulkCopyResult {
  seconds: number;
  rows: number;
  tables: Record<string, number>;
  /** What the copies carry besides the columns, so a reader can see the ceiling pays for the same checks. */
  foreignKeys: number;
  triggers: number;
}

const SCHEMA = 'ceiling_copy';
/**
 * The log of the transactions that wrote (migration 20261206090000) is not copied: the copies'
 * own triggers write their transactions into it, as the scenario's writes did.
 */
export const LOG_OF_CHANGES = 'data_changes';

interface ForeignKey {
  table: string;
  references: string;
  name: string;
  definition: string;
}

/**
 * The scenario's ceiling: the rows the scenario left in the database, written again by bulk SQL
 * (`insert … select`, one statement per table, in `concurrency` parallel connections) into empty
 * tables with the same columns, defaults, constraints, indexes, foreign keys and triggers. No
 * client, no parsing, no checks in code: what the database alone does to store those rows.
 * `like … including all` copies neither foreign keys nor triggers, so both are added from the
 * catalogue: without them the ceiling would skip work every write of the scenario pays (the
 * reference checks, `rollup_counts`' row trigger, the reference stamps' statement triggers).
 */
export async function bulkCopyCeiling(db: Database, concurrency: number): Promise<BulkCopyResult> {
  const tables = (await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public' and tablename not like 'kysely_%' and tablename <> ${LOG_OF_CHANGES}
    order by tablename`.execute(db)).rows.map((r) => r.name);
  const foreignKeys = (await sql<ForeignKey>`
    select conrelid::regclass::text as "table", confrelid::regclass::text as "references", conname as name, pg_get_constraintdef(oid) as definition
    from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace order by conname`.execute(db)).rows;
  const triggers = (await sql<{ table: string; definition: string }>`
    select c.relname as "table", pg_get_triggerdef(t.oid) as definition from pg_trigger t join pg_class c on c.oid = t.tgrelid
    where not t.tgisinternal and c.relnamespace = 'public'::regnamespace order by t.tgname`.execute(db)).rows;
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
    for (const key of foreignKeys) {
      const definition = key.definition.replace(/REFERENCES ("?[\w]+"?)\(/, `REFERENCES ${SCHEMA}.$1(`);
      await sql.raw(`alter table ${SCHEMA}."${key.table}" add constraint "${key.name}" ${definition}`).execute(db);
    }
    for (const trigger of triggers) {
      await sql.raw(trigger.definition.replace(` ON public.${trigger.table} `, ` ON ${SCHEMA}.${trigger.table} `)).execute(db);
    }

    const waves = copyWaves(tables, foreignKeys);
    const copied: Record<string, number> = {};
    const started = performance.now();
    for (const wave of waves) {
      let next = 0;
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < wave.length) {
          const table = wave[next++]!;
          const list = columns.get(table)!;
          const result = await sql.raw(`insert into ${SCHEMA}."${table}" (${list}) overriding system value select ${list} from public."${table}"`).execute(db);
          copied[table] = Number(result.numAffectedRows ?? 0n);
        }
      }));
    }
    const seconds = (performance.now() - started) / 1000;
    return { seconds, rows: Object.values(copied).reduce((a, b) => a + b, 0), tables: copied, foreignKeys: foreignKeys.length, triggers: triggers.length };
  } finally {
    await sql.raw(`drop schema if exists ${SCHEMA} cascade`).execute(db);
  }
}

/**
 * The tables in waves, each after every table its foreign keys point at (a table pointing at
 * itself is checked at the end of its own statement): the rows a key names are there before the
 * rows that name them, as when the scenario wrote them.
 */
export function copyWaves(tables: readonly string[], foreignKeys: readonly Pick<ForeignKey, 'table' | 'references'>[]): string[][] {
  const needs = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const key of foreignKeys) if (key.table !== key.references && needs.has(key.references)) needs.get(key.table)?.add(key.references);
  const waves: string[][] = [];
  const done = new Set<string>();
  while (done.size < tables.length) {
    const wave = tables.filter((t) => !done.has(t) && [...needs.get(t)!].every((n) => done.has(n)));
    if (wave.length === 0) throw new Error(`foreign keys in a circle among ${tables.filter((t) => !done.has(t)).join(', ')}`);
    wave.forEach((t) => done.add(t));
    waves.push(wave);
  }
  return waves;
}
