import type { Database } from '../../db/database.js';
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
  const kinds = await q.statisticKindCodes(db);
  const links = await q.subtreeLinksAt(db, code, day);
  const own = new Map<string, Map<string, number>>();
  for (const row of await q.latestStatistics(db, links.map((l) => l.code), day)) {
    let values = own.get(row.unit_code);
    if (!values) own.set(row.unit_code, (values = new Map()));
    values.set(row.kind, Number(row.value));
  }
  const children = new Map<string, string[]>();
  for (const link of links) {
    if (link.parent_code === null || link.code === code) continue;
    const list = children.get(link.parent_code) ?? [];
    list.push(link.code);
    children.set(link.parent_code, list);
  }
  const valueOf = (unit: string, kind: string): number | null => {
    const mine = own.get(unit)?.get(kind);
    if (mine !== undefined) return mine;
    let sum: number | null = null;
    for (const child of children.get(unit) ?? []) {
      const value = valueOf(child, kind);
      if (value !== null) sum = (sum ?? 0) + value;
    }
    return sum;
  };
  return Object.fromEntries(kinds.map((kind) => [kind, valueOf(code, kind)]));
}

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
