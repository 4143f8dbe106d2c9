import type { Database } from '../../db/database.js';
import * as q from './rollups.queries.js';
import { addToRollups, regroupAreas, type RollupDelta } from './rollups.service.js';

/** A module's counts: the source names it owns and how to recount them from its facts. */
export interface RollupSource {
  exact: readonly string[];
  prefixes: readonly string[];
  recount(trx: Database): Promise<RollupDelta[]>;
}

function concerns(source: RollupSource, prefix: string): boolean {
  return source.exact.some((name) => name.startsWith(prefix))
    || source.prefixes.some((p) => p.startsWith(prefix) || prefix.startsWith(p));
}

/**
 * Recomputes from the facts every count of `sources` whose name starts with `prefix` ('' for
 * all), in the caller's transaction, and answers how many counts it wrote. Writers of counted
 * facts wait meanwhile, so the result is exact. The caller names the sources (src/rollup-sources.ts
 * lists them all): the modules that count facts depend on the rollups, never the reverse.
 */
export async function recountRollupSources(trx: Database, sources: readonly RollupSource[], prefix = ''): Promise<{ sources: number; counts: number }> {
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
