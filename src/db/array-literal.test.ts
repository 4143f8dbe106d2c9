import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../lib/seeded-random.js';
import { openTestDatabase } from '../testing/test-database.js';
import { arrayLiteral, jsonColumn, listLiteral, nestedArrayLiteral } from './array-literal.js';
import type { DatabaseHandle } from './database.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const asRead = async (literal: string) => (await sql<{ a: (string | null)[] | null }>`select ${literal}::text[] as a`.execute(database.db)).rows[0]!.a;

// Pieces of the text the database stores (no NUL: input guards refuse it before it reaches here).
const PIECES = ['', 'NULL', 'null', ' ', ',', '{', '}', '"', '\\', "'", 'a', 'Đắk Lắk', '0190a1b2-0000-7000-8000-000000000000', '\t', '\n', '😀'];

/** A column of `seed`: up to 8 values, each null or up to 4 pieces joined. */
function column(seed: number): (string | null)[] {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  return Array.from({ length: 1 + pick(8) }, () =>
    (random() < 0.15 ? null : Array.from({ length: pick(5) }, () => PIECES[pick(PIECES.length)]!).join('')));
}

describe('array literals', () => {
  it('read back in the database as the values written, nulls, quotes and backslashes included', async () => {
    for (let seed = 1; seed <= 80; seed++) {
      const values = column(seed);
      const read = await asRead(arrayLiteral(values));
      // A column of nulls only goes as an empty array (unnest pads it with nulls).
      expect(read, `seed ${seed}`).toEqual(values.every((v) => v === null) ? [] : values);
    }
  });

  it('write a column with nothing to escape and no nulls in one piece, as the escaping path does', async () => {
    const ids = ['0190a1b2-0000-7000-8000-000000000000', '66001001', '2025-08-01', ''];
    expect(arrayLiteral(ids)).toBe('{"0190a1b2-0000-7000-8000-000000000000","66001001","2025-08-01",""}');
    expect(await asRead(arrayLiteral(ids))).toEqual(ids);
    expect(arrayLiteral(['a', null])).toBe('{"a",NULL}');
    expect(arrayLiteral(['a"b', 'c\\'])).toBe('{"a\\"b","c\\\\"}');
  });

  it('nest lists as text literals the database casts back per row', async () => {
    const lists = [['a', 'b,c'], null, [], ['"q"']];
    const read = await asRead(nestedArrayLiteral(lists));
    expect(read).toEqual(['{"a","b,c"}', null, null, '{"\\"q\\""}']);
    for (const [i, list] of lists.entries()) {
      if (list === null || list.length === 0) continue;
      expect(await asRead(read![i]!)).toEqual(list);
    }
  });

  it('nest lists of ids and codes bare, so the column escapes nothing, and quote whatever would read otherwise', async () => {
    const id = '0190a1b2-0000-7000-8000-000000000000';
    expect(listLiteral([id, 'skill_1'])).toBe(`{${id},skill_1}`);
    expect(nestedArrayLiteral([[id], null, ['s-1', 'S_2']])).toBe(`{"{${id}}",NULL,"{s-1,S_2}"}`);
    const lists = [['NULL'], ['null', 'a'], [''], ['a b'], ['Đắk'], [id, 'x'], ['{a}'], ['a,b']];
    const read = await asRead(nestedArrayLiteral(lists));
    for (const [i, list] of lists.entries()) expect(await asRead(read![i]!), JSON.stringify(list)).toEqual(list);
    for (let seed = 1; seed <= 40; seed++) {
      const list = column(seed).map((value) => value ?? 'x');
      expect(await asRead(listLiteral(list)), `seed ${seed}`).toEqual(list);
    }
  });

  it('send a column of JSON documents as one array, each read back at its position', async () => {
    const documents = [{ q: 'a"b\\c', o: ['Đắk Lắk', '😀'] }, [], { n: null }, 'text', 7].map((d) => JSON.stringify(d));
    const r = await sql<{ ord: string; d: unknown }>`
      select ord, d from jsonb_array_elements(${jsonColumn(documents)}::jsonb) with ordinality as j(d, ord) order by ord`.execute(database.db);
    expect(r.rows.map((row) => Number(row.ord))).toEqual([1, 2, 3, 4, 5]);
    expect(r.rows.map((row) => row.d)).toEqual(documents.map((d) => JSON.parse(d)));
  });
});
