import type { ChildProgress, IndicatorProgress, IndicatorStanding, Status, Unit } from './dashboard-api';

/** Worst first: the order the lagging panel and a sort by status use. */
export const STATUS_ORDER: readonly Status[] = ['behind', 'at_risk', 'on_track', 'achieved', 'no_target', 'no_data'];

export interface RankRow {
  unit: Unit;
  figure: IndicatorStanding;
  openDifficulties: number;
  /** 1 for the highest value; units without data share the last place. */
  rank: number;
}

const byValueDesc = (a: RankRow, b: RankRow) => (b.figure.value ?? -Infinity) - (a.figure.value ?? -Infinity) || a.unit.name.localeCompare(b.unit.name, 'vi');

/** The children of a unit on one indicator, ranked by value (equal values share a rank). */
export function rankRows(children: readonly ChildProgress[], indicatorCode: string): RankRow[] {
  const rows = children.flatMap((child) => {
    const figure = child.indicators.find((i) => i.code === indicatorCode);
    return figure ? [{ unit: child.unit, figure, openDifficulties: child.openDifficulties, rank: 0 }] : [];
  });
  rows.sort(byValueDesc);
  rows.forEach((row, index) => {
    const previous = rows[index - 1];
    row.rank = previous && previous.figure.value === row.figure.value ? previous.rank : index + 1;
  });
  return rows;
}

export type SortKey = 'rank' | 'name' | 'value' | 'target' | 'status' | 'gap' | 'neededPerWeek' | 'openDifficulties';
export type SortDirection = 'ascending' | 'descending';

const nullsLast = (a: number | null, b: number | null, sign: number) => {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return sign * (a - b);
};

/** A copy of the rows in the order of a column header; missing figures always go last. */
export function sortRows(rows: readonly RankRow[], key: SortKey, direction: SortDirection): RankRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = (a: RankRow, b: RankRow): number => {
    switch (key) {
      case 'rank': return sign * (a.rank - b.rank);
      case 'name': return sign * a.unit.name.localeCompare(b.unit.name, 'vi');
      case 'status': return sign * (STATUS_ORDER.indexOf(a.figure.status) - STATUS_ORDER.indexOf(b.figure.status));
      case 'openDifficulties': return sign * (a.openDifficulties - b.openDifficulties);
      default: return nullsLast(a.figure[key], b.figure[key], sign);
    }
  };
  // Array sort is stable: ties keep the ranking's own order (value, then name).
  return [...rows].sort(compare);
}

/**
 * The units to call first: behind, then at risk, the largest gap first (the same indicator, so
 * gaps compare), then the one needing the fastest pace.
 */
export function laggingUnits(children: readonly ChildProgress[], indicatorCode: string, limit = 10): RankRow[] {
  return rankRows(children, indicatorCode)
    .filter((row) => row.figure.status === 'behind' || row.figure.status === 'at_risk')
    .sort((a, b) => STATUS_ORDER.indexOf(a.figure.status) - STATUS_ORDER.indexOf(b.figure.status)
      || (b.figure.gap ?? 0) - (a.figure.gap ?? 0)
      || (b.figure.neededPerWeek ?? 0) - (a.figure.neededPerWeek ?? 0)
      || a.unit.name.localeCompare(b.unit.name, 'vi'))
    .slice(0, limit);
}

/** How many children stand in each status on one indicator, for the grid's legend. */
export function statusCounts(children: readonly ChildProgress[], indicatorCode: string): Map<Status, number> {
  const counts = new Map<Status, number>();
  for (const child of children) {
    const status = child.indicators.find((i) => i.code === indicatorCode)?.status;
    if (status) counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return counts;
}

/** The figures that moved between two answers, for the screen reader's "updated" message. */
export function changedFigures(before: readonly IndicatorProgress[], after: readonly IndicatorProgress[]): { before: IndicatorProgress; after: IndicatorProgress }[] {
  const old = new Map(before.map((i) => [i.code, i]));
  return after.flatMap((figure) => {
    const previous = old.get(figure.code);
    return previous && (previous.value !== figure.value || previous.status !== figure.status) ? [{ before: previous, after: figure }] : [];
  });
}
