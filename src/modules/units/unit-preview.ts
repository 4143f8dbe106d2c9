import type { Database } from '../../db/database.js';
import type { ReorganisationHooks, UnitContents } from './reorganisation-hooks.js';
import * as q from './units.queries.js';
import { getUnit, subtreeCodes, type Unit } from './units.service.js';

/** What a unit holds before a reorganisation: what would move with it. */
export interface UnitHoldings extends UnitContents {
  code: string;
  name: string;
  tier: Unit['tier'];
  /** Units directly under it on the day. */
  children: number;
}

export interface OperationPreview {
  effectiveDate: string;
  /** The units the operation touches, as they stand before it. */
  before: UnitHoldings[];
  /** The units in force on the effective day once it is done. */
  after: Unit[];
}

/** Thrown to roll the rehearsal back once the outcome is known. */
class Rehearsed extends Error {
  constructor(readonly preview: OperationPreview) {
    super('rehearsed');
  }
}

async function holdingsOf(db: Database, hooks: ReorganisationHooks, code: string, day: string): Promise<UnitHoldings> {
  const unit = await getUnit(db, code, day);
  const children = await q.listChildrenAt(db, code, day, undefined, 100_000);
  const contents = await hooks.contentsOf(db, await subtreeCodes(db, code, day), day);
  return { code, name: unit.name, tier: unit.tier, children: children.length, ...contents };
}

/**
 * Runs the operation for real inside a transaction that is then rolled back: the officer sees
 * exactly what the operation would do, and the refusal it would meet, with one set of rules.
 * Nothing is cached inside a transaction (reference-cache.ts), so the rehearsal leaves no trace.
 */
export async function rehearseOperation(
  db: Database, hooks: ReorganisationHooks, touched: readonly string[], day: string, run: (trx: Database) => Promise<Unit | Unit[]>,
): Promise<OperationPreview> {
  try {
    await db.transaction().execute(async (trx) => {
      const before: UnitHoldings[] = [];
      // A code the officer got wrong is left for the operation itself to refuse, with its field named.
      for (const code of new Set(touched)) {
        if ((await q.findUnitAt(trx, code, day)) !== undefined) before.push(await holdingsOf(trx, hooks, code, day));
      }
      const result = await run(trx);
      throw new Rehearsed({ effectiveDate: day, before, after: Array.isArray(result) ? result : [result] });
    });
  } catch (error) {
    if (error instanceof Rehearsed) return error.preview;
    throw error;
  }
  throw new Error('unreachable: a rehearsal always rolls back');
}
