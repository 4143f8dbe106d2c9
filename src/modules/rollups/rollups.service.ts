import type { Database } from '../../db/database.js';
import * as q from './rollups.queries.js';

/** A change to one count: `delta` facts of `source` in `unitCode` (the lowest unit) on `day`. */
export interface RollupDelta {
  source: string;
  unitCode: string;
  day: string;
  provinceCode: string;
  delta: number;
}

/**
 * Collects the count changes of a use case so they reach the database in one statement at
 * its end, whatever the number of facts written.
 */
export class RollupDeltas {
  private readonly byKey = new Map<string, RollupDelta>();

  add(source: string, unitCode: string, provinceCode: string, day: string, delta: number): void {
    if (delta === 0) return;
    const key = `${source}\u0000${unitCode}\u0000${day}`;
    const row = this.byKey.get(key);
    if (row) row.delta += delta;
    else this.byKey.set(key, { source, unitCode, day, provinceCode, delta });
  }

  addAll(rows: readonly RollupDelta[]): void {
    for (const row of rows) this.add(row.source, row.unitCode, row.provinceCode, row.day, row.delta);
  }

  rows(): RollupDelta[] {
    return [...this.byKey.values()];
  }
}

function compareKeys(a: q.RollupRow, b: q.RollupRow): number {
  return a.source < b.source ? -1 : a.source > b.source ? 1
    : a.unit_code < b.unit_code ? -1 : a.unit_code > b.unit_code ? 1
      : a.day < b.day ? -1 : a.day > b.day ? 1 : 0;
}

/**
 * Called first by a use case that writes counted facts: a rebuild then never runs between its
 * facts and its counts (a rebuild waits for it, and it waits for a rebuild).
 */
export async function holdRollupsForWrite(trx: Database): Promise<void> {
  await q.lockRollupsShared(trx);
}

/** Sums the rows per key in memory and adds them to the counts in one upsert, on the caller's transaction. */
export async function addToRollups(trx: Database, rows: readonly RollupDelta[]): Promise<void> {
  const deltas = new RollupDeltas();
  deltas.addAll(rows);
  const merged = deltas.rows()
    .filter((row) => row.delta !== 0)
    .map((row) => ({ source: row.source, unit_code: row.unitCode, day: row.day, province_code: row.provinceCode, value: row.delta }))
    .sort(compareKeys);
  await q.addRollupCounts(trx, merged);
}

/**
 * Totals per source for each unit code, counting facts up to and including `day`. Callers pass
 * the codes of a subtree (units service `subtreeCodes`), so merged units still count.
 */
export async function sumRollups(
  db: Database,
  codes: readonly string[],
  sources: { exact: readonly string[]; prefix?: string },
  day: string,
): Promise<{ unitCode: string; source: string; value: number }[]> {
  const rows = await q.sumByUnitAndSource(db, codes, sources, day);
  return rows.map((row) => ({ unitCode: row.unit_code, source: row.source, value: Number(row.value) }));
}

/** Every non-zero count, for comparing incremental counts with a rebuild. */
export function snapshotRollups(db: Database): Promise<q.RollupRow[]> {
  return q.selectAllCounts(db);
}
