import type { Database } from '../../db/database.js';
import { PEOPLE_ROLLUP_SOURCES, recountPeopleRollups } from '../people/people-feed.js';
import { OUTREACH_ROLLUP_SOURCES, recountOutreachRollups } from '../outreach/outreach-rollups.js';
import { CONTEST_ROLLUP_SOURCES, recountContestRollups } from '../contest/contest-rollups.js';
import { LEARNING_ROLLUP_SOURCES, recountLearningRollups } from '../learning/enrolments.service.js';
import * as q from './rollups.queries.js';
import { addToRollups, regroupAreas, type RollupDelta } from './rollups.service.js';

/** A module's counts: the source names it owns and how to recount them from its facts. */
export interface RollupSource {
  exact: readonly string[];
  prefixes: readonly string[];
  recount(trx: Database): Promise<RollupDelta[]>;
}

/** Every source the rollups hold; a module that adds counts adds itself here. */
export const ROLLUP_SOURCES: readonly RollupSource[] = [
  { ...PEOPLE_ROLLUP_SOURCES, recount: recountPeopleRollups },
  { ...OUTREACH_ROLLUP_SOURCES, recount: recountOutreachRollups },
  { ...CONTEST_ROLLUP_SOURCES, recount: recountContestRollups },
  { ...LEARNING_ROLLUP_SOURCES, recount: recountLearningRollups },
];

function concerns(source: RollupSource, prefix: string): boolean {
  return source.exact.some((name) => name.startsWith(prefix))
    || source.prefixes.some((p) => p.startsWith(prefix) || prefix.startsWith(p));
}

/**
 * Recomputes from the facts every count whose source name starts with `prefix` ('' for all),
 * in the caller's transaction, and answers how many counts it wrote. Writers of counted facts
 * wait meanwhile, so the result is exact.
 */
export async function recountRollups(trx: Database, prefix = '', sources: readonly RollupSource[] = ROLLUP_SOURCES): Promise<{ sources: number; counts: number }> {
  await q.lockRollupsExclusive(trx);
  // Every unit's counts in its area of the latest tree first, so the areas are rebuilt there.
  await regroupAreas(trx, null);
  const involved = sources.filter((source) => concerns(source, prefix));
  let counts = 0;
  for (const source of involved) {
    const rows = (await source.recount(trx)).filter((row) => row.source.startsWith(prefix));
    await q.deleteSources(trx, source, prefix);
    await addToRollups(trx, rows);
    counts += rows.length;
  }
  return { sources: involved.length, counts };
}
