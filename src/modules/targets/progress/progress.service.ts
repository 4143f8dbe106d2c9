import type { Database } from '../../../db/database.js';
import { withReferenceSnapshot } from '../../../db/reference-cache.js';
import { AppError } from '../../../errors.js';
import type { Viewer } from '../../../http/access.js';
import type { Language } from '../../../i18n/index.js';
import { vietnamDay } from '../../../lib/vietnam-day.js';
import { ancestorCodes, getVisibleUnit, listAllChildren, type Unit } from '../../units/units.service.js';
import { countOpenDifficulties } from '../difficulties/difficulties.service.js';
import { computeFiguresOnDays, type IndicatorFigure } from '../values/indicator-values.js';
import * as iq from '../indicators/indicators.queries.js';
import { assessProgress, trendStart, type ProgressAssessment } from './progress-status.js';

/** What names an indicator and how its figures read: the same for every unit. */
export interface IndicatorHeading {
  code: string;
  name: string;
  unitLabel: string;
  percent: boolean;
}

/** One indicator of one unit on one day, without its heading: its figures, its target and where it stands. */
export interface IndicatorStanding extends IndicatorFigure, ProgressAssessment {
  code: string;
  target: number | null;
  deadline: string | null;
  /**
   * A share above 100%: more people counted than the denominator holds, so a statistic is
   * likely wrong (a commune's adults set to 1). Shown in words beside the status, never as a
   * silent "achieved".
   */
  suspect: boolean;
}

/** A percentage whose numerator exceeds its denominator. */
export function isSuspectShare(percent: boolean, value: number | null): boolean {
  return percent && value !== null && value > 100;
}

/** An indicator of a unit whole: its heading and its standing. */
export interface IndicatorProgress extends IndicatorHeading, IndicatorStanding {}

export interface UnitProgress {
  unit: Unit;
  day: string;
  indicators: IndicatorProgress[];
  openDifficulties: number;
}

/** A child among its siblings: each indicator's standing, the headings given once beside them. */
export interface ChildProgress extends Omit<UnitProgress, 'indicators'> {
  indicators: IndicatorStanding[];
}

/**
 * The children of a unit on a day. Each indicator's heading is given once, not with every
 * child: with a province's 102 communes it made two fifths of the answer's bytes, written
 * and compressed on every change of the data.
 */
export interface ChildrenProgress {
  unit: Unit;
  day: string;
  indicators: IndicatorHeading[];
  children: ChildProgress[];
}

/** Each standing joined to its heading, heading first, as a unit's own answer reads: code, name, unit label, percent, then the figures. */
function withHeadings(headings: readonly IndicatorHeading[], standings: readonly IndicatorStanding[]): IndicatorProgress[] {
  return standings.map((standing, i) => ({ ...headings[i]!, ...standing }));
}

/** The children with each standing joined to its heading again, for the reports that print both. */
export function childrenWhole(answer: ChildrenProgress): UnitProgress[] {
  return answer.children.map((child) => ({ ...child, indicators: withHeadings(answer.indicators, child.indicators) }));
}

const headingOf = (indicator: iq.IndicatorRow, lang: Language): IndicatorHeading => ({
  code: indicator.code, name: lang === 'en' ? indicator.name_en : indicator.name_vi, unitLabel: indicator.unit_label, percent: indicator.percent,
});

const round = (value: number | null, digits = 2) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/**
 * The nearest target for each unit: its own, else (for a percentage, which holds at every
 * level) the one set on the closest ancestor. An absolute target does not pass down, since a
 * province total says nothing of one commune's share.
 */
function targetFinder(targets: readonly iq.TargetRow[], chains: ReadonlyMap<string, readonly string[]>) {
  // indicator → unit → target: asked for every indicator of every child, so no key is built per question.
  const byIndicator = new Map<string, Map<string, iq.TargetRow>>();
  for (const target of targets) {
    const byUnit = byIndicator.get(target.indicator_code) ?? new Map<string, iq.TargetRow>();
    byUnit.set(target.unit_code, target);
    byIndicator.set(target.indicator_code, byUnit);
  }
  return (indicator: iq.IndicatorRow, unitCode: string): iq.TargetRow | undefined => {
    const byUnit = byIndicator.get(indicator.code);
    if (!byUnit) return undefined;
    const chain = chains.get(unitCode) ?? [unitCode];
    for (let depth = 0; depth < chain.length; depth++) {
      if (depth > 0 && !indicator.percent) return undefined;
      const target = byUnit.get(chain[depth]!);
      if (target) return target;
    }
    return undefined;
  };
}

/** What a read needs beside the counts, asked at once, each on a connection of its own. */
interface AroundTheCounts {
  indicators: iq.IndicatorRow[];
  /** The targets set on the groups and on the root's ancestors. */
  targets: iq.TargetRow[];
  open: Map<string, number>;
  /** The root and its ancestors, nearest first. */
  rootChain: readonly string[];
}

/**
 * The indicators, the targets and the open difficulties of `codes` under `rootCode`: none needs
 * another, so they are asked together, and only the counts (which need the indicators) after.
 */
async function aroundTheCounts(db: Database, rootCode: string, provinceCode: string, codes: readonly string[], day: string): Promise<AroundTheCounts> {
  const rootChain = await ancestorCodes(db, rootCode, day);
  const [indicators, targets, open] = await Promise.all([
    iq.listIndicators(db, false, provinceCode),
    iq.targetsFor(db, [...new Set([...codes, ...rootChain])]),
    countOpenDifficulties(db, codes),
  ]);
  return { indicators, targets, open, rootChain };
}

async function progressOfGroups(
  db: Database, rootCode: string, groups: readonly Unit[], indicators: readonly iq.IndicatorRow[], day: string,
  { targets, rootChain }: Pick<AroundTheCounts, 'targets' | 'rootChain'>,
): Promise<Map<string, IndicatorStanding[]>> {
  const codes = groups.map((g) => g.code);
  const start = trendStart(day);
  // One reading of the counts for both days.
  const onDays = await computeFiguresOnDays(db, indicators, rootCode, codes, [day, start]);
  const now = onDays.get(day)!;
  const before = onDays.get(start)!;
  const chains = new Map(codes.map((code) => [code, code === rootCode ? rootChain : [code, ...rootChain]]));
  const findTarget = targetFinder(targets, chains);

  return new Map(codes.map((code) => {
    const figures = now.get(code)!;
    const figuresBefore = before.get(code);
    return [code, indicators.map((indicator): IndicatorStanding => {
      const figure = figures.get(indicator.code)!;
      const target = findTarget(indicator, code);
      const targetValue = target ? Number(target.target_value) : null;
      const deadline = target?.deadline ?? null;
      const assessment = assessProgress({
        value: figure.value, valueBefore: figuresBefore?.get(indicator.code)?.value ?? null, target: targetValue, deadline, day,
        ceiling: indicator.percent ? 100 : Infinity,
      });
      // Built whole, the optional source set after: a spread in the literal made every object in the slow way.
      const standing: IndicatorStanding = {
        code: indicator.code, numerator: figure.numerator, denominator: figure.denominator, value: round(figure.value),
        target: targetValue, deadline,
        status: assessment.status, projected: round(assessment.projected), neededPerWeek: round(assessment.neededPerWeek), gap: round(assessment.gap),
        suspect: isSuspectShare(indicator.percent, figure.value),
      };
      if (figure.source) standing.source = figure.source;
      return standing;
    })];
  }));
}

/** Every active indicator of a unit on a day (today by default). */
export function progressOf(db: Database, viewer: Viewer | null, unitCode: string, lang: Language, day = vietnamDay()): Promise<UnitProgress> {
  // One reading of the reference stamps for the whole request.
  return withReferenceSnapshot(db, () => unitProgress(db, viewer, unitCode, lang, day));
}

async function unitProgress(db: Database, viewer: Viewer | null, unitCode: string, lang: Language, day: string): Promise<UnitProgress> {
  const unit = await getVisibleUnit(db, viewer, unitCode, day, 'unit');
  const around = await aroundTheCounts(db, unit.code, unit.provinceCode, [unit.code], day);
  const { indicators } = around;
  const standings = (await progressOfGroups(db, unit.code, [unit], indicators, day, around)).get(unit.code)!;
  const whole = withHeadings(indicators.map((indicator) => headingOf(indicator, lang)), standings);
  return { unit, day, indicators: whole, openDifficulties: around.open.get(unit.code) ?? 0 };
}

/** The same figures for each child of a unit, for one indicator or all of them. */
export function progressOfChildren(
  db: Database, viewer: Viewer | null, unitCode: string, lang: Language, options: { indicatorCode?: string; day?: string } = {},
): Promise<ChildrenProgress> {
  return withReferenceSnapshot(db, () => childrenProgress(db, viewer, unitCode, lang, options));
}

async function childrenProgress(
  db: Database, viewer: Viewer | null, unitCode: string, lang: Language, options: { indicatorCode?: string; day?: string },
): Promise<ChildrenProgress> {
  const day = options.day ?? vietnamDay();
  const unit = await getVisibleUnit(db, viewer, unitCode, day, 'unit');
  const children = await listAllChildren(db, unit.code, day);
  const around = await aroundTheCounts(db, unit.code, unit.provinceCode, children.map((c) => c.code), day);
  let { indicators } = around;
  if (options.indicatorCode !== undefined) {
    indicators = indicators.filter((i) => i.code === options.indicatorCode);
    if (indicators.length === 0) {
      throw new AppError('INDICATOR_NOT_FOUND', `No indicator ${options.indicatorCode}`, 'indicator');
    }
  }
  const byGroup = await progressOfGroups(db, unit.code, children, indicators, day, around);
  const { open } = around;
  return {
    unit, day, indicators: indicators.map((indicator) => headingOf(indicator, lang)),
    children: children.map((child) => ({ unit: child, day, indicators: byGroup.get(child.code)!, openDifficulties: open.get(child.code) ?? 0 })),
  };
}
