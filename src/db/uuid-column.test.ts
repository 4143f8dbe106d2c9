import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database.js';
import type { DatabaseHandle } from './database.js';
import { binaryUuidArray, uuidColumn } from './uuid-column.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const readBack = async (values: (string | null)[]) =>
  (await sql<{ a: string[] }>`select ${uuidColumn(values)}::uuid[] as a`.execute(database.db)).rows[0]!.a;

const A = '0190a1b2-3c4d-7e5f-8a6b-7c8d9e0fa1b2';
const B = 'ffffffff-0000-7000-8000-000000000001';

describe('a column of UUIDs', () => {
  it('reads back in the database as the values sent, in order, nulls in their places', async () => {
    expect(await readBack([A, B, A])).toEqual([A, B, A]);
    expect(await readBack([null, A, null, B])).toEqual([null, A, null, B]);
    // Upper case reads as the same UUID, written back in lower case.
    expect(await readBack([A.toUpperCase()])).toEqual([A]);
  });

  it('goes as the empty array when it holds nothing or nulls only, as a text column does', async () => {
    expect(await readBack([])).toEqual([]);
    expect(await readBack([null, null])).toEqual([]);
  });

  it('pairs with text columns in unnest by position', async () => {
    const rows = await sql<{ i: string; k: string }>`
      select i, k from unnest(${uuidColumn([A, B])}::uuid[], ${'{"visit","milestone"}'}::text[]) as r(i, k)`.execute(database.db);
    expect(rows.rows).toEqual([{ i: A, k: 'visit' }, { i: B, k: 'milestone' }]);
  });

  it('goes in the binary format, 20 bytes an element, when every value is a canonical UUID', () => {
    const binary = uuidColumn([A, null, B]).toPostgres();
    expect(Buffer.isBuffer(binary)).toBe(true);
    expect((binary as Buffer).length).toBe(uuidColumn([A, null, B]).binaryLength);
    expect((binary as Buffer).length).toBe(20 + 20 + 4 + 20);
    expect((binary as Buffer).subarray(24, 40).toString('hex')).toBe(A.replaceAll('-', ''));
  });

  it('goes as text when a value is not a canonical UUID, so the database refuses it as before', async () => {
    for (const odd of ['urn:uuid:' + A, A.replaceAll('-', ''), `{${A}}`, A.slice(0, 35) + 'g', A.slice(0, 35) + 'é', 'x'.repeat(36)]) {
      expect(binaryUuidArray([A, odd]), odd).toBeNull();
      expect(typeof uuidColumn([A, odd]).toPostgres(), odd).toBe('string');
    }
    await expect(readBack([A, 'not-a-uuid'])).rejects.toThrow(/uuid/i);
  });
});
