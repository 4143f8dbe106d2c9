import type { SubtreeMember } from '../../units/units.service.js';

/** A unit's own counted figure for one indicator, with the end of the period it describes. */
export interface OwnFigure {
  value: number;
  periodEnd: string;
}

/**
 * A reported figure of any unit of a subtree on a day, with the figures of ended units passed to
 * their successors, as field facts are, so a merge or a split never changes a total:
 * - a unit's figure is its own, else the sum of its children's (figures may be given at any
 *   level), plus the figures of the units that ended into it;
 * - for a figure that is a state ("latest": cadres trained so far), a successor's own value for a
 *   period that ended on or after the change describes the merged unit and replaces its
 *   predecessors'; an older one (a unit that absorbed others keeps its last report) adds to them;
 * - for a figure summed over periods (Week participants), the predecessors' sums always add.
 * An ended unit's own children moved to its successor with the change, so they count there.
 * Known edge: a commune that gave figures both for itself and for its villages before it ended
 * counts both after (before, its own figure hid its villages').
 */
export function reportedWithSuccession(
  members: readonly SubtreeMember[], own: ReadonlyMap<string, OwnFigure>, over: 'latest' | 'sum',
): (code: string) => number | null {
  const { children, predecessors } = indexOf(members);
  const memo = new Map<string, number | null>();

  const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);
  /** What the ended units that passed into `code` bring, unless its own newer value replaces them. */
  const inherited = (code: string): { value: number | null; lastEnd: string | null } => {
    let value: number | null = null;
    let lastEnd: string | null = null;
    for (const pred of predecessors.get(code) ?? []) {
      const predValue = valueOf(pred.code);
      if (predValue === null) continue;
      value = add(value, predValue);
      if (pred.endedOn !== null && (lastEnd === null || pred.endedOn > lastEnd)) lastEnd = pred.endedOn;
    }
    return { value, lastEnd };
  };
  const valueOf = (code: string): number | null => {
    if (memo.has(code)) return memo.get(code)!;
    memo.set(code, null); // a cycle in bad data counts nothing rather than looping
    const mine = own.get(code);
    let base: number | null = mine?.value ?? null;
    if (mine === undefined) {
      for (const child of children.get(code) ?? []) base = add(base, valueOf(child));
    }
    const from = inherited(code);
    const replaced = over === 'latest' && mine !== undefined && from.lastEnd !== null && mine.periodEnd >= from.lastEnd;
    const value = replaced ? base : add(base, from.value);
    memo.set(code, value);
    return value;
  };
  return valueOf;
}

interface SuccessionIndex {
  children: ReadonlyMap<string, readonly string[]>;
  predecessors: ReadonlyMap<string, readonly SubtreeMember[]>;
}

const indexes = new WeakMap<readonly SubtreeMember[], SuccessionIndex>();

/** Children in force and ended predecessors per unit, indexed once per subtree. */
function indexOf(members: readonly SubtreeMember[]): SuccessionIndex {
  const known = indexes.get(members);
  if (known) return known;
  const children = new Map<string, string[]>();
  const predecessors = new Map<string, SubtreeMember[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const member of members) {
    if (member.successorCode !== null) push(predecessors, member.successorCode, member);
    else if (member.parentCode !== null) push(children, member.parentCode, member.code);
  }
  const index = { children, predecessors };
  indexes.set(members, index);
  return index;
}
