import type { Database } from '../db/database.js';
import { createUnit } from '../modules/units/units.service.js';

export const FIXTURE_START = '2025-07-01';

/**
 * A small province for tests: province 66 with three communes and two villages each.
 * Codes: communes 66001–66003, villages <commune>01 and <commune>02.
 */
export async function createSmallProvince(db: Database): Promise<void> {
  await createUnit(db, { code: '66', name: 'Tỉnh Thử Nghiệm', type: 'tỉnh', parentCode: null, validFrom: FIXTURE_START }, null);
  for (const n of [1, 2, 3]) {
    const commune = `6600${n}`;
    await createUnit(db, { code: commune, name: `Xã Số ${n}`, type: 'xã', parentCode: '66', validFrom: FIXTURE_START }, null);
    for (const v of [1, 2]) {
      await createUnit(db, { code: `${commune}0${v}`, name: `Thôn ${v}`, type: 'thôn', parentCode: commune, validFrom: FIXTURE_START }, null);
    }
  }
}
