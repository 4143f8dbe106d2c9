import type { Database } from '../../../db/database.js';
import { ReferenceCache, withReferenceSnapshot } from '../../../db/reference-cache.js';
import { areaMembersOf, sumRollupsOnDays } from '../../rollups/rollups.service.js';
import { teamPresence } from '../../teams/teams.public.js';
import { statisticsOfUnits } from '../../units/units.public.js';
import { provinceCodeOf, subtreeMembers } from '../../units/units.service.js';
import type { CountSource, DenominatorSource } from '../indicators/indicator-formula.js';
import type { IndicatorRow } from '../indicators/indicators.queries.js';
import { countedReportedValues, type CountedReportedValue } from '../reported/reported-values.queries.js';
import { reportedWithSuccession, type OwnFigure } from '../reported/reported-succession.js';
import { eventsFirstReader, type FigureSource } from './events-first.js';
import { areaPlanOf, codesOfAll, groupingOf, teamTalliesOf, type Grouping, type TeamTally } from './subtree-grouping.js';

/** An indicator's figures for one unit on one day. */
export interface IndicatorFigure {
  numerator: number | null;
  denominator: number | null;
  /** numerator ÷ denominator (×100 for a percentage), the numerator alone when there is no denominator; null for no data. */
  value: number | null;
  /** Where the numerator came from when it can come from two places: counted records (events, enrolments) or typed reports. */
  source?: FigureSource;
}

type AnySource = CountSource | DenominatorSource;

const villageCount = (part: AnySource) => part.source === 'units' && part.tier === 'village';

/** The rollup source a count reads, or null when it is not kept in rollups. */
function rollupSource(source: AnySource): string | null {
  switch (source.source) {
    case 'milestone': return `milestone:${source.kind}`;
    case 'learners': return 'learning:learners';
    case 'course_completions': return 'learning:completions';
    case 'visits': case 'households_visited': case 'households_covered': case 'households': case 'residents': case 'contest_participants':
    case 'event_attendances': case 'event_people': case 'week_participants': case 'week_communes':
    case 'communication_activities': case 'communication_reach': return source.source;
    default: return null;
  }
}

type Counts = Map<string, Map<string, number>>; // source → group → total
type UnitTotal = { unitCode: string; source: string; value: number };

/**
 * The rollup counts of each group on each of `days`, per source: from area sums where the
 * day's plan allows (see areaPlanOf), from the units' own counts elsewhere; and the totals per
 * unit of `factSources` (the records read first, events-first.ts). One statement for all the
 * days: what each day reads is filtered here by that day's plan and subtree.
 */
async function countsOnDays(
  db: Database, provinceCode: string, groupings: ReadonlyMap<string, Grouping>, sources: readonly string[], factSources: readonly string[],
): Promise<Map<string, { counts: Counts; facts: UnitTotal[] }>> {
  const members = await areaMembersOf(db, provinceCode);
  const plans = new Map([...groupings].map(([day, grouping]) => [day, areaPlanOf(grouping, members, day)]));
  const unitsOn = new Map([...plans].map(([day, plan]) => [day, plan.unitCodeSet]));
  const codesOn = new Map([...groupings].map(([day, grouping]) => [day, grouping.codeSet]));
  const byDay = new Map([...groupings.keys()].map((day) => [day, { counts: new Map() as Counts, facts: [] as UnitTotal[] }]));
  const add = (day: string, source: string, group: string | null | undefined, value: number) => {
    if (group === null || group === undefined) return;
    const { counts } = byDay.get(day)!;
    const bySource = counts.get(source) ?? new Map<string, number>();
    bySource.set(group, (bySource.get(group) ?? 0) + value);
    counts.set(source, bySource);
  };
  const rows = await sumRollupsOnDays(db, provinceCode, {
    areaCodes: [...new Set([...plans.values()].flatMap((plan) => [...plan.groupOfArea.keys()]))],
    unitCodes: [...new Set([...plans.values()].flatMap((plan) => plan.unitCodes))],
    sources,
  }, {
    unitCodes: factSources.length === 0 ? [] : codesOfAll([...groupings.values()]),
    sources: factSources,
  }, [...groupings.keys()]);
  for (const row of rows) {
    if (!byDay.has(row.day)) continue;
    if (row.kind === 'area') add(row.day, row.source, plans.get(row.day)!.groupOfArea.get(row.code), row.value);
    // A unit another day reads by itself is in this day's areas: counted there, not twice.
    else if (row.kind === 'unit') {
      if (unitsOn.get(row.day)!.has(row.code)) add(row.day, row.source, groupings.get(row.day)!.groupOf(row.code), row.value);
    } else if (codesOn.get(row.day)!.has(row.code)) byDay.get(row.day)!.facts.push({ unitCode: row.code, source: row.source, value: row.value });
  }
  return byDay;
}

/**
 * For each indicator that reads reported figures, the figure of any unit of the subtree: its
 * own, else its children's sum, plus what ended units passed to it (reported-succession.ts).
 * One query, whatever the number of indicators.
 */
async function reportedFigures(
  db: Database, indicators: readonly IndicatorRow[], provinceCode: string, grouping: Grouping, day: string,
): Promise<Map<string, (code: string) => number | null>> {
  const overOf = new Map<string, 'latest' | 'sum'>();
  for (const indicator of indicators) {
    const source = [indicator.numerator, indicator.denominator].find((p) => (p as AnySource | null)?.source === 'reported') as { over: 'latest' | 'sum' } | undefined;
    if (source) overOf.set(indicator.code, source.over);
  }
  const reported = new Map<string, (code: string) => number | null>();
  if (overOf.size === 0) return reported;
  const own = new Map([...overOf.keys()].map((code) => [code, new Map<string, OwnFigure>()]));
  const over = (kind: 'latest' | 'sum') => [...overOf].filter(([, o]) => o === kind).map(([code]) => code);
  const which = { latest: over('latest'), sum: over('sum') };
  const rows = await reportedRows.get(db, `${provinceCode}|${day}|${which.latest.join(',')}|${which.sum.join(',')}`,
    async () => Object.freeze(await countedReportedValues(db, which, provinceCode, day)));
  // Derived from kept objects only (the rows, kept until the reported stamp moves, and the
  // grouping), so kept beside them: rebuilding it walked the subtree on every request.
  const byGrouping = reportedByRows.get(rows) ?? new WeakMap<Grouping, Map<string, (code: string) => number | null>>();
  reportedByRows.set(rows, byGrouping);
  const kept = byGrouping.get(grouping);
  if (kept) return kept;
  for (const row of rows) {
    if (grouping.codeSet.has(row.unit_code)) own.get(row.indicator_code)!.set(row.unit_code, { value: row.value, periodEnd: row.period_end });
  }
  for (const [code, values] of own) reported.set(code, reportedWithSuccession(grouping.members, values, overOf.get(code)!));
  byGrouping.set(grouping, reported);
  return reported;
}

/** The reported figures of a grouping, per kept rows (their cache key names the indicators and how each sums). */
const reportedByRows = new WeakMap<readonly CountedReportedValue[], WeakMap<Grouping, Map<string, (code: string) => number | null>>>();

/** Reported figures change when an officer saves, submits or approves one, which moves their stamp. */
const reportedRows = new ReferenceCache<readonly CountedReportedValue[]>(['reported']);

/**
 * Computes the figures of `indicators` for each of `groups` (a unit, or the children of a unit)
 * on `day`, reading only rollups, statistics, team records and reported figures: never the fact
 * tables. `rootCode` is the unit whose subtree holds all the groups.
 */
export async function computeFigures(
  db: Database, indicators: readonly IndicatorRow[], rootCode: string, groups: readonly string[], day: string,
): Promise<Map<string, Map<string, IndicatorFigure>>> {
  return (await computeFiguresOnDays(db, indicators, rootCode, groups, [day])).get(day)!;
}

/** computeFigures on several days at once (day → group → indicator), with one read of the counts for all of them. */
export function computeFiguresOnDays(
  db: Database, indicators: readonly IndicatorRow[], rootCode: string, groups: readonly string[], days: readonly string[],
): Promise<Map<string, Map<string, Map<string, IndicatorFigure>>>> {
  return withReferenceSnapshot(db, () => figuresOnDays(db, indicators, rootCode, groups, [...new Set(days)]));
}

async function figuresOnDays(
  db: Database, indicators: readonly IndicatorRow[], rootCode: string, groups: readonly string[], days: readonly string[],
): Promise<Map<string, Map<string, Map<string, IndicatorFigure>>>> {
  // The root may not exist yet on a day (a trend that starts before it): its province does.
  const provinceCode = (await provinceCodeOf(db, rootCode)) ?? rootCode;
  const groupings = new Map(await Promise.all(days.map(async (day) => [day, groupingOf(await subtreeMembers(db, rootCode, day), rootCode, groups)] as const)));
  const parts = indicators.flatMap((i) => [i.numerator as CountSource, ...(i.denominator ? [i.denominator as DenominatorSource] : [])]);
  const rollupNames = [...new Set(parts.map(rollupSource).filter((s): s is string => s !== null))];
  const factSources = [...new Set(parts.flatMap((p) => (p.source === 'reported' && (p.factsFirst ?? p.eventsFirst) ? [(p.factsFirst ?? p.eventsFirst)!] : [])))];
  const read = rollupNames.length + factSources.length === 0 ? new Map<string, { counts: Counts; facts: UnitTotal[] }>()
    : await countsOnDays(db, provinceCode, groupings, rollupNames, factSources);
  const figures = await Promise.all(days.map((day) => figuresOf(
    db, indicators, rootCode, provinceCode, groups, groupings.get(day)!, read.get(day) ?? { counts: new Map(), facts: [] }, day,
  )));
  return new Map(days.map((day, i) => [day, figures[i]!]));
}

async function figuresOf(
  db: Database, indicators: readonly IndicatorRow[], rootCode: string, provinceCode: string, groups: readonly string[],
  grouping: Grouping, { counts, facts }: { counts: Counts; facts: readonly UnitTotal[] }, day: string,
): Promise<Map<string, Map<string, IndicatorFigure>>> {
  const parts = indicators.flatMap((i) => [i.numerator as CountSource, ...(i.denominator ? [i.denominator as DenominatorSource] : [])]);
  const needsStatistics = parts.some((p) => p.source === 'statistic');
  const statistics = needsStatistics ? await statisticsOfUnits(db, rootCode, day, groups) : new Map();
  const needsTeams = parts.some((p) => p.source === 'committees' || p.source === 'teams' || p.source === 'team_members' || villageCount(p));
  const teamTotals = needsTeams ? teamTalliesOf(grouping, await teamPresence(db, grouping.codes, day)) : new Map<string, TeamTally>();
  const reported = await reportedFigures(db, indicators, provinceCode, grouping, day);
  const eventsFirstOf = eventsFirstReader(grouping, facts);

  let source: IndicatorFigure['source'];
  // How each part of each indicator is read, worked out once here rather than for every group:
  // the rollup's name, the maps to look in, the indicator's reported figures.
  const readerOf = (indicator: IndicatorRow, part: AnySource): ((group: string) => number | null) => {
    const rollup = rollupSource(part);
    if (rollup !== null) {
      const byGroup = counts.get(rollup);
      return (group) => byGroup?.get(group) ?? 0;
    }
    const reportedOf = reported.get(indicator.code);
    const first = part.source === 'reported' ? part.factsFirst ?? part.eventsFirst : undefined;
    if (first) {
      // Where a commune has such records (events held, people enrolled), they are its figure; elsewhere the typed one.
      const typedOf = (code: string) => reportedOf?.(code) ?? null;
      return (group) => {
        const figure = eventsFirstOf(first, group, typedOf);
        source = figure.source;
        return figure.value;
      };
    }
    switch (part.source) {
      case 'statistic': {
        const kind = part.kind;
        return (group) => statistics.get(group)?.[kind] ?? null;
      }
      // Villages are those that need a team: a group nested in a village is part of it (teams/team-reach.ts).
      case 'units': {
        if (villageCount(part)) return (group) => teamTotals.get(group)?.villages ?? 0;
        const tier = part.tier;
        return (group) => grouping.tiers.get(group)?.[tier] ?? 0;
      }
      case 'reported': return (group) => reportedOf?.(group) ?? null;
      case 'committees': case 'teams': case 'team_members': {
        const tally = part.source;
        return (group) => teamTotals.get(group)?.[tally] ?? 0;
      }
      default: return () => null;
    }
  };
  const plans = indicators.map((indicator) => ({
    code: indicator.code,
    numerator: readerOf(indicator, indicator.numerator as CountSource),
    denominator: indicator.denominator ? readerOf(indicator, indicator.denominator as DenominatorSource) : null,
    scale: indicator.percent ? 100 : 1,
  }));

  const result = new Map<string, Map<string, IndicatorFigure>>();
  for (const group of groups) {
    const figures = new Map<string, IndicatorFigure>();
    for (const plan of plans) {
      source = undefined;
      const numerator = plan.numerator(group);
      const denominator = plan.denominator ? plan.denominator(group) : null;
      let value: number | null = numerator;
      if (plan.denominator) {
        // A denominator of zero or unknown gives "no data", never a division error.
        value = numerator === null || !denominator ? null : (numerator / denominator) * plan.scale;
      }
      figures.set(plan.code, source === undefined ? { numerator, denominator, value } : { numerator, denominator, value, source });
    }
    result.set(group, figures);
  }
  return result;
}
