import { createRequire } from 'node:module';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../src/testing/test-database.js';
import { countQueries, parameterBytes, statementName } from './query-recorder.js';

// node-postgres's own conversion of a parameter to the text it sends (not in its typings).
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue(value: unknown): unknown };

describe('parameterBytes', () => {
  it('counts a scalar as the bytes node-postgres sends for it', () => {
    const values = ['', 'Nguyễn Thị Lan', '😀', 0, 7, -12, 1_000_000, 123456789012, 0.5, new Date('2025-07-15T08:00:00Z'), true, false];
    for (const value of values) {
      expect(parameterBytes([value]), String(value)).toBe(Buffer.byteLength(prepareValue(value) as string));
    }
  });

  it('counts nothing for a null and an array as its elements and separators', () => {
    expect(parameterBytes([null, undefined])).toBe(0);
    expect(parameterBytes([['ab', 'c'], 10])).toBe(3 + 2 + 2 + 2);
  });
});

describe('statementName', () => {
  it('names a statement by the tables it writes, else those it reads, and transaction commands as such', () => {
    expect(statementName('BEGIN')).toBe('begin');
    expect(statementName('  commit')).toBe('commit');
    expect(statementName('select "s"."csrf_token" from "sessions" as "s" inner join "users" as "u" on 1 = 1')).toBe('read sessions+users');
    expect(statementName(`
      with x as (select i from unnest($1::uuid[]) as x(i)),
      facts as (insert into milestones (id) select i from x),
      changed as (insert into resident_milestones as s (resident_id) select i from x
        on conflict (resident_id) do update set facts = s.facts + 1),
      touched as (update residents set change_seq = 1 where id in (select i from x))
      select * from changed`)).toBe('write milestones+resident_milestones+residents');
    expect(statementName('select id from households where id = any($1) order by id for no key update')).toBe('read households');
    expect(statementName('with h as materialized (select id from households), r as (select id from residents) select id from h union all select id from r'))
      .toBe('read households+residents');
    expect(statementName('select 1')).toBe('read (no table)');
  });
});

describe('countQueries', () => {
  it('times each statement by name from sending to answer, the transaction commands too', async () => {
    const database = await openTestDatabase();
    try {
      const counter = countQueries();
      await database.db.transaction().execute(async (trx) => {
        await sql`select pg_sleep(0.02) from units`.execute(trx);
        await sql`select count(*) from units`.execute(trx);
      });
      counter.stop();
      const read = counter.times.get('read units');
      expect(read?.count).toBe(2);
      expect(read!.ms).toBeGreaterThan(0);
      expect(counter.times.get('begin')?.count).toBe(1);
      expect(counter.times.get('commit')?.count).toBe(1);
      expect([counter.statements, counter.transactions]).toEqual([2, 1]);
    } finally {
      await database.close();
    }
  });
});
