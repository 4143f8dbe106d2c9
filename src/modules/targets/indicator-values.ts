import type { Database } from '../../db/database.js';
import { ownOrChildrenSum } from '../../lib/tree-sum.js';
import { sumRollups } from '../rollups/rollups.service.js';
import { teamPresence } from '../teams/team-coverage.js';
import { statisticsOfUnits } from '../units/unit-statistics.js';
import { subtreeMembers, type SubtreeMember } from '../units/units.service.js';
import type { CountSource, DenominatorSource } from './indicator-formula.js';
import type { IndicatorRow } from './indicators.queries.js';
import { countedReportedValues } from './reported-values.queries.js';

/** An indicator's figures for one unit on one day. */
export interface IndicatorFigure {
  numerator: number | null;
  denominator: number | null;
  /** numerator ÷ denominator (×100 for a percentage), the numerator alone when there is no denominator; null for no data. */
  value: number | null;
}

type AnySource = CountSource | DenominatorSource;

/** The rollup source a count reads, or null when it is not kept in rollups. */
function rollupSource(source: AnySource): string | null {
  switch (source.source) {
    case 'milestone': return `milestone:${source.kind}`;
    case 'visits': case 'households_visited': case 'households': case 'residents': return source.source;
    default: return null;
  }
}

/**
 * Attributes every unit of the subtree to the group (one of `groups`) it lies under on the day:
 * a unit in force climbs through its parents, an ended unit through its successor.
 */
function groupResolver(members: readonly SubtreeMember[], groups: readonly string[]): (code: string) => string | null {
  const byCode = new Map(members.map((m) => [m.code, m]));
  const groupSet = new Set(groups);
  const memo = new Map<string, string | null>();
  const resolve = (code: string, depth = 0): string | null => {
    if (groupSet.has(code)) return code;
    if (memo.has(code)) return memo.get(code)!;
    const member = byCode.get(code);
    const up = member?.parentCode ?? member?.successorCode ?? null;
    const group = up === null || depth > 64 ? null : resolve(up, depth + 1);
    memo.set(code, group);
    return group;
  };
  return resolve;
}

/**
 * Computes the figures of `indicators` for each of `groups` (a unit, or the children of a unit)
 * on `day`, reading only rollups, statistics, team records and reported figures: never the fact
 * tables. `rootCode` is the unit whose subtree holds all the groups.
 */
export async function computeFigures(
  db: Database, indicators: readonly IndicatorRow[], rootCode: string, groups: readonly string[], day: string,
): Promise<Map<string, Map<string, IndicatorFigure>>> {
  const members = await subtreeMembers(db, rootCode, day);
  const groupOf = groupResolver(members, groups);
  const codes = members.map((m) => m.code);
  const liveLinks = members.filter((m) => m.successorCode === null).map((m) => ({ code: m.code, parentCode: m.code === rootCode ? null : m.parentCode }));

  const parts = indicators.flatMap((i) => [i.numerator as CountSource, ...(i.denominator ? [i.denominator as DenominatorSource] : [])]);
  const rollupNames = [...new Set(parts.map(rollupSource).filter((s): s is string => s !== null))];
  const counts = new Map<string, Map<string, number>>(); // source → group → total
  for (const row of await sumRollups(db, codes, { exact: rollupNames }, day)) {
    const group = groupOf(row.unitCode);
    if (group === null) continue;
    const bySource = counts.get(row.source) ?? new Map<string, number>();
    bySource.set(group, (bySource.get(group) ?? 0) + row.value);
    counts.set(row.source, bySource);
  }

  const needsStatistics = parts.some((p) => p.source === 'statistic');
  const statistics = needsStatistics ? await statisticsOfUnits(db, rootCode, day, groups) : new Map();
  const needsTeams = parts.some((p) => p.source === 'committees' || p.source === 'teams' || p.source === 'team_members');
  const teamTotals = new Map<string, { committees: number; teams: number; team_members: number }>();
  if (needsTeams) {
    const presence = await teamPresence(db, codes, day);
    for (const code of codes) {
      const group = groupOf(code);
      if (group === null) continue;
      const tally = teamTotals.get(group) ?? { committees: 0, teams: 0, team_members: 0 };
      if (presence.committeeUnits.has(code)) tally.committees += 1;
      if (presence.teamUnits.has(code)) tally.teams += 1;
      tally.team_members += presence.membersByUnit.get(code) ?? 0;
      teamTotals.set(group, tally);
    }
  }

  const tiers = new Map<string, { commune: number; village: number }>();
  for (const member of members) {
    if (member.successorCode !== null || (member.tier !== 'commune' && member.tier !== 'village')) continue;
    const group = groupOf(member.code);
    if (group === null) continue;
    const tally = tiers.get(group) ?? { commune: 0, village: 0 };
    tally[member.tier] += 1;
    tiers.set(group, tally);
  }

  const reported = new Map<string, (code: string) => number | null>();
  for (const indicator of indicators) {
    const source = [indicator.numerator, indicator.denominator].find((p) => (p as AnySource | null)?.source === 'reported') as { over: 'latest' | 'sum' } | undefined;
    if (!source) continue;
    const rows = await countedReportedValues(db, indicator.code, codes, day, source.over);
    reported.set(indicator.code, ownOrChildrenSum(liveLinks, new Map(rows.map((r) => [r.unit_code, r.value]))));
  }

  const read = (indicator: IndicatorRow, part: AnySource, group: string): number | null => {
    const rollup = rollupSource(part);
    if (rollup !== null) return counts.get(rollup)?.get(group) ?? 0;
    switch (part.source) {
      case 'statistic': return statistics.get(group)?.[part.kind] ?? null;
      case 'units': return tiers.get(group)?.[part.tier] ?? 0;
      case 'reported': return reported.get(indicator.code)?.(group) ?? null;
      case 'committees': case 'teams': case 'team_members': return teamTotals.get(group)?.[part.source] ?? 0;
      default: return null;
    }
  };

  const result = new Map<string, Map<string, IndicatorFigure>>();
  for (const group of groups) {
    const figures = new Map<string, IndicatorFigure>();
    for (const indicator of indicators) {
      const numerator = read(indicator, indicator.numerator as CountSource, group);
      const denominator = indicator.denominator ? read(indicator, indicator.denominator as DenominatorSource, group) : null;
      let value: number | null = numerator;
      if (indicator.denominator) {
        // A denominator of zero or unknown gives "no data", never a division error.
        value = numerator === null || !denominator ? null : (numerator / denominator) * (indicator.percent ? 100 : 1);
      }
      figures.set(indicator.code, { numerator, denominator, value });
    }
    result.set(group, figures);
  }
  return result;
}
