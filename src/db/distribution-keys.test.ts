import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database.js';
import type { DatabaseHandle } from './database.js';

/**
 * The national scale-out on Citus distributes every fact table by `province_code`: all of one
 * province's rows live on one worker, and a primary or unique key can be enforced there only if
 * it includes the distribution column. This test walks the schema and keeps three lists in one
 * place (docs/operations.md reads from them): the tables Citus would copy to every node, those
 * that stay on the coordinator, and the known exceptions — facts that do not carry the province
 * code yet, and keys that do not include it — each with its reason. A new table or key that is
 * in none of them fails, and so does an exception that has been fixed but is still listed.
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

/** Accounts, keys and bookkeeping: few rows, read by id; they stay on the coordinator. */
const COORDINATOR_TABLES = [
  'users', 'sessions', 'password_resets', 'user_identities', 'sso_attempts', 'signing_keys', 'xapi_systems',
  'kysely_migration', 'kysely_migration_lock',
];

/**
 * Per-province facts that do not carry `province_code` yet. They are reached through a parent
 * that does (a lesson through its course, a statement through its learner), so no hot path
 * breaks today; distributing them needs the column added and filled from the parent first.
 */
const FACTS_WITHOUT_PROVINCE_CODE: Record<string, string> = {
  audit_events: 'filed under a unit (unit_code); the province is the unit\'s, and the administrator\'s entries have none',
  contest_phases: 'rows of a contest, which carries the province code',
  contest_prizes: 'rows of a contest, which carries the province code',
  course_texts: 'translations of a course, which carries the province code',
  lessons: 'parts of a course, which carries the province code',
  lesson_texts: 'translations of a lesson of a course',
  lesson_quizzes: 'quizzes of a lesson of a course',
  lesson_progress: 'rows of an enrolment, which carries the province code',
  learner_links: 'links an account to a resident, who carries the province code',
  learning_import_facts: 'fingerprints of imported rows, keyed by the row\'s hash',
  material_chunks: 'pieces of an uploaded material, which carries the province code',
  reported_value_history: 'history of a reported figure, which carries the province code',
  sync_items: 'receipts of sync items by client id; the item itself carries the province code',
  targets: 'per unit and indicator; the unit code begins with the province code',
  target_changes: 'history of a target',
  indicator_status: 'per unit and indicator; the unit code begins with the province code',
  xapi_statements: 'statements about a learner from a learning system; keyed by statement id',
};

/**
 * Keys of distributed tables that do not include `province_code`. Ids are client-made UUIDv7 or
 * server-made, unique across the country, so uniqueness holds in practice; under Citus each
 * would become (province_code, …) in a migration, with the foreign keys that point at it.
 */
const KEYS_WITHOUT_PROVINCE_CODE: Record<string, string> = {
  'contest_participants(id)': 'UUID', 'contests(id)': 'UUID', 'courses(id)': 'UUID', 'enrolments(id)': 'UUID', 'materials(id)': 'UUID',
  'reported_values(id)': 'serial id',
  'reported_values(indicator_code,unit_code,period_type,period_start)': 'the unit code begins with the province code',
};

/** A key as `table(a,b)` with its columns in name order, so the lists need not follow index order. */
const keyName = (key: string) => key.replace(/\((.*)\)$/, (_m, columns: string) => `(${columns.split(',').sort().join(',')})`);
const LISTED_KEYS = new Set(Object.keys(KEYS_WITHOUT_PROVINCE_CODE).map(keyName));

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

describe('distribution by province code', () => {
  it('classifies every table: distributed by province code, reference, coordinator, or a known exception', async () => {
    const unclassified = (await schemaKeys())
      .filter((t) => !t.hasProvinceCode && !REFERENCE_TABLES.includes(t.table) && !COORDINATOR_TABLES.includes(t.table) && !(t.table in FACTS_WITHOUT_PROVINCE_CODE))
      .map((t) => t.table);
    expect(unclassified, 'tables with no province_code and no place in the lists above').toEqual([]);
  });

  it('includes the province code in every key of a distributed table, or names the exception and its reason', async () => {
    const distributed = (await schemaKeys()).filter((t) => t.hasProvinceCode && !REFERENCE_TABLES.includes(t.table));
    const offending = distributed.flatMap((t) => t.keys.filter((k) => !k.split(',').includes('province_code')).map((k) => `${t.table}(${k})`));
    expect(offending.filter((key) => !LISTED_KEYS.has(key)), 'keys without province_code and no stated reason').toEqual([]);
    expect([...LISTED_KEYS].filter((key) => !offending.includes(key)), 'listed exceptions that no longer exist').toEqual([]);
  });

  it('lists no table twice and no table that is gone', async () => {
    const present = new Set((await schemaKeys()).map((t) => t.table));
    const listed = [...REFERENCE_TABLES, ...COORDINATOR_TABLES, ...Object.keys(FACTS_WITHOUT_PROVINCE_CODE)];
    expect(listed.filter((table) => !present.has(table))).toEqual([]);
    expect(listed.filter((table, i) => listed.indexOf(table) !== i)).toEqual([]);
    const withColumn = (await schemaKeys()).filter((t) => t.hasProvinceCode).map((t) => t.table);
    const lacking = [...COORDINATOR_TABLES, ...Object.keys(FACTS_WITHOUT_PROVINCE_CODE)];
    expect(lacking.filter((table) => withColumn.includes(table)), 'tables listed as lacking province_code that carry it').toEqual([]);
  });
});
