import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { openTestDatabase } from '../../testing/test-database.js';
import { importOfficialList, importStatistics, importVillages, OFFICIAL_UNIT_LIST } from './unit-imports.js';
import { statisticsAt } from './unit-statistics.js';
import * as q from './units.queries.js';

const DAY = '2025-07-01';

let handle: DatabaseHandle;
beforeAll(async () => { handle = await openTestDatabase(); });
afterAll(() => handle.close());

const unitCount = async () => Number((await handle.db.selectFrom('units').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const inTransaction = <T>(work: (trx: DatabaseHandle['db']) => Promise<T>) => handle.db.transaction().execute(work);

describe('bad files are rejected whole', () => {
  it('lists every bad row with its reason and writes nothing', async () => {
    const csv = [
      'province_code,province_name,province_type,unit_code,unit_name,unit_type',
      '66,Tỉnh Đắk Lắk,tỉnh,22015,Phường Tuy Hòa,phường',
      '66,Tỉnh Đắk Lắk,tỉnh,22015,Phường Trùng,phường',
      '66,Tỉnh Đắk Lắk,tỉnh,22016,Xã Lạ,huyện',
      '66,Tỉnh Đắk Lắk,tỉnh,,Xã Trống,xã',
      'abc,Tỉnh Lỗi,tỉnh,22017,Xã Lỗi,xã',
    ].join('\n');
    const error = await rejection(inTransaction((trx) => importOfficialList(trx, null, csv, DAY, null)));
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.rows?.map((r) => [r.row, r.reason])).toEqual([
      [3, 'DUPLICATE_CODE'], [4, 'UNKNOWN_TYPE'], [5, 'MISSING_VALUE'], [6, 'BAD_VALUE'],
    ]);
    expect(await unitCount()).toBe(0);
  });

  it('names a missing column and a file that is not UTF-8', async () => {
    const missing = await rejection(inTransaction((trx) => importOfficialList(trx, null, 'province_code,province_name,unit_code\n66,X,1', DAY, null)));
    expect(missing.rows?.map((r) => r.field)).toEqual(['province_type', 'unit_name', 'unit_type']);
    const latin1 = Buffer.from('province_code,province_name,province_type,unit_code,unit_name,unit_type\n66,T\xeanh,t\xeanh,1,X\xe3,x\xe3\n', 'latin1');
    expect((await rejection(inTransaction((trx) => importOfficialList(trx, null, latin1, DAY, null)))).rows?.[0]?.reason).toBe('BAD_ENCODING');
    expect(await unitCount()).toBe(0);
  });
});

describe('the official list of 2025', () => {
  it('yields 34 provinces and 3,321 commune-level units, 102 of them under province 66', async () => {
    const file = fs.readFileSync(OFFICIAL_UNIT_LIST);
    const summary = await inTransaction((trx) => importOfficialList(trx, null, file, DAY, null));
    expect(summary).toEqual({ created: 34 + 3321, renamed: 0, unchanged: 0 });
    const byTier = await handle.db.selectFrom('units').select(['tier', (eb) => eb.fn.countAll().as('n')]).groupBy('tier').execute();
    expect(Object.fromEntries(byTier.map((r) => [r.tier, Number(r.n)]))).toEqual({ province: 34, commune: 3321 });
    expect(await q.listChildrenAt(handle.db, '66', DAY, undefined, 500)).toHaveLength(102);
    const daklak = await q.findUnitAt(handle.db, '66', DAY);
    expect(daklak?.name).toBe('Tỉnh Đắk Lắk');
  });

  it('changes nothing when imported again', async () => {
    const file = fs.readFileSync(OFFICIAL_UNIT_LIST);
    expect(await inTransaction((trx) => importOfficialList(trx, null, file, DAY, null))).toEqual({ created: 0, renamed: 0, unchanged: 3355 });
  });
});

describe('villages and statistics', () => {
  it('imports the villages of a commune, refusing unknown parents', async () => {
    const bad = 'commune_code,village_code,name,type\n22015,2201501,Khu phố 1,khu phố\n99999,9999901,Thôn Ma,thôn\n';
    expect((await rejection(inTransaction((trx) => importVillages(trx, null, bad, DAY, null)))).rows).toMatchObject([{ row: 3, reason: 'UNKNOWN_PARENT' }]);
    const good = 'commune_code,village_code,name,type\n22015,2201501,Khu phố 1,khu phố\n22015,2201502,Buôn Ea Kniêr,buôn\n';
    expect(await inTransaction((trx) => importVillages(trx, null, good, DAY, null))).toEqual({ created: 2, renamed: 0, unchanged: 0 });
    expect((await q.findUnitAt(handle.db, '2201502', DAY))?.parent_code).toBe('22015');
  });

  it('imports statistics per unit and day and sums them up the tree', async () => {
    const csv = [
      'unit_code,as_of,population,adults,households',
      '2201501,2025-07-01,1200,900,300',
      '2201502,2025-07-01,800,,200',
      '22045,2025-07-01,5000,3500,',
    ].join('\n');
    expect(await inTransaction((trx) => importStatistics(trx, null, csv))).toEqual({ values: 7 });
    const ward = await statisticsAt(handle.db, '22015', '2025-08-01');
    expect(ward).toMatchObject({ population: 2000, adults: 900, households: 500, pupils: null });
    expect((await statisticsAt(handle.db, '66', '2025-08-01')).population).toBe(7000);
    expect((await statisticsAt(handle.db, '66', '2025-06-30')).population).toBeNull();
  });

  it('rejects an unknown statistic column and a bad number', async () => {
    expect((await rejection(inTransaction((trx) => importStatistics(trx, null, 'unit_code,as_of,goats\n22015,2025-07-01,3')))).rows?.[0]).toMatchObject({ row: 1, field: 'goats' });
    expect((await rejection(inTransaction((trx) => importStatistics(trx, null, 'unit_code,as_of,population\n22015,2025-07-01,-3\n22015,2025-13-01,3')))).rows?.map((r) => r.reason)).toEqual(['BAD_VALUE', 'BAD_VALUE']);
  });
});
