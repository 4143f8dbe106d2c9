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

/** One indicator of one unit on one day: its figures, its target and where it stands. */
export interface IndicatorProgress extends IndicatorFigure, ProgressAssessment {
  code: string;
  name: string;
  unitLabel: string;
  percent: boolean;
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

export interface UnitProgress {
  unit: Unit;
  day: string;
  indicators: IndicatorProgress[];
  openDifficulties: number;
}

const round = (value: number | null, digits = 2) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/**
 * The nearest target for each unit: its own, else (for a percentage, which holds at every
 * level) the one set on the closest ancestor. An absolute target does not pass down, since a
 * province total says nothing of one commune's share.
 */
function targetFinder(targets: readonly iq.TargetRow[], chains: ReadonlyMap<string, readonly string[]>) {
  const byKey = new Map(targets.map((t) => [`${t.indicator_code}|${t.unit_code}`, t]));
  return (indicator: iq.IndicatorRow, unitCode: string): iq.TargetRow | undefined => {
    const chain = chains.get(unitCode) ?? [unitCode];
    for (const [depth, code] of chain.entries()) {
      if (depth > 0 && !indicator.percent) return undefined;
      const target = byKey.get(`${indicator.code}|${code}`);
      if (target) return target;
    }
    return undefined;
  };
}

async function progressOfGroups(
  db: Database, rootCode: string, groups: readonly Unit[], indicators: readonly iq.IndicatorRow[], day: string, lang: Language,
): Promise<Map<string, IndicatorProgress[]>> {
  const codes = groups.map((g) => g.code);
  // One reading of the reference stamps (the caller's, when it has one) and of the counts for both days.
  const start = trendStart(day);
  const [onDays, rootChain] = await withReferenceSnapshot(db, () => Promise.all([
    computeFiguresOnDays(db, indicators, rootCode, codes, [day, start]),
    ancestorCodes(db, rootCode, day),
  ]));
  const now = onDays.get(day)!;
  const before = onDays.get(start)!;
  const chains = new Map(codes.map((code) => [code, code === rootCode ? rootChain : [code, ...rootChain]]));
  const findTarget = targetFinder(await iq.targetsFor(db, [...new Set([...codes, ...rootChain])]), chains);

  return new Map(codes.map((code) => [code, indicators.map((indicator) => {
    const figure = now.get(code)!.get(indicator.code)!;
    const target = findTarget(indicator, code);
    const targetValue = target ? Number(target.target_value) : null;
    const assessment = assessProgress({
      value: figure.value, valueBefore: before.get(code)?.get(indicator.code)?.value ?? null,
      target: targetValue, deadline: target?.deadline ?? null, day,
    });
    return {
      code: indicator.code, name: lang === 'en' ? indicator.name_en : indicator.name_vi,
      unitLabel: indicator.unit_label, percent: indicator.percent,
      numerator: figure.numerator, denominator: figure.denominator, value: round(figure.value),
      target: targetValue, deadline: target?.deadline ?? null,
      status: assessment.status, projected: round(assessment.projected), neededPerWeek: round(assessment.neededPerWeek), gap: round(assessment.gap),
      suspect: isSuspectShare(indicator.percent, figure.value),
      ...(figure.source ? { source: figure.source } : {}),
    };
  })]));
}

/** Every active indicator of a unit on a day (today by default). */
export function progressOf(db: Database, viewer: Viewer | null, unitCode: string, lang: Language, day = vietnamDay()): Promise<UnitProgress> {
  // One reading of the reference stamps for the whole request.
  return withReferenceSnapshot(db, () => unitProgress(db, viewer, unitCode, lang, day));
}

async function unitProgress(db: Database, viewer: Viewer | null, unitCode: string, lang: Language, day: string): Promise<UnitProgress> {
  const unit = await getVisibleUnit(db, viewer, unitCode, day, 'unit');
  const indicators = await iq.listIndicators(db, false, unit.provinceCode);
  const byGroup = await progressOfGroups(db, unit.code, [unit], indicators, day, lang);
  const open = await countOpenDifficulties(db, [unit.code]);
  return { unit, day, indicators: byGroup.get(unit.code)!, openDifficulties: open.get(unit.code) ?? 0 };
}

/** The same figures for each child of a unit, for one indicator or all of them. */
export function progressOfChildren(
  db: Database, viewer: Viewer | null, unitCode: string, lang: Language, options: { indicatorCode?: string; day?: string } = {},
): Promise<{ unit: Unit; day: string; children: UnitProgress[] }> {
  return withReferenceSnapshot(db, () => childrenProgress(db, viewer, unitCode, lang, options));
}

async function childrenProgress(
  db: Database, viewer: Viewer | null, unitCode: string, lang: Language, options: { indicatorCode?: string; day?: string },
): Promise<{ unit: Unit; day: string; children: UnitProgress[] }> {
  const day = options.day ?? vietnamDay();
  const unit = await getVisibleUnit(db, viewer, unitCode, day, 'unit');
  let indicators = await iq.listIndicators(db, false, unit.provinceCode);
  if (options.indicatorCode !== undefined) {
    indicators = indicators.filter((i) => i.code === options.indicatorCode);
    if (indicators.length === 0) {
      throw new AppError('INDICATOR_NOT_FOUND', `No indicator ${options.indicatorCode}`, 'indicator');
    }
  }
  const children = await listAllChildren(db, unit.code, day);
  const byGroup = await progressOfGroups(db, unit.code, children, indicators, day, lang);
  const open = await countOpenDifficulties(db, children.map((c) => c.code));
  return {
    unit, day,
    children: children.map((child) => ({ unit: child, day, indicators: byGroup.get(child.code)!, openDifficulties: open.get(child.code) ?? 0 })),
  };
}
