import type { Database } from '../../db/database.js';

/** What units hold beyond the tree: their teams and the figures recorded in their area. */
export interface UnitContents {
  /** Village teams (and the unit's own team) with a member on the day, and their members. */
  teams: number;
  teamMembers: number;
  /** The counts recorded in the area up to the day before: they follow the unit's successor. */
  figures: Record<string, number>;
}

/**
 * What a reorganisation does and shows beyond the tree. Counts and teams live in modules that
 * depend on units, so units cannot call them without an import cycle: the composition root
 * (src/app.ts) hands these to the units' routes, implemented by the reorganisation module.
 */
export interface ReorganisationHooks {
  /** Runs in the operation's transaction once the tree has changed. */
  afterReorganisation(trx: Database, provinceCode: string): Promise<void>;
  /** What the units `codes` (a subtree) hold on `day`, shown before an operation. */
  contentsOf(db: Database, codes: readonly string[], day: string): Promise<UnitContents>;
}
