import type { Database } from '../../db/database.js';
import type { Viewer } from '../../http/access.js';
import type { Language } from '../../i18n/index.js';
import { listIndicators } from '../targets/indicators/indicators.service.js';
import { childrenWhole, progressOf, progressOfChildren, type IndicatorProgress } from '../targets/progress/progress.service.js';
import type { Unit } from '../units/units.service.js';
import { percentAchieved } from './report-format.js';

/** One line of a target table: the progress figures plus what a printed report adds. */
export interface ReportRow extends IndicatorProgress {
  no: number;
  explanation: string;
  /** value ÷ target, in percent. */
  achieved: number | null;
}

export interface UnitReport {
  unit: Unit;
  day: string;
  lang: Language;
  rows: ReportRow[];
  children: { unit: Unit; rows: ReportRow[] }[];
}

function toRows(indicators: readonly IndicatorProgress[], explanations: ReadonlyMap<string, string>): ReportRow[] {
  return indicators.map((indicator, index) => ({
    ...indicator, no: index + 1, explanation: explanations.get(indicator.code) ?? '',
    achieved: percentAchieved(indicator.value, indicator.target),
  }));
}

/**
 * Everything an export of a unit needs, read once through the targets module (the same figures
 * GET /api/progress answers): the unit's own rows and its children's. Scope is checked first,
 * so a unit outside the viewer's subtree answers 404 before anything is computed.
 */
export async function loadUnitReport(
  db: Database, viewer: Viewer | null, unitCode: string, lang: Language, day: string, options: { indicatorCode?: string } = {},
): Promise<UnitReport> {
  const own = await progressOf(db, viewer, unitCode, lang, day);
  const below = await progressOfChildren(db, viewer, unitCode, lang, { day, indicatorCode: options.indicatorCode });
  const explanations = new Map((await listIndicators(db, lang, false, own.unit.provinceCode)).map((i) => [i.code, i.explanation]));
  const ownIndicators = options.indicatorCode === undefined ? own.indicators : own.indicators.filter((i) => i.code === options.indicatorCode);
  return {
    unit: own.unit, day, lang,
    rows: toRows(ownIndicators, explanations),
    children: childrenWhole(below).map((child) => ({ unit: child.unit, rows: toRows(child.indicators, explanations) })),
  };
}
