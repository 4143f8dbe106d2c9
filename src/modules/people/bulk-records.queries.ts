import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { HouseholdsTable, ResidentsTable } from '../../db/types.js';

/**
 * The statements of the bulk creation of households and residents (bulk-records.ts). Rows
 * travel as one JSON parameter with one-letter keys, empty fields left out, as the visits of a
 * sync batch do: thousands of rows cost one parse and one statement.
 */

/** A new household as the bulk statements take it: its columns, the instant as ISO text. */
export type NewHouseholdRow = Pick<HouseholdsTable, 'id' | 'village_code' | 'province_code' | 'label' | 'address' | 'head_name' | 'note' | 'created_on'>
  & { last_recorded_at: string };

/** A new resident as the bulk statements take it: its columns, the instant as ISO text. */
export type NewResidentRow = Pick<ResidentsTable,
  'id' | 'household_id' | 'village_code' | 'province_code' | 'full_name' | 'birth_year' | 'sex' | 'groups' | 'ethnicity' | 'language'
  | 'national_id_hash' | 'national_id_last4' | 'created_on'> & { last_recorded_at: string };

/** What every row of one call shares: the device and the account that wrote them. */
export interface WrittenBy {
  deviceId: string;
  userId: string | null;
}

/** A PostgreSQL array literal, which PostgreSQL reads from a text field faster than a JSON array. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

/** Inserts the households whose id is new; answers the ids inserted (an existing id is left alone). */
export async function insertNewHouseholds(db: Database, rows: readonly NewHouseholdRow[], by: WrittenBy): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const packed = JSON.stringify(rows.map((r) => {
    const row: Record<string, string> = { i: r.id, v: r.village_code, p: r.province_code, l: r.label, d: r.created_on, t: r.last_recorded_at };
    if (r.address !== null) row.a = r.address;
    if (r.head_name !== null) row.h = r.head_name;
    if (r.note !== null) row.n = r.note;
    return row;
  }));
  const result = await sql<{ id: string }>`
    insert into households (id, village_code, province_code, label, address, head_name, note, created_on,
                            last_recorded_at, last_device_id, updated_by)
    select i, v, p, l, a, h, n, d, t, ${by.deviceId}::uuid, ${by.userId}::uuid
    from json_to_recordset(${packed}::json) as r(i uuid, v text, p text, l text, a text, h text, n text, d date, t timestamptz)
    order by i
    on conflict (id, province_code) do nothing
    returning id`.execute(db);
  return new Set(result.rows.map((row) => row.id));
}

/**
 * Inserts the residents whose id and national ID number are new, in id order (the index's own
 * order, which keeps its pages warm); answers the ids inserted. A row that collides on either is
 * left out, and the caller tells which from what exists.
 */
export async function insertNewResidents(db: Database, rows: readonly NewResidentRow[], by: WrittenBy): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const packed = JSON.stringify(rows.map((r) => {
    const row: Record<string, string | number | null> = {
      i: r.id, h: r.household_id, v: r.village_code, p: r.province_code, f: r.full_name, d: r.created_on, t: r.last_recorded_at,
    };
    if (r.birth_year !== null) row.y = r.birth_year;
    if (r.sex !== null) row.s = r.sex;
    if (r.groups.length > 0) row.g = arrayLiteral(r.groups);
    if (r.ethnicity !== null) row.e = r.ethnicity;
    if (r.language !== null) row.l = r.language;
    if (r.national_id_hash !== null) {
      row.nh = r.national_id_hash;
      row.n4 = r.national_id_last4;
    }
    return row;
  }));
  const result = await sql<{ id: string }>`
    insert into residents (id, household_id, village_code, province_code, full_name, birth_year, sex, groups, ethnicity,
                           language, national_id_hash, national_id_last4, created_on, last_recorded_at, last_device_id, updated_by)
    select i, h, v, p, f, y, s, coalesce(g, '{}')::text[], e, l, nh, n4, d, t, ${by.deviceId}::uuid, ${by.userId}::uuid
    from json_to_recordset(${packed}::json) as r(
      i uuid, h uuid, v text, p text, f text, y integer, s text, g text, e text, l text, nh text, n4 text, d date, t timestamptz)
    order by i
    on conflict do nothing
    returning id`.execute(db);
  return new Set(result.rows.map((row) => row.id));
}

/** Which of these residents exist. */
export async function selectExistingResidentIds(db: Database, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = await sql<{ id: string }>`select id from residents where id = any(${[...ids]}::uuid[])`.execute(db);
  return new Set(result.rows.map((row) => row.id));
}

/** The residents of a province already recorded under these national ID hashes, by hash. */
export async function selectResidentsByNationalIdHash(db: Database, provinceCode: string, hashes: readonly string[]): Promise<Map<string, string>> {
  if (hashes.length === 0) return new Map();
  const result = await sql<{ id: string; national_id_hash: string }>`
    select id, national_id_hash from residents
    where province_code = ${provinceCode} and national_id_hash = any(${[...hashes]}::text[])`.execute(db);
  return new Map(result.rows.map((row) => [row.national_id_hash, row.id]));
}
