import type { Database } from '../../db/database.js';
import type { RollupDelta } from '../rollups/rollups.service.js';
import { countEntries } from './attempts.queries.js';
import { CONTEST_ROLLUP_SOURCE } from './attempts.service.js';

/** The counts the contest owns: entrants (people with a scored attempt), once per contest, on the day of their first. */
export const CONTEST_ROLLUP_SOURCES = { exact: [CONTEST_ROLLUP_SOURCE], prefixes: [] as string[] };

export async function recountContestRollups(trx: Database): Promise<RollupDelta[]> {
  return (await countEntries(trx)).map((r) => ({ source: CONTEST_ROLLUP_SOURCE, unitCode: r.unit_code, provinceCode: r.province_code, day: r.day, delta: Number(r.n) }));
}
