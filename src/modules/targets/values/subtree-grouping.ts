import type { AreaMember } from '../../rollups/rollups.service.js';
import { teamReachOf, type TeamPresence } from '../../teams/teams.public.js';
import type { SubtreeMember } from '../../units/units.service.js';

/**
 * How the units of a subtree on a day fall into the groups a figure is asked for (the root
 * itself, or its children). Derived from cached reference data (the subtree, the area members,
 * the team presence) and cached beside it, keyed by those very objects: a dashboard asks the
 * same question all day, and working it out walks every unit of the province.
 */
export interface Grouping {
  /** The group a unit counts for on the day, or null when it is outside every group. */
  groupOf(code: string): string | null;
  /** Every unit of the subtree, in force or ended. */
  codes: readonly string[];
  /** The same codes as a set, and the members by code: asked on every read, so made once here. */
  codeSet: ReadonlySet<string>;
  members: readonly SubtreeMember[];
  memberOf: ReadonlyMap<string, SubtreeMember>;
  /** Units per group. */
  unitsOf: ReadonlyMap<string, readonly string[]>;
  /** Communes and villages in force per group. */
  tiers: ReadonlyMap<string, { commune: number; village: number }>;
}

/** The value kept under `key` in `map`, made by `make` the first time. */
function kept<K, V>(map: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

const groupings = new WeakMap<readonly SubtreeMember[], Map<string, Grouping>>();

export function groupingOf(members: readonly SubtreeMember[], rootCode: string, groups: readonly string[]): Grouping {
  const byKey = kept(groupings, members, () => new Map<string, Grouping>());
  return kept(byKey, `${rootCode}|${groups.join(',')}`, () => buildGrouping(members, rootCode, groups));
}

/**
 * Attributes every unit of the subtree to the group (one of `groups`) it lies under on the day:
 * a unit in force climbs through its parents, an ended unit through its successor.
 */
function buildGrouping(members: readonly SubtreeMember[], rootCode: string, groups: readonly string[]): Grouping {
  const byCode = new Map(members.map((m) => [m.code, m]));
  const groupSet = new Set(groups);
  const memo = new Map<string, string | null>();
  const groupOf = (code: string, depth = 0): string | null => {
    if (groupSet.has(code)) return code;
    if (memo.has(code)) return memo.get(code)!;
    const member = byCode.get(code);
    const up = member?.parentCode ?? member?.successorCode ?? null;
    const group = up === null || depth > 64 ? null : groupOf(up, depth + 1);
    memo.set(code, group);
    return group;
  };

  const unitsOf = new Map<string, string[]>();
  const tiers = new Map<string, { commune: number; village: number }>();
  for (const member of members) {
    const group = groupOf(member.code);
    if (group === null) continue;
    const list = unitsOf.get(group);
    if (list) list.push(member.code);
    else unitsOf.set(group, [member.code]);
    if (member.successorCode !== null || (member.tier !== 'commune' && member.tier !== 'village')) continue;
    const tally = tiers.get(group) ?? { commune: 0, village: 0 };
    tally[member.tier] += 1;
    tiers.set(group, tally);
  }
  return {
    groupOf: (code) => groupOf(code),
    codes: members.map((m) => m.code),
    codeSet: new Set(members.map((m) => m.code)),
    members,
    memberOf: byCode,
    unitsOf,
    tiers,
  };
}

interface UnionLink {
  codes?: ReadonlySet<string>;
  next: WeakMap<Grouping, UnionLink>;
}

const unions = new WeakMap<Grouping, UnionLink>();

/**
 * Every unit code of several groupings (the same subtree on the days a figure reads), kept
 * beside them: made afresh, the union of a province's 3,000 codes twice cost more than the
 * figures built from it.
 */
export function codesOfAll(groupings: readonly Grouping[]): ReadonlySet<string> {
  if (groupings.length <= 1) return groupings[0]?.codeSet ?? new Set();
  let link: UnionLink | undefined;
  for (const grouping of groupings) {
    const links: WeakMap<Grouping, UnionLink> = link ? link.next : unions;
    link = kept(links, grouping, () => ({ next: new WeakMap<Grouping, UnionLink>() }));
  }
  link!.codes ??= new Set(groupings.flatMap((grouping) => grouping.codes));
  return link!.codes;
}

/** Which groups read their counts from area sums (and from which areas), and which units the others read. */
export interface AreaPlan {
  groupOfArea: ReadonlyMap<string, string>;
  /** Units of the groups that areas cannot serve on the day: read from their own counts. */
  unitCodes: readonly string[];
  unitCodeSet: ReadonlySet<string>;
}

const plans = new WeakMap<readonly AreaMember[], WeakMap<Grouping, Map<string, AreaPlan>>>();

/**
 * A group is read from the sums of its areas (commune-level units) when those areas hold
 * exactly its units, as they do unless the tree was reorganised between `day` and the latest
 * tree; otherwise from its units' own counts. Both give the same figure; the areas are a
 * hundred rows where the units are thousands times every day.
 */
export function areaPlanOf(grouping: Grouping, areaMembers: readonly AreaMember[], day: string): AreaPlan {
  const byGrouping = kept(plans, areaMembers, () => new WeakMap<Grouping, Map<string, AreaPlan>>());
  const byDay = kept(byGrouping, grouping, () => new Map<string, AreaPlan>());
  return kept(byDay, day, () => buildAreaPlan(grouping, areaMembers, day));
}

function buildAreaPlan(grouping: Grouping, areaMembers: readonly AreaMember[], day: string): AreaPlan {
  const areaOf = new Map<string, string>();
  const inArea = new Map<string, AreaMember[]>();
  for (const m of areaMembers) {
    areaOf.set(m.unitCode, m.areaCode);
    const list = inArea.get(m.areaCode);
    if (list) list.push(m);
    else inArea.set(m.areaCode, [m]);
  }
  const groupOfArea = new Map<string, string>();
  const unitCodes: string[] = [];
  for (const [group, units] of grouping.unitsOf) {
    const areas = new Set(units.map((code) => areaOf.get(code)).filter((a): a is string => a !== undefined));
    // An area serves the group only if every unit counted in it that existed on the day lies in the group then.
    const exact = [...areas].every((area) => inArea.get(area)!.every((u) => u.validFrom > day || grouping.groupOf(u.unitCode) === group));
    if (exact) for (const area of areas) groupOfArea.set(area, group);
    else unitCodes.push(...units);
  }
  return { groupOfArea, unitCodes, unitCodeSet: new Set(unitCodes) };
}

export interface TeamTally {
  /** Communes with a committee, their own or inherited (see teams/team-reach.ts). */
  committees: number;
  /** Villages that need a team and have one. */
  teams: number;
  team_members: number;
  /** Villages that need a team: the denominator of village teams. */
  villages: number;
}

const tallies = new WeakMap<TeamPresence, WeakMap<Grouping, Map<string, TeamTally>>>();

/** Committees, teams and members per group. */
export function teamTalliesOf(grouping: Grouping, presence: TeamPresence): ReadonlyMap<string, TeamTally> {
  const byGrouping = kept(tallies, presence, () => new WeakMap<Grouping, Map<string, TeamTally>>());
  return kept(byGrouping, grouping, () => {
    const reach = teamReachOf(grouping.members, presence);
    const totals = new Map<string, TeamTally>();
    for (const code of grouping.codes) {
      const group = grouping.groupOf(code);
      if (group === null) continue;
      const tally = totals.get(group) ?? { committees: 0, teams: 0, team_members: 0, villages: 0 };
      if (reach.communesWithCommittee.has(code)) tally.committees += 1;
      if (reach.villagesWithTeam.has(code)) tally.teams += 1;
      if (reach.villagesNeedingTeam.has(code)) tally.villages += 1;
      tally.team_members += presence.membersByUnit.get(code) ?? 0;
      totals.set(group, tally);
    }
    return totals;
  });
}
