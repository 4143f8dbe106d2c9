import type { Database } from '../../db/database.js';
import type { RollupDelta } from '../rollups/rollups.service.js';
import * as q from './outreach.queries.js';

/** Names of the rollup sources the outreach module keeps. */
export const OUTREACH_ROLLUP_SOURCES = { exact: ['visits', 'households_visited', 'households_covered'], prefixes: [] as string[] };

/** Live visits, and households by the day of their first live (guided) visit, recounted from the visits. */
export async function recountOutreachRollups(trx: Database): Promise<RollupDelta[]> {
  await q.lockOutreachTables(trx);
  const rows: RollupDelta[] = [];
  for (const r of await q.countLiveVisits(trx)) {
    rows.push({ source: 'visits', unitCode: r.village_code, provinceCode: r.province_code, day: r.day, delta: Number(r.n) });
  }
  for (const r of await q.rebuildHouseholdVisits(trx)) {
    rows.push({ source: 'households_visited', unitCode: r.village_code, provinceCode: r.province_code, day: r.day, delta: Number(r.n) });
  }
  for (const r of await q.countCoveredHouseholds(trx)) {
    rows.push({ source: 'households_covered', unitCode: r.village_code, provinceCode: r.province_code, day: r.day, delta: Number(r.n) });
  }
  return rows;
}
