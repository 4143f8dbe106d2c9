import type { Database } from '../../../db/database.js';
import { AppError } from '../../../errors.js';
import type { Viewer } from '../../../http/access.js';
import type { Language } from '../../../i18n/index.js';
import { addDays, isDay, vietnamDay } from '../../../lib/vietnam-day.js';
import { getVisibleUnit, type Unit } from '../../units/units.service.js';
import * as q from './phases.queries.js';
import { reportDay } from '../report-days.js';

/** A campaign phase: a named span of days (the "100 peak days"…), of one province or of all. */
export interface Phase {
  code: string;
  provinceCode: string | null;
  name: string;
  nameVi: string;
  nameEn: string;
  startsOn: string;
  endsOn: string;
}

function present(row: q.PhaseRow, lang: Language): Phase {
  return {
    code: row.code, provinceCode: row.province_code, name: lang === 'en' ? row.name_en : row.name_vi,
    nameVi: row.name_vi, nameEn: row.name_en, startsOn: row.starts_on, endsOn: row.ends_on,
  };
}

/** The phases that apply to a unit the viewer sees (those of its province and the common ones). */
export async function listPhases(db: Database, viewer: Viewer, unitCode: string, lang: Language): Promise<Phase[]> {
  const unit = await getVisibleUnit(db, viewer, unitCode, undefined, 'unit');
  return (await q.listPhases(db, unit.provinceCode)).map((row) => present(row, lang));
}

export interface PhaseInput {
  provinceCode: string | null;
  nameVi: string;
  nameEn: string;
  startsOn: string;
  endsOn: string;
}

/**
 * Creates or changes a phase. A province officer keeps phases of their own province; a phase
 * for every province (no province) is the administrator's, like the default one.
 */
export async function savePhase(db: Database, viewer: Viewer, code: string, input: PhaseInput, lang: Language): Promise<Phase> {
  if (!isDay(input.startsOn)) throw new AppError('INVALID_DATE', `Bad day ${input.startsOn}`, 'startsOn');
  if (!isDay(input.endsOn) || input.endsOn < input.startsOn) throw new AppError('INVALID_DATE', 'The phase must end on or after its start', 'endsOn');
  const existing = await q.findPhase(db, code);
  const owner = (provinceCode: string | null) => provinceCode === null ? viewer.role === 'admin' : viewer.role === 'admin' || viewer.scopeUnitCode === provinceCode;
  if (existing && !owner(existing.province_code)) throw new AppError('FORBIDDEN', `Phase ${code} belongs to another province`, 'code');
  if (input.provinceCode === null) {
    if (viewer.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an administrator sets a phase for every province', 'provinceCode');
  } else {
    const province = await getVisibleUnit(db, viewer, input.provinceCode, undefined, 'provinceCode');
    if (province.tier !== 'province' || !owner(province.code)) throw new AppError('FORBIDDEN', 'A phase belongs to your province', 'provinceCode');
  }
  const row = await q.upsertPhase(db, {
    code, province_code: input.provinceCode, name_vi: input.nameVi.trim(), name_en: input.nameEn.trim(), starts_on: input.startsOn, ends_on: input.endsOn,
  });
  return present(row, lang);
}

/** The span a phase report compares: its first and last day, and the days figures are read on. */
export interface PhaseSpan {
  phase: Phase | null;
  from: string;
  to: string;
  /** The eve of the phase: figures "at the start" are those before its first day's work. */
  startDay: string;
  /** The last day, or today while the phase is still running. */
  endDay: string;
  ongoing: boolean;
}

/**
 * Reads the span from a named phase or from `from`/`to` (`to` defaults to today). A future
 * start, an explicit future end or an end before the start are refused with the field.
 */
export async function resolvePhaseSpan(
  db: Database, unit: Unit, query: { phase?: string; from?: string; to?: string }, lang: Language, today = vietnamDay(),
): Promise<PhaseSpan> {
  let phase: Phase | null = null;
  let from: string;
  let to: string;
  if (query.phase !== undefined) {
    if (query.from !== undefined || query.to !== undefined) throw new AppError('BAD_REQUEST', 'Give either a phase or from/to', 'phase');
    const row = await q.findPhase(db, query.phase);
    if (!row || (row.province_code !== null && row.province_code !== unit.provinceCode)) throw new AppError('NOT_FOUND', `No phase ${query.phase}`, 'phase');
    phase = present(row, lang);
    if (phase.startsOn > today) throw new AppError('INVALID_DATE', `Phase ${phase.code} starts on ${phase.startsOn}, in the future`, 'phase');
    ({ startsOn: from, endsOn: to } = phase);
  } else {
    if (query.from === undefined) throw new AppError('VALIDATION_FAILED', 'Give a phase or a from day', 'from');
    from = reportDay(query.from, 'from', today);
    to = reportDay(query.to, 'to', today);
    if (from > to) throw new AppError('INVALID_DATE', `from ${from} is after to ${to}`, 'from');
  }
  const endDay = to < today ? to : today;
  // A unit created on the phase's first day has no eve: its start is its first day.
  const eve = addDays(from, -1);
  const startDay = eve < unit.validFrom ? unit.validFrom : eve;
  return { phase, from, to, startDay, endDay, ongoing: to > today };
}
