import type { Database } from '../../../db/database.js';
import type { ReportedStatus } from '../../../db/types.js';
import { AppError } from '../../../errors.js';
import type { Viewer } from '../../../http/access.js';
import { toPage, type Page } from '../../../lib/page.js';
import { vietnamDay } from '../../../lib/vietnam-day.js';
import { getUnit, getVisibleUnit, isWithinScope, liveSubtreeCodes, type Unit } from '../../units/units.service.js';
import { usesReportedFigures, type CountSource, type DenominatorSource } from '../indicators/indicator-formula.js';
import * as iq from '../indicators/indicators.queries.js';
import { isPeriodStart, periodEndOf, type PeriodType } from './periods.js';
import * as q from './reported-values.queries.js';

/**
 * Figures a unit reports for indicators that have no records behind them (cadres trained,
 * Week participants…). A commune officer saves and submits; the level above approves, which
 * locks the figure, or returns it with a comment. Every step is kept in the history.
 */
export interface ReportedValue {
  id: number;
  indicatorCode: string;
  unitCode: string;
  periodType: PeriodType;
  periodStart: string;
  periodEnd: string;
  value: number;
  status: ReportedStatus;
  comment: string | null;
  updatedAt: string;
}

export interface SaveReportedValue {
  indicatorCode: string;
  unitCode: string;
  periodType: PeriodType;
  periodStart: string;
  value: number;
  comment?: string;
  /** Submit at once instead of keeping a draft. */
  submit?: boolean;
}

export async function reportableIndicator(db: Database, code: string) {
  const indicator = await iq.findIndicator(db, code);
  if (!indicator) throw new AppError('INDICATOR_NOT_FOUND', `No indicator ${code}`, 'indicatorCode');
  if (!usesReportedFigures(indicator.numerator as CountSource, indicator.denominator as DenominatorSource | null)) {
    throw new AppError('INDICATOR_NOT_REPORTED', `Indicator ${code} is counted from records`, 'indicatorCode');
  }
  return indicator;
}

export async function saveReportedValue(db: Database, viewer: Viewer, input: SaveReportedValue): Promise<ReportedValue> {
  await reportableIndicator(db, input.indicatorCode);
  const unit = await getVisibleUnit(db, viewer, input.unitCode, undefined, 'unitCode');
  checkPeriod(unit, input, vietnamDay());
  const key = { indicator_code: input.indicatorCode, unit_code: unit.code, period_type: input.periodType, period_start: input.periodStart };
  const existing = await q.findReportedValue(db, key);
  checkUnlocked(existing, input);
  const status: ReportedStatus = input.submit ? 'submitted' : 'draft';
  const comment = input.comment ?? null;
  const step = { action: input.submit ? ('submit' as const) : ('save' as const), comment, actor_user_id: viewer.id };
  const row = existing
    ? await q.updateReportedValue(db, existing.id, { value: input.value, status, comment, updated_by: viewer.id }, step)
    : await q.insertReportedValue(db, {
        ...key, province_code: unit.provinceCode, period_end: periodEndOf(input.periodType, input.periodStart),
        value: input.value, status, comment, updated_by: viewer.id,
      }, step);
  return present(row);
}

/** What a figure's unit and period must be for the unit to report it on `today`. */
export function checkPeriod(unit: Unit, input: SaveReportedValue, today: string): void {
  // A unit that has ended reports nothing for its time after: its successor does.
  if (unit.validTo !== null && input.periodStart >= unit.validTo) {
    throw new AppError('UNIT_NOT_ACTIVE', `Unit ${unit.code} ended on ${unit.validTo}`, 'unitCode');
  }
  if (!isPeriodStart(input.periodType, input.periodStart)) {
    throw new AppError('PERIOD_INVALID', `${input.periodStart} does not start a ${input.periodType}`, 'periodStart');
  }
  if (input.periodStart > today) throw new AppError('PERIOD_INVALID', 'The period has not begun', 'periodStart');
}

/** A submitted or approved figure is locked: only a draft or a returned one is saved again. */
export function checkUnlocked(existing: q.ReportedValueRow | undefined, input: SaveReportedValue): void {
  if (existing && (existing.status === 'approved' || existing.status === 'submitted')) {
    throw new AppError('REPORTED_VALUE_LOCKED', `The ${input.periodType} of ${input.periodStart} is ${existing.status}`, 'periodStart');
  }
}

export function present(row: q.ReportedValueRow): ReportedValue {
  return {
    id: row.id, indicatorCode: row.indicator_code, unitCode: row.unit_code, periodType: row.period_type,
    periodStart: row.period_start, periodEnd: row.period_end, value: Number(row.value), status: row.status,
    comment: row.comment, updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Whether `viewer` may take `decision` on a figure whose authors (who saved or submitted it) are `authors`. */
export function checkDecision(viewer: Viewer, row: q.ReportedValueRow, decision: Decision, authors: readonly string[]): void {
  // Approval belongs to the level above: an officer whose scope is the unit itself may not approve it.
  if (decision !== 'submit' && viewer.role !== 'admin' && viewer.scopeUnitCode === row.unit_code) {
    throw new AppError('FORBIDDEN', 'A figure is approved by the level above', 'id');
  }
  // Separation of duties: an officer above the unit who typed or sent the figure in (a province
  // officer entering for a commune, a commune officer for a village) still cannot approve it.
  if (decision === 'approve' && authors.includes(viewer.id)) {
    throw new AppError('APPROVER_IS_AUTHOR', `User ${viewer.id} entered or submitted figure ${row.id}`, 'id');
  }
  if (!FROM[decision].includes(row.status)) {
    throw new AppError('STATUS_TRANSITION_INVALID', `Cannot ${decision} a ${row.status} figure`, 'status');
  }
}

async function visibleValue(db: Database, viewer: Viewer, id: number): Promise<q.ReportedValueRow> {
  const row = await q.findReportedValueById(db, id);
  if (!row || !(await isWithinScope(db, viewer.scopeUnitCode, row.unit_code))) {
    throw new AppError('REPORTED_VALUE_NOT_FOUND', `No reported value ${id}`, 'id');
  }
  return row;
}

export type Decision = 'submit' | 'approve' | 'return';
export const FROM: Record<Decision, ReportedStatus[]> = { submit: ['draft', 'returned'], approve: ['submitted'], return: ['submitted'] };
export const TO: Record<Decision, ReportedStatus> = { submit: 'submitted', approve: 'approved', return: 'returned' };

/** Moves a figure along draft → submitted → approved (or back to returned). */
export async function decideReportedValue(db: Database, viewer: Viewer, id: number, decision: Decision, comment?: string): Promise<ReportedValue> {
  const row = await visibleValue(db, viewer, id);
  checkDecision(viewer, row, decision, decision === 'approve' ? await q.authorsOf(db, id) : []);
  const updated = await q.updateReportedValue(db, id, { status: TO[decision], comment: comment ?? row.comment, updated_by: viewer.id },
    { action: decision, comment: comment ?? null, actor_user_id: viewer.id });
  return present(updated);
}

export interface ReportedValuePage extends Page<ReportedValue, number> {
  /** For a unit that has ended: the unit its figures count for now. */
  successor?: { code: string; name: string; endedOn: string };
}

/**
 * The figures a unit and the units under it reported, to review and approve. Figures of units
 * that ended into it count in its totals but stay theirs, so they are not listed here; an ended
 * unit lists nothing of today and names its successor instead.
 */
export async function listReportedValues(
  db: Database, viewer: Viewer,
  filter: { unitCode: string; indicatorCode?: string; status?: ReportedStatus; after?: number; limit: number },
): Promise<ReportedValuePage> {
  const today = vietnamDay();
  const unit = await getVisibleUnit(db, viewer, filter.unitCode, today, 'unit');
  if (unit.validTo !== null && unit.validTo <= today) {
    const heir = await heirOf(db, unit);
    return { items: [], next: null, ...(heir ? { successor: { code: heir.code, name: heir.name, endedOn: unit.validTo } } : {}) };
  }
  const codes = await liveSubtreeCodes(db, unit.code, today);
  const rows = await q.listReportedValues(db, { ...filter, unitCodes: codes, limit: filter.limit + 1 });
  return toPage(rows, filter.limit, present, (value) => value.id);
}

/** The unit in force today that an ended unit's figures passed to (through a chain of changes). */
async function heirOf(db: Database, unit: Unit): Promise<Unit | null> {
  let current = unit;
  const today = vietnamDay();
  for (let depth = 0; current.validTo !== null && current.validTo <= today && depth < 64; depth += 1) {
    if (current.successorCode === null) return null;
    current = await getUnit(db, current.successorCode, today);
  }
  return current;
}

export async function reportedValueHistory(db: Database, viewer: Viewer, id: number) {
  await visibleValue(db, viewer, id);
  const rows = await q.listHistory(db, id);
  return rows.map((row) => ({
    action: row.action, value: Number(row.value), status: row.status, comment: row.comment,
    actorUserId: row.actor_user_id, at: new Date(row.at).toISOString(),
  }));
}
