import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database.js';
import type { DatabaseHandle } from './database.js';

/**
 * The national scale-out on Citus distributes every fact table by `province_code`: all of one
 * province's rows live on one worker, and a primary or unique key can be enforced there only if
 * it includes the distribution column. This test walks the schema and states the rule without
 * exceptions: a table that carries `province_code` is distributed (unless it is a reference
 * table), and every one of its keys, and every foreign key to another distributed table,
 * includes the column; a table without it is a reference table or stays on the coordinator,
 * listed below with the reason (docs/operations.md reads from these lists). A new table or key
 * that breaks the rule fails here.
 */

/**
 * Small shared definitions, copied to every node: Citus reference tables. One may carry a
 * `province_code` on the rows a province owns (its own milestone kinds), read beside the shared ones.
 * The unit tree is one of them: a few hundred thousand units in the country, rarely written, read
 * by every scope check and every rollup, and the target of foreign keys from nearly every fact
 * table (Citus allows a key from a distributed table to a reference table, not to another shard).
 * Campaign phases are a few named spans of days, some shared by every province (no province code).
 * Question banks and their questions are definitions an officer writes (hundreds of banks in the
 * country): a contest attempt draws its questions on its own node, and the skill checks, a
 * reference table themselves, point at banks, which Citus allows only towards a reference table.
 */
const REFERENCE_TABLES = [
  'indicators', 'milestone_kinds', 'skills', 'skill_competences', 'skill_check_settings', 'skill_check_banks', 'statistic_kinds',
  'learner_groups', 'learner_group_skills', 'reference_stamps', 'units', 'unit_versions', 'unit_operations',
  'campaign_phases', 'question_banks', 'bank_questions',
];

/**
 * Accounts, keys, the security log and bookkeeping stay on the coordinator: they are read by an
 * account, a hash or an id, never by province. With the reason for each that is not an account's
 * own table or the migrator's.
 */
const COORDINATOR_TABLES: Record<string, string> = {
  users: 'accounts', sessions: 'accounts', password_resets: 'accounts', user_identities: 'accounts', sso_attempts: 'accounts',
  signing_keys: 'keys', xapi_systems: 'learning systems, which are not a province\'s', kysely_migration: 'the migrator', kysely_migration_lock: 'the migrator',
  audit_events: 'the security log, written by every kind of request; the administrator\'s entries name no unit and so no province',
  learner_links: 'an account\'s link to its resident, keyed by the account like the accounts themselves and read at sign-in',
  learning_import_facts: 'fingerprints of the rows an import applied, keyed by the row\'s hash and read only by imports, a batch at a time',
  data_changes: 'the log of the transactions that wrote, read by a transaction id against a snapshot. Under Citus the triggers of distributed tables run on the workers, so the log would have to move with them before answers are kept there',
  xapi_statements: 'the xAPI statements resource: statement ids are unique across the store, as the standard requires, and learning systems read statements back in the order stored',
};


let database: DatabaseHandle;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(async () => { await database?.close(); });

interface TableKeys { table: string; hasProvinceCode: boolean; keys: string[] }

async function schemaKeys(): Promise<TableKeys[]> {
  const tables = await sql<{ table: string; has_province_code: boolean }>`
    select c.relname as table,
      exists(select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'province_code' and not a.attisdropped) as has_province_code
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`.execute(database.db);
  // Primary keys, unique constraints and unique indexes alike: Citus enforces none without the column.
  const keys = await sql<{ table: string; columns: string }>`
    select c.relname as table, string_agg(a.attname, ',' order by a.attname) as columns
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    join pg_namespace n on n.oid = c.relnamespace
    cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
    where n.nspname = 'public' and i.indisunique
    group by c.relname, i.indexrelid order by 1, 2`.execute(database.db);
  return tables.rows.map((t) => ({
    table: t.table,
    hasProvinceCode: t.has_province_code,
    keys: keys.rows.filter((k) => k.table === t.table).map((k) => k.columns),
  }));
}

const isDistributed = (t: TableKeys) => t.hasProvinceCode && !REFERENCE_TABLES.includes(t.table);

/** Foreign keys: the referencing and the referenced table, and whether each side's columns include province_code. */
async function foreignKeys(): Promise<{ name: string; table: string; parent: string; child_has: boolean; parent_has: boolean }[]> {
  const result = await sql<{ name: string; table: string; parent: string; child_has: boolean; parent_has: boolean }>`
    select k.conname as name, c.relname as table, p.relname as parent,
      exists(select 1 from pg_attribute a where a.attrelid = k.conrelid and a.attnum = any(k.conkey) and a.attname = 'province_code') as child_has,
      exists(select 1 from pg_attribute a where a.attrelid = k.confrelid and a.attnum = any(k.confkey) and a.attname = 'province_code') as parent_has
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class p on p.oid = k.confrelid
    where k.contype = 'f' and k.connamespace = 'public'::regnamespace order by 1`.execute(database.db);
  return result.rows;
}

describe('distribution by province code', () => {
  it('classifies every table: distributed by province code, reference, or coordinator', async () => {
    const unclassified = (await schemaKeys())
      .filter((t) => !t.hasProvinceCode && !REFERENCE_TABLES.includes(t.table) && !(t.table in COORDINATOR_TABLES))
      .map((t) => t.table);
    expect(unclassified, 'tables with no province_code and no place in the lists above').toEqual([]);
  });

  it('includes the province code in every primary key and unique key of a distributed table', async () => {
    const offending = (await schemaKeys()).filter(isDistributed)
      .flatMap((t) => t.keys.filter((k) => !k.split(',').includes('province_code')).map((k) => `${t.table}(${k})`));
    expect(offending, 'keys of distributed tables without province_code').toEqual([]);
  });

  it('joins two distributed tables on the province code, and points from a reference table only at another', async () => {
    const distributed = new Set((await schemaKeys()).filter(isDistributed).map((t) => t.table));
    const keys = await foreignKeys();
    const notColocated = keys.filter((k) => distributed.has(k.table) && distributed.has(k.parent) && !(k.child_has && k.parent_has));
    expect(notColocated.map((k) => k.name), 'foreign keys between distributed tables without province_code').toEqual([]);
    const intoShards = keys.filter((k) => REFERENCE_TABLES.includes(k.table) && distributed.has(k.parent));
    expect(intoShards.map((k) => k.name), 'foreign keys from a reference table to a distributed one (Citus refuses them)').toEqual([]);
  });

  it('lists no table twice and no table that is gone', async () => {
    const present = new Set((await schemaKeys()).map((t) => t.table));
    const listed = [...REFERENCE_TABLES, ...Object.keys(COORDINATOR_TABLES)];
    expect(listed.filter((table) => !present.has(table))).toEqual([]);
    expect(listed.filter((table, i) => listed.indexOf(table) !== i)).toEqual([]);
    const withColumn = (await schemaKeys()).filter((t) => t.hasProvinceCode).map((t) => t.table);
    expect(Object.keys(COORDINATOR_TABLES).filter((table) => withColumn.includes(table)), 'coordinator tables that carry province_code').toEqual([]);
  });
});
