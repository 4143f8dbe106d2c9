import type { Database } from '../../db/database.js';
import { ReferenceCache } from '../../db/reference-cache.js';
import { listKey } from '../../lib/list-key.js';
import { ownOrChildrenSum } from '../../lib/tree-sum.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import * as q from './units.queries.js';
import { getVisibleUnit } from './units.service.js';
import type { Viewer } from '../../http/access.js';

/**
 * Unit statistics (population, adults, cadres…) are the usual denominators. They are state, not
 * events: a unit's figure on a day is its own latest value up to that day, or, where it has none,
 * the sum of its children's figures. So a province can be filled commune by commune, or a
 * commune village by village, without counting anyone twice.
 */
export type Statistics = Record<string, number | null>;

export async function statisticsAt(db: Database, code: string, day: string): Promise<Statistics> {
  return (await statisticsOfUnits(db, code, day, [code])).get(code)!;
}

/**
 * The statistics of several units of one subtree on a day, computed bottom-up in one pass:
 * two queries whatever the number of units asked.
 */
export async function statisticsOfUnits(db: Database, rootCode: string, day: string, codes: readonly string[]): Promise<ReadonlyMap<string, Statistics>> {
  const tree = await subtreeStatistics.get(db, `${rootCode}|${day}`, async () => {
    const kinds = await q.statisticKindCodes(db);
    const links = (await q.subtreeLinksAt(db, rootCode, day)).map((l) => ({ code: l.code, parentCode: l.code === rootCode ? null : l.parent_code }));
    const own = new Map<string, Map<string, number>>(kinds.map((kind) => [kind, new Map()]));
    for (const row of await q.latestStatistics(db, links.map((l) => l.code), day)) own.get(row.kind)?.set(row.unit_code, Number(row.value));
    return { kinds, sums: new Map(kinds.map((kind) => [kind, ownOrChildrenSum(links, own.get(kind)!)])), asked: new Map() };
  });
  // The same units are asked again and again (a dashboard's children): their figures are kept with the sums.
  const key = listKey(codes);
  let answer = tree.asked.get(key);
  if (!answer) {
    answer = new Map(codes.map((code) => [code, Object.freeze(Object.fromEntries(tree.kinds.map((kind) => [kind, tree.sums.get(kind)!(code)])))]));
    // A bound, should many different lists be asked before the sums change.
    if (tree.asked.size >= 64) tree.asked.clear();
    tree.asked.set(key, answer);
  }
  return answer;
}

/** The sums of a subtree on a day, kept until the tree or a statistic changes: the denominators of every dashboard. */
const subtreeStatistics = new ReferenceCache<{
  kinds: string[];
  sums: Map<string, (code: string) => number | null>;
  /** The statistics of the lists of units asked so far, by their codes joined. */
  asked: Map<string, ReadonlyMap<string, Statistics>>;
}>(['units', 'statistics']);

export async function getVisibleStatistics(db: Database, viewer: Viewer | null, code: string, day = vietnamDay()) {
  const unit = await getVisibleUnit(db, viewer, code, day);
  return { unit, day, statistics: await statisticsAt(db, code, day) };
}

/**
 * On a merge the successor starts with the sum of what its predecessors had the day before, so
 * its denominators are right from the first day; later imports replace these figures.
 */
export async function carryStatisticsForward(
  db: Database, codes: string[], successor: { code: string; provinceCode: string }, dayBefore: string, day: string,
): Promise<void> {
  const totals = new Map<string, number>();
  for (const code of codes) {
    for (const [kind, value] of Object.entries(await statisticsAt(db, code, dayBefore))) {
      if (value !== null) totals.set(kind, (totals.get(kind) ?? 0) + value);
    }
  }
  await q.upsertStatistics(db, [...totals].map(([kind, value]) => ({
    unit_code: successor.code, kind, as_of: day, value, province_code: successor.provinceCode,
  })));
}
