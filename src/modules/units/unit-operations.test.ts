import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { openTestDatabase } from '../../testing/test-database.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { mergeUnits, moveUnit, renameUnit, splitUnit } from './unit-operations.js';
import { statisticsAt } from './unit-statistics.js';
import * as q from './units.queries.js';
import { createUnit, getUnit, isWithinScope, subtreeCodes, subtreeMembers } from './units.service.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  await createSmallProvince(handle.db);
});
afterAll(() => handle.close());

const codeOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return { code: (error as AppError).code, field: (error as AppError).field };
};

describe('a merge of two communes', () => {
  beforeAll(async () => {
    await q.upsertStatistics(handle.db, [
      { unit_code: '66001', kind: 'households', as_of: '2025-07-01', value: 120, province_code: '66' },
      { unit_code: '66002', kind: 'households', as_of: '2025-07-01', value: 80, province_code: '66' },
    ]);
    await handle.db.transaction().execute((trx) =>
      mergeUnits(trx, null, { sources: ['66001', '66002'], into: { code: '66100', name: 'Xã Hợp Nhất', type: 'xã' }, effectiveDate: '2025-09-01' }, null));
  });

  it('keeps a fact dated before the merge with its old commune when asked at that date', async () => {
    // A fact recorded in village 6600101 in August: asked in August it belongs to commune 66001 only.
    const before = await subtreeCodes(handle.db, '66001', '2025-08-15');
    expect(before).toContain('6600101');
    expect(await subtreeCodes(handle.db, '66002', '2025-08-15')).not.toContain('6600101');
    expect((await getUnit(handle.db, '6600101', '2025-08-15')).parentCode).toBe('66001');
    expect((await statisticsAt(handle.db, '66001', '2025-08-15')).households).toBe(120);
  });

  it('counts the same fact for the successor when asked after the merge', async () => {
    const after = await subtreeCodes(handle.db, '66100', '2025-10-01');
    // The villages moved, and the ended communes themselves roll up to their successor.
    expect(after).toEqual(expect.arrayContaining(['66100', '66001', '66002', '6600101', '6600102', '6600201', '6600202']));
    expect((await getUnit(handle.db, '6600101', '2025-10-01')).parentCode).toBe('66100');
    expect((await statisticsAt(handle.db, '66100', '2025-10-01')).households).toBe(200);
    expect((await statisticsAt(handle.db, '66', '2025-10-01')).households).toBe(200);
    expect(await isWithinScope(handle.db, '66100', '66001', '2025-10-01')).toBe(true);
  });

  it('describes the subtree in one query: live units with parents, ended ones with successors', async () => {
    const members = await subtreeMembers(handle.db, '66', '2025-10-01');
    const byCode = new Map(members.map((m) => [m.code, m]));
    expect(byCode.get('6600101')).toMatchObject({ tier: 'village', parentCode: '66100', successorCode: null });
    expect(byCode.get('66001')).toMatchObject({ tier: 'commune', parentCode: null, successorCode: '66100' });
    expect(byCode.get('66')).toMatchObject({ tier: 'province', parentCode: null, successorCode: null });
  });

  it('ends the sources with their successor named', async () => {
    const ended = await getUnit(handle.db, '66001', '2025-10-01');
    expect(ended).toMatchObject({ validTo: '2025-09-01', successorCode: '66100' });
    expect(await q.listChildrenAt(handle.db, '66001', '2025-10-01', undefined, 10)).toHaveLength(0);
  });

  it('refuses an operation dated before a later change of the same unit', async () => {
    expect(await codeOf(handle.db.transaction().execute((trx) =>
      renameUnit(trx, null, '6600101', { name: 'Thôn Cũ', effectiveDate: '2025-08-01' }, null)))).toEqual({ code: 'UNIT_CHANGE_OVERTAKEN', field: 'effectiveDate' });
  });
});

describe('rename and move', () => {
  it('answers the old name before the rename and the new one after', async () => {
    await handle.db.transaction().execute((trx) => renameUnit(trx, null, '6600301', { name: 'Buôn Ea Sar', type: 'buôn', effectiveDate: '2025-10-01' }, null));
    expect((await getUnit(handle.db, '6600301', '2025-09-30')).name).toBe('Thôn 1');
    expect(await getUnit(handle.db, '6600301', '2025-10-01')).toMatchObject({ name: 'Buôn Ea Sar', type: 'buôn' });
  });

  it('refuses a move that would make a cycle', async () => {
    await createUnit(handle.db, { code: '660030101', name: 'Tổ 1', type: 'tổ dân cư', parentCode: '6600301', validFrom: '2025-10-01' }, null);
    expect(await codeOf(handle.db.transaction().execute((trx) =>
      moveUnit(trx, null, '6600301', { parentCode: '660030101', effectiveDate: '2025-10-05' }, null)))).toEqual({ code: 'UNIT_MOVE_CYCLE', field: 'parentCode' });
  });

  it('refuses a commune under a village and a merge of different tiers', async () => {
    expect((await codeOf(handle.db.transaction().execute((trx) =>
      moveUnit(trx, null, '66003', { parentCode: '6600302', effectiveDate: '2025-10-05' }, null)))).code).toBe('UNIT_MOVE_CYCLE');
    expect((await codeOf(handle.db.transaction().execute((trx) =>
      mergeUnits(trx, null, { sources: ['66003', '6600302'], into: { code: '66003' }, effectiveDate: '2025-10-05' }, null)))).code).toBe('UNIT_TIER_MISMATCH');
  });
});

describe('a split', () => {
  const split = (children: Record<string, string>) => handle.db.transaction().execute((trx) =>
    splitUnit(trx, null, '66003', {
      successors: [{ code: '66201', name: 'Xã Bắc', type: 'xã' }, { code: '66202', name: 'Phường Nam', type: 'phường' }],
      children, factsTo: '66201', effectiveDate: '2025-11-01',
    }, null));

  it('refuses to leave a child without a successor, and writes nothing', async () => {
    expect(await codeOf(split({ '6600301': '66201' }))).toEqual({ code: 'UNIT_CHILDREN_UNASSIGNED', field: 'children' });
    expect((await q.existingCodes(handle.db, ['66201'])).size).toBe(0);
  });

  it('shares the children and sends the old unit figures to the named successor', async () => {
    const result = await split({ '6600301': '66201', '6600302': '66202' });
    expect(result.map((u) => u.code)).toEqual(['66201', '66202']);
    expect((await getUnit(handle.db, '6600302', '2025-11-01')).parentCode).toBe('66202');
    expect(await subtreeCodes(handle.db, '66201', '2025-11-02')).toEqual(expect.arrayContaining(['66003', '6600301', '660030101']));
    expect(await subtreeCodes(handle.db, '66003', '2025-10-15')).toEqual(expect.arrayContaining(['6600301', '6600302']));
  });
});
