import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database.js';
import type { DatabaseHandle } from './database.js';
import { executePrepared } from './prepared.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const doubled = (n: number) => sql<{ n: number }>`select (${n}::int * 2) as n, 'prepared-test' as tag`;

describe('prepared statements', () => {
  it('answer the same rows as the statement run unnamed, whatever the parameters', async () => {
    for (const n of [1, 2, 3, 40, -7]) {
      const prepared = await executePrepared(database.db, doubled(n));
      const plain = await doubled(n).execute(database.db);
      expect(prepared.rows).toEqual(plain.rows);
      expect(Number(prepared.rows[0]!.n)).toBe(n * 2);
    }
    const built = database.db.selectFrom('units').select('code').where('code', '=', 'none-such');
    expect((await executePrepared(database.db, built)).rows).toEqual([]);
  });

  it.skipIf(!process.env.DATABASE_URL)('are parsed once per connection and kept there under their name (PostgreSQL)', async () => {
    await database.db.connection().execute(async (connection) => {
      for (const n of [5, 6, 7]) await executePrepared(connection, doubled(n));
      const kept = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements where statement like '%prepared-test%'`.execute(connection);
      expect(kept.rows).toHaveLength(1);
      expect(kept.rows[0]!.name).toMatch(/^doorstep_\d+$/);
    });
  });
});
