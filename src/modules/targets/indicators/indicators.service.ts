import type { Database } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../errors.js';
import type { Viewer } from '../../../http/access.js';
import type { Language } from '../../../i18n/index.js';
import { isDay } from '../../../lib/vietnam-day.js';
import { activeMilestoneKindCodes } from '../../people/milestones.service.js';
import { getVisibleUnit, statisticKindCodes } from '../../units/units.service.js';
import type { PlanIndicator } from './daklak-2025-plan.js';
import type { CountSource, DenominatorSource } from './indicator-formula.js';
import * as q from './indicators.queries.js';

export interface Indicator {
  code: string;
  name: string;
  explanation: string;
  nameVi: string;
  nameEn: string;
  explanationVi: string;
  explanationEn: string;
  unitLabel: string;
  percent: boolean;
  numerator: CountSource;
  denominator: DenominatorSource | null;
  sort: number;
  active: boolean;
}

export function presentIndicator(row: q.IndicatorRow, lang: Language): Indicator {
  return {
    code: row.code, name: lang === 'en' ? row.name_en : row.name_vi, explanation: lang === 'en' ? row.explanation_en : row.explanation_vi,
    nameVi: row.name_vi, nameEn: row.name_en, explanationVi: row.explanation_vi, explanationEn: row.explanation_en,
    unitLabel: row.unit_label, percent: row.percent, numerator: row.numerator as CountSource,
    denominator: row.denominator as DenominatorSource | null, sort: row.sort, active: row.active,
  };
}

export type IndicatorInput = Omit<Indicator, 'code' | 'name' | 'explanation'>;

/** Refuses, with the field at fault, a formula that names a milestone or statistic that does not exist. */
async function checkFormula(db: Database, input: Pick<IndicatorInput, 'numerator' | 'denominator' | 'percent'>): Promise<void> {
  const milestones = await activeMilestoneKindCodes(db);
  const statistics = new Set(await statisticKindCodes(db));
  const parts: [string, CountSource | DenominatorSource | null][] = [['numerator', input.numerator], ['denominator', input.denominator]];
  for (const [field, part] of parts) {
    if (part?.source === 'milestone' && !milestones.has(part.kind)) {
      throw new AppError('INDICATOR_FORMULA_INVALID', `Unknown milestone kind "${part.kind}"`, `${field}.kind`);
    }
    if (part?.source === 'statistic' && !statistics.has(part.kind)) {
      throw new AppError('INDICATOR_FORMULA_INVALID', `Unknown statistic "${part.kind}"`, `${field}.kind`);
    }
  }
  if (input.denominator?.source === 'reported' && input.numerator.source === 'reported') {
    throw new AppError('INDICATOR_FORMULA_INVALID', 'Only one side of an indicator can be reported', 'denominator');
  }
  if (input.percent && input.denominator === null) {
    throw new AppError('INDICATOR_FORMULA_INVALID', 'A percentage needs a denominator', 'denominator');
  }
}

export async function listIndicators(db: Database, lang: Language, includeInactive = false, provinceCode: string | null = null): Promise<Indicator[]> {
  return (await q.listIndicators(db, includeInactive, provinceCode)).map((row) => presentIndicator(row, lang));
}

/** The province a viewer works in, whose wording of the indicators they see; null for an administrator. */
export async function provinceOfViewer(db: Database, viewer: Viewer | null): Promise<string | null> {
  if (!viewer?.scopeUnitCode) return null;
  return (await getVisibleUnit(db, viewer, viewer.scopeUnitCode)).provinceCode;
}

/** JSON with keys in order: jsonb hands objects back with its own key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const sameJson = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * Saves an indicator. The shared definition (a new indicator, or any formula) is an
 * administrator's (or the command line's); a province officer's save of an existing indicator
 * with its formula unchanged becomes that province's own wording, order and visibility, which
 * no other province sees.
 */
export async function saveIndicator(db: Database, viewer: Viewer | null, code: string, input: IndicatorInput, lang: Language): Promise<Indicator> {
  if (viewer && viewer.role !== 'admin') {
    const shared = await q.findIndicator(db, code);
    if (!shared) throw new AppError('SHARED_DEFINITION_ADMIN_ONLY', `No shared indicator ${code}; an administrator adds it`, 'code');
    const formulaChanged = shared.percent !== input.percent || !sameJson(shared.numerator, input.numerator) || !sameJson(shared.denominator, input.denominator);
    if (formulaChanged) throw new AppError('SHARED_DEFINITION_ADMIN_ONLY', `The formula of ${code} is shared by every province`, 'numerator');
    const provinceCode = await provinceOfViewer(db, viewer);
    await q.upsertIndicatorVariant(db, {
      province_code: provinceCode!, indicator_code: code, name_vi: input.nameVi, name_en: input.nameEn,
      explanation_vi: input.explanationVi, explanation_en: input.explanationEn, unit_label: input.unitLabel,
      sort: input.sort, active: input.active, updated_by: viewer.id,
    });
    return (await listIndicators(db, lang, true, provinceCode)).find((i) => i.code === code)!;
  }
  await checkFormula(db, input);
  await q.upsertIndicator(db, {
    code, name_vi: input.nameVi, name_en: input.nameEn, explanation_vi: input.explanationVi, explanation_en: input.explanationEn,
    unit_label: input.unitLabel, percent: input.percent, numerator: JSON.stringify(input.numerator),
    denominator: input.denominator === null ? null : JSON.stringify(input.denominator), sort: input.sort, active: input.active,
  });
  return presentIndicator((await q.findIndicator(db, code))!, lang);
}

export interface TargetInput {
  indicatorCode: string;
  unitCode: string;
  targetValue: number;
  deadline: string;
}

export async function setTarget(db: Database, viewer: Viewer | null, input: TargetInput): Promise<TargetInput> {
  if (!(await q.findIndicator(db, input.indicatorCode))) throw new AppError('INDICATOR_NOT_FOUND', `No indicator ${input.indicatorCode}`, 'indicatorCode');
  const unit = await getVisibleUnit(db, viewer, input.unitCode, undefined, 'unitCode');
  if (!isDay(input.deadline)) throw new AppError('INVALID_DATE', `Bad deadline ${input.deadline}`, 'deadline');
  await inTransaction(db, async (trx) => {
    const previous = await q.findTarget(trx, input.indicatorCode, unit.code);
    await q.upsertTarget(trx, { indicator_code: input.indicatorCode, unit_code: unit.code, province_code: unit.provinceCode, target_value: input.targetValue, deadline: input.deadline, set_by: viewer?.id ?? null });
    // Kept for "what changed and who changed it"; setting the same target again is no change.
    if (previous && Number(previous.target_value) === input.targetValue && previous.deadline === input.deadline) return;
    await q.insertTargetChange(trx, {
      indicator_code: input.indicatorCode, unit_code: unit.code, province_code: unit.provinceCode, action: 'set', target_value: input.targetValue, deadline: input.deadline,
      previous_value: previous?.target_value ?? null, previous_deadline: previous?.deadline ?? null, changed_by: viewer?.id ?? null,
    });
  });
  return input;
}

export async function removeTarget(db: Database, viewer: Viewer, indicatorCode: string, unitCode: string): Promise<void> {
  const unit = await getVisibleUnit(db, viewer, unitCode, undefined, 'unit');
  await inTransaction(db, async (trx) => {
    const previous = await q.findTarget(trx, indicatorCode, unitCode);
    if (!previous || (await q.deleteTarget(trx, indicatorCode, unitCode)) === 0) throw new AppError('NOT_FOUND', 'No such target', 'indicator');
    await q.insertTargetChange(trx, {
      indicator_code: indicatorCode, unit_code: unitCode, province_code: unit.provinceCode, action: 'remove', target_value: null, deadline: null,
      previous_value: previous.target_value, previous_deadline: previous.deadline, changed_by: viewer.id,
    });
  });
}

/** Installs a plan: its indicators (created or updated) and its targets set on the province. */
export async function installPlan(db: Database, plan: readonly PlanIndicator[], provinceCode: string): Promise<number> {
  for (const [sort, item] of plan.entries()) {
    await saveIndicator(db, null, item.code, { ...item, sort: sort + 1, active: true }, 'vi');
    if (item.target !== null) {
      await setTarget(db, null, { indicatorCode: item.code, unitCode: provinceCode, targetValue: item.target, deadline: item.deadline });
    }
  }
  return plan.length;
}

export async function hasIndicators(db: Database): Promise<boolean> {
  return (await q.countIndicators(db)) > 0;
}
