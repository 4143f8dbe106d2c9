import type { Database } from '../../db/database.js';
import { ReferenceCache } from '../../db/reference-cache.js';
import { latestAreas } from '../units/units.service.js';
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
  // By source, then unit, then day: a sync batch adds four changes per visit, and the few sources,
  // villages and days come back each time as strings whose hashes V8 keeps, where a key joined
  // from them was a new string to build and hash on every add (0.33 ms of a batch against 0.12).
  private readonly bySource = new Map<string, Map<string, Map<string, RollupDelta>>>();

  add(source: string, unitCode: string, provinceCode: string, day: string, delta: number): void {
    if (delta === 0) return;
    let byUnit = this.bySource.get(source);
    if (byUnit === undefined) {
      byUnit = new Map();
      this.bySource.set(source, byUnit);
    }
    let byDay = byUnit.get(unitCode);
    if (byDay === undefined) {
      byDay = new Map();
      byUnit.set(unitCode, byDay);
    }
    const row = byDay.get(day);
    if (row) row.delta += delta;
    else byDay.set(day, { source, unitCode, day, provinceCode, delta });
  }

  addAll(rows: readonly RollupDelta[]): void {
    for (const row of rows) this.add(row.source, row.unitCode, row.provinceCode, row.day, row.delta);
  }

  rows(): RollupDelta[] {
    const rows: RollupDelta[] = [];
    for (const byUnit of this.bySource.values()) {
      for (const byDay of byUnit.values()) for (const row of byDay.values()) rows.push(row);
    }
    return rows;
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

/**
 * holdRollupsForWrite as a query of one row (column `held`) for the first statement of a use
 * case to read before it writes anything, saving the round trip of its own.
 */
export const holdRollupsInStatement = q.lockRollupsSharedQuery;

/**
 * Sums the rows per key in memory and adds them, on the caller's transaction, to the counts and
 * to the counts of each unit's area, per day and in all (what the dashboards read above the
 * village level): one statement when every unit's area is recorded, as it is after a unit's
 * first count; the first count of a unit records its area and adds its area counts after.
 */
export async function addToRollups(trx: Database, rows: readonly RollupDelta[]): Promise<void> {
  const deltas = new RollupDeltas();
  deltas.addAll(rows);
  const merged = deltas.rows()
    .filter((row) => row.delta !== 0)
    .map((row) => ({ source: row.source, unit_code: row.unitCode, day: row.day, province_code: row.provinceCode, value: row.delta }))
    .sort(compareKeys);
  if (merged.length === 0) return;
  const unplaced = new Set(await q.addCountsWithAreas(trx, merged));
  if (unplaced.size === 0) return;

  const areaOf = await areasOf(trx, [...unplaced]);
  const days = new Map<string, q.AreaDayRow>();
  const totals = new Map<string, q.AreaTotalRow>();
  for (const row of merged) {
    if (!unplaced.has(row.unit_code)) continue;
    const area = areaOf.get(row.unit_code) ?? row.unit_code;
    const dayKey = `${area}\u0000${row.source}\u0000${row.day}`;
    const day = days.get(dayKey);
    if (day) day.value += row.value;
    else days.set(dayKey, { area_code: area, source: row.source, day: row.day, province_code: row.province_code, value: row.value });
    const totalKey = `${area}\u0000${row.source}`;
    const total = totals.get(totalKey);
    if (total) total.value += row.value;
    else totals.set(totalKey, { area_code: area, source: row.source, province_code: row.province_code, value: row.value });
  }
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const sorted = <T>(map: Map<string, T>) => [...map].map(([key, row]) => ({ key, row })).sort(byKey).map((entry) => entry.row);
  await q.addAreaCounts(trx, sorted(days), sorted(totals));
}

/**
 * The area each unit's counts go to: the one recorded when it was first counted, else its
 * area in the latest tree (recorded now). A code the tree does not know is its own area.
 */
async function areasOf(trx: Database, codes: readonly string[]): Promise<Map<string, string>> {
  const known = new Map((await q.selectAreaMembers(trx, codes)).map((m) => [m.unit_code, m.area_code]));
  const missing = codes.filter((code) => !known.has(code));
  if (missing.length > 0) {
    const found = new Map((await latestAreas(trx, missing)).map((a) => [a.code, a]));
    // A unit of unknown province cannot be recorded; it is summed as its own area below.
    await q.insertAreaMembers(trx, missing.filter((code) => found.has(code)).map((code) => {
      const area = found.get(code)!;
      return { unit_code: code, area_code: area.areaCode, province_code: area.provinceCode, valid_from: area.validFrom };
    }));
    for (const m of await q.selectAreaMembers(trx, missing)) known.set(m.unit_code, m.area_code);
  }
  return known;
}

/**
 * For a module that writes a fact and its counts in one statement (the contest's submission):
 * the CTEs that add one per row of its CTE, and the condition that the unit's area is known.
 * When it is not, `recordAreas` records it (once per unit ever) and the statement is run again.
 */
export const countOnePerRow = q.addOnePerRowCtes;
export const areaKnownAt = q.areaMemberKnown;
export async function recordAreas(db: Database, codes: readonly string[]): Promise<void> {
  await areasOf(db, codes);
}

/**
 * After the tree is edited (merge, move, split), moves the counts of every unit whose area in
 * the latest tree is not the one its counts were added to. Cheap when nothing moved: one read
 * of the province's members and one walk up the tree. Writers of counts wait meanwhile; readers
 * stay exact (they check the areas against the tree on their day), only slower for the units
 * concerned.
 */
export async function regroupAreas(trx: Database, provinceCode: string | null): Promise<{ moved: number }> {
  // A writer adding to a unit's old area while its counts move would leave the two apart.
  await q.lockRollupsExclusive(trx);
  const members = await q.selectProvinceAreaMembers(trx, provinceCode);
  const latest = new Map((await latestAreas(trx, members.map((m) => m.unit_code))).map((a) => [a.code, a.areaCode]));
  const moved = members
    .map((m) => ({ unit_code: m.unit_code, from_area: m.area_code, to_area: latest.get(m.unit_code) ?? m.unit_code }))
    .filter((m) => m.from_area !== m.to_area)
    .sort((a, b) => (a.unit_code < b.unit_code ? -1 : 1));
  await q.moveAreaCounts(trx, moved);
  return { moved: moved.length };
}

/** The area members of a province: which area each counted unit's counts are summed in. */
export function areaMembersOf(db: Database, provinceCode: string): Promise<readonly AreaMember[]> {
  return areaMembers.get(db, provinceCode, async () =>
    Object.freeze((await q.selectProvinceAreaMembers(db, provinceCode)).map((m) => ({ unitCode: m.unit_code, areaCode: m.area_code, validFrom: m.valid_from }))));
}

export interface AreaMember {
  unitCode: string;
  areaCode: string;
  validFrom: string;
}

/** Members change with the tree (and a unit's first count), which moves the units stamp. */
const areaMembers = new ReferenceCache<readonly AreaMember[]>(['units']);

/** Past this many areas, a province's areas are read whole and the others dropped here. */
const FEW_AREAS = 16;
/**
 * Past this many units, likewise: a province's read names its 3,000 and more, and planning a
 * statement against such a list took PostgreSQL 2.4 ms, longer than running it.
 */
const FEW_UNITS = 256;

/**
 * Codes to read: named in the statement while there are at most `few` (`inSql`), else the whole
 * province is read (`inSql` null) and `keeps` drops the codes not asked for. Testing each row
 * against a long list costs more than the rows it would leave out.
 */
function narrowing(codes: Codes, few: number): { inSql: readonly string[] | null; keeps: (code: string) => boolean } {
  if (sizeOf(codes) <= few) return { inSql: codes instanceof Set ? [...codes] : (codes as readonly string[]), keeps: () => true };
  const wanted = codes instanceof Set ? codes : new Set(codes);
  return { inSql: null, keeps: (code) => wanted.has(code) };
}

/** Codes as a list, or as a set a caller already keeps (then not copied into another). */
type Codes = readonly string[] | ReadonlySet<string>;

const sizeOf = (codes: Codes): number => (codes instanceof Set ? codes.size : (codes as readonly string[]).length);

/** Totals per source for each area of a province on `day` (see sumByAreaAndSource). */
export async function sumAreaRollups(
  db: Database, provinceCode: string, areaCodes: readonly string[], sources: readonly string[], day: string,
): Promise<{ areaCode: string; source: string; value: number }[]> {
  const areas = narrowing(areaCodes, FEW_AREAS);
  const rows = await q.sumByAreaAndSource(db, provinceCode, areas.inSql, sources, day);
  return rows.filter((row) => areas.keeps(row.area_code))
    .map((row) => ({ areaCode: row.area_code, source: row.source, value: Number(row.value) }));
}

/** Per day, a total of sumAreaRollups (`area`), of sumRollups (`unit`) or of the second set of units (`fact`). */
export interface DayTotal {
  day: string;
  kind: 'area' | 'unit' | 'fact';
  code: string;
  source: string;
  value: number;
}

/**
 * sumAreaRollups over `counts.areaCodes`, sumRollups over `counts.unitCodes` and over
 * `facts.unitCodes` (each with its exact sources) on each of `days`, in one round trip.
 * Callers filter the rows per day as they need.
 */
export async function sumRollupsOnDays(
  db: Database, provinceCode: string,
  counts: { areaCodes: readonly string[]; unitCodes: readonly string[]; sources: readonly string[] },
  facts: { unitCodes: Codes; sources: readonly string[] },
  days: readonly string[],
): Promise<DayTotal[]> {
  const none = (part: { unitCodes: Codes; sources: readonly string[] }, areas = 0) => part.sources.length === 0 || sizeOf(part.unitCodes) + areas === 0;
  if (none(counts, counts.areaCodes.length) && none(facts)) return [];
  const kinds = {
    area: narrowing(counts.areaCodes, FEW_AREAS),
    unit: narrowing(counts.unitCodes, FEW_UNITS),
    fact: narrowing(facts.unitCodes, FEW_UNITS),
  };
  const rows = await q.sumByAreaOrUnitOnDays(db, provinceCode,
    { areaCodes: kinds.area.inSql, unitCodes: kinds.unit.inSql, sources: counts.sources },
    { unitCodes: kinds.fact.inSql, sources: facts.sources }, days);
  return rows.filter((row) => kinds[row.kind].keeps(row.code))
    .map((row) => ({ day: row.day, kind: row.kind, code: row.code, source: row.source, value: Number(row.value) }));
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

/** Every non-zero count, per unit and per area, for comparing incremental counts with a rebuild. */
export async function snapshotRollups(db: Database): Promise<{ counts: q.RollupRow[]; areas: Awaited<ReturnType<typeof q.selectAllAreaCounts>> }> {
  return { counts: await q.selectAllCounts(db), areas: await q.selectAllAreaCounts(db) };
}
