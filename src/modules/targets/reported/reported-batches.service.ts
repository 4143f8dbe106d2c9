import type { Database } from '../../../db/database.js';
import { AppError } from '../../../errors.js';
import type { Viewer } from '../../../http/access.js';
import { vietnamDay } from '../../../lib/vietnam-day.js';
import { codesWithinScope, getUnitsOn } from '../../units/units.service.js';
import { periodEndOf } from './periods.js';
import * as q from './reported-values.queries.js';
import {
  checkDecision, checkPeriod, checkUnlocked, present, reportableIndicator, TO,
  type Decision, type ReportedValue, type SaveReportedValue,
} from './reported-values.service.js';

/**
 * Many figures saved, or decided, at once with the checks and the history of one figure's save
 * or decision, in a few statements whatever their number: a province entering every commune's
 * figures pays a round trip per step, not per figure. The caller's transaction makes the batch
 * all or nothing.
 */

const keyOf = (k: q.ReportedKey) => `${k.indicator_code}|${k.unit_code}|${k.period_type}|${k.period_start}`;

/** saveReportedValue for each input, in input order; one key twice in a batch is refused. */
export async function saveReportedValues(db: Database, viewer: Viewer, inputs: readonly SaveReportedValue[]): Promise<ReportedValue[]> {
  if (inputs.length === 0) return [];
  const today = vietnamDay();
  for (const code of new Set(inputs.map((i) => i.indicatorCode))) await reportableIndicator(db, code);
  const codes = [...new Set(inputs.map((i) => i.unitCode))];
  const visible = await codesWithinScope(db, viewer.scopeUnitCode, codes, today);
  const units = await getUnitsOn(db, codes.filter((c) => visible.has(c)), today);
  const keys = inputs.map((input) => {
    const unit = units.get(input.unitCode);
    if (!unit) throw new AppError('UNIT_NOT_FOUND', `No unit ${input.unitCode} on ${today}`, 'unitCode');
    checkPeriod(unit, input, today);
    return { indicator_code: input.indicatorCode, unit_code: unit.code, period_type: input.periodType, period_start: input.periodStart };
  });
  const seen = new Set<string>();
  for (const [i, key] of keys.entries()) {
    if (seen.has(keyOf(key))) throw new AppError('VALIDATION_FAILED', `The ${key.period_type} of ${key.period_start} is twice in the batch`, `items[${i}].periodStart`);
    seen.add(keyOf(key));
  }
  const existing = new Map((await q.findReportedValuesByKeys(db, keys)).map((row) => [keyOf(row), row]));
  inputs.forEach((input, i) => checkUnlocked(existing.get(keyOf(keys[i]!)), input));

  const written = new Map<string, q.ReportedValueRow>();
  // Drafts and returned figures saved again are rare: one statement each, as a single save.
  for (const [i, input] of inputs.entries()) {
    const found = existing.get(keyOf(keys[i]!));
    if (!found) continue;
    const status = input.submit ? 'submitted' : 'draft';
    const comment = input.comment ?? null;
    written.set(keyOf(found), await q.updateReportedValue(db, found.id, { value: input.value, status, comment, updated_by: viewer.id },
      { action: input.submit ? 'submit' : 'save', comment, actor_user_id: viewer.id }));
  }
  for (const submit of [false, true]) {
    const rows = inputs.flatMap((input, i) => (existing.has(keyOf(keys[i]!)) || Boolean(input.submit) !== submit ? [] : [{
      ...keys[i]!, province_code: units.get(input.unitCode)!.provinceCode, period_end: periodEndOf(input.periodType, input.periodStart),
      value: input.value, status: submit ? ('submitted' as const) : ('draft' as const), comment: input.comment ?? null, updated_by: viewer.id,
    }]));
    for (const row of await q.insertReportedValues(db, rows, { action: submit ? 'submit' : 'save', actor_user_id: viewer.id })) written.set(keyOf(row), row);
  }
  return keys.map((key) => present(written.get(keyOf(key))!));
}

/** decideReportedValue for each figure, in id order; any figure refused refuses the batch. */
export async function decideReportedValues(
  db: Database, viewer: Viewer, ids: readonly number[], decision: Decision, comment?: string,
): Promise<ReportedValue[]> {
  // A bigint id reaches here as a number or as a string, depending on the driver.
  const unique = [...new Set(ids.map(Number))];
  if (unique.length === 0) return [];
  const rows = await q.findReportedValuesByIds(db, unique);
  const visible = await codesWithinScope(db, viewer.scopeUnitCode, [...new Set(rows.map((r) => r.unit_code))]);
  const found = new Map(rows.filter((r) => visible.has(r.unit_code)).map((r) => [Number(r.id), r]));
  const missing = unique.find((id) => !found.has(id));
  if (missing !== undefined) throw new AppError('REPORTED_VALUE_NOT_FOUND', `No reported value ${missing}`, 'id');
  const authors = decision === 'approve' ? await q.authorsOfMany(db, unique) : new Map<number, string[]>();
  for (const row of found.values()) checkDecision(viewer, row, decision, authors.get(Number(row.id)) ?? []);
  const updated = await q.updateReportedValues(db, unique, { status: TO[decision], comment, updated_by: viewer.id },
    { action: decision, comment: comment ?? null, actor_user_id: viewer.id });
  return updated.map(present);
}
