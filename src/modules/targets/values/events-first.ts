import type { Grouping } from './subtree-grouping.js';

/** events: event check-ins; records: other counted records (enrolments, completions); reported: typed; mixed: both. */
export type FigureSource = 'events' | 'records' | 'reported' | 'mixed';

/** How a figure read from these counts is labelled: the Week's come from event check-ins. */
const labelOf = (source: string): 'events' | 'records' => (source === 'week_participants' ? 'events' : 'records');

/**
 * A figure that counted records replace where they exist (the Week participants from events,
 * learners from enrolments, cadres trained from completions): per commune, the
 * check-ins of its events when it held any, else the figure it reported. A group above the
 * communes sums its communes that way, so one commune's events never hide the others' reports.
 * `totals` are the counts of the records' sources per unit of the grouping on the day.
 */
export function eventsFirstReader(grouping: Grouping, totals: readonly { unitCode: string; source: string; value: number }[]) {
  const member = grouping.memberOf;
  const communeOf = (code: string): string | null => {
    let current: string | null | undefined = code;
    for (let depth = 0; current && depth < 16; depth++) {
      const m = member.get(current);
      if (m?.tier === 'commune') return current;
      current = m?.parentCode ?? m?.successorCode;
    }
    return null;
  };
  // source → unit (or commune) → check-ins
  const byUnit = new Map<string, Map<string, number>>();
  const byCommune = new Map<string, Map<string, number>>();
  const add = (map: Map<string, Map<string, number>>, source: string, key: string, n: number) => {
    const inner = map.get(source) ?? new Map<string, number>();
    inner.set(key, (inner.get(key) ?? 0) + n);
    map.set(source, inner);
  };
  for (const row of totals) {
    if (row.value === 0) continue;
    add(byUnit, row.source, row.unitCode, row.value);
    add(byCommune, row.source, communeOf(row.unitCode) ?? row.unitCode, row.value);
  }

  return (source: string, group: string, reportedOf: (code: string) => number | null): { value: number | null; source: FigureSource } => {
    const units = [...(byUnit.get(source) ?? new Map<string, number>())].filter(([code]) => grouping.groupOf(code) === group);
    const total = units.reduce((sum, [, n]) => sum + n, 0);
    if (total === 0) return { value: reportedOf(group), source: 'reported' };
    const communes = (grouping.unitsOf.get(group) ?? []).filter((code) => code !== group && member.get(code)?.tier === 'commune' && member.get(code)?.endedOn === null);
    if (communes.length === 0) return { value: total, source: labelOf(source) };
    const events = byCommune.get(source)!;
    let value = 0;
    let usedReports = false;
    for (const commune of communes) {
      const held = events.get(commune) ?? 0;
      if (held > 0) value += held;
      else {
        const typed = reportedOf(commune);
        if (typed !== null && typed !== 0) usedReports = true;
        value += typed ?? 0;
      }
    }
    // Events held at the group's own level (a province festival) belong to no commune.
    for (const [code, n] of units) if (communeOf(code) === null) value += n;
    return { value, source: usedReports ? 'mixed' : labelOf(source) };
  };
}
