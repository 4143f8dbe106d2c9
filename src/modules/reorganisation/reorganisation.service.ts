import type { Database } from '../../db/database.js';
import { regroupAreas, sumRollups } from '../rollups/rollups.service.js';
import { teamPresence } from '../teams/teams.public.js';
import type { ReorganisationHooks, UnitContents } from '../units/units.public.js';

/** The counts an officer recognises: households and people on the books, visits, households guided. */
export const PREVIEW_SOURCES = ['households', 'residents', 'visits', 'households_covered'] as const;

/** Teams, members and the recognised counts of a subtree on a day. */
async function contentsOf(db: Database, codes: readonly string[], day: string): Promise<UnitContents> {
  const presence = await teamPresence(db, codes, day);
  const figures: Record<string, number> = Object.fromEntries(PREVIEW_SOURCES.map((source) => [source, 0]));
  for (const row of await sumRollups(db, codes, { exact: PREVIEW_SOURCES }, day)) figures[row.source] = (figures[row.source] ?? 0) + row.value;
  let teamMembers = 0;
  for (const n of presence.membersByUnit.values()) teamMembers += n;
  return { teams: presence.teamUnits.size, teamMembers, figures };
}

/**
 * A reorganisation of the administrative tree as one use case: the units module changes the
 * tree, and this module, which may depend on units, rollups and teams alike, does the rest.
 * Units never imports what sits above it; src/app.ts hands these hooks to its routes.
 */
export const reorganisationHooks: ReorganisationHooks = {
  // The summed counts of the units that moved follow them to their new areas, in the same transaction.
  afterReorganisation: async (trx, provinceCode) => {
    await regroupAreas(trx, provinceCode);
  },
  contentsOf,
};
