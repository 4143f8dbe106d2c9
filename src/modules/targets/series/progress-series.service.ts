import { createHash } from 'node:crypto';
import type { Database } from '../../../db/database.js';
import { referenceVersions } from '../../../db/reference-cache.js';
import { AppError } from '../../../errors.js';
import type { Viewer } from '../../../http/access.js';
import type { Language } from '../../../i18n/index.js';
import { addDays, vietnamDay } from '../../../lib/vietnam-day.js';
import { getVisibleUnit, listProvinces, type Unit } from '../../units/units.service.js';
import { computeFiguresOnDays } from '../values/indicator-values.js';
import * as iq from '../indicators/indicators.queries.js';
import type { ProgressStatus } from '../progress/progress-status.js';
import { progressOf } from '../progress/progress.service.js';
import * as q from './progress-series.queries.js';

/**
 * What the officers' dashboard needs beyond the progress of a day: an indicator's trend over
 * time, and a cheap stamp that changes when the figures do, so an open dashboard refreshes
 * within seconds of a sync without recomputing anything until something changed.
 */

export type SeriesStep = 'day' | 'week' | 'month';

export interface SeriesPoint {
  day: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export interface ProgressSeries {
  unit: Unit;
  indicator: { code: string; name: string; unitLabel: string; percent: boolean };
  step: SeriesStep;
  from: string;
  to: string;
  /** The target, deadline and projection as on `to` (the same as GET /api/progress for that day). */
  target: number | null;
  deadline: string | null;
  status: ProgressStatus;
  projected: number | null;
  neededPerWeek: number | null;
  gap: number | null;
  points: SeriesPoint[];
}

/** Enough for a year of weeks or two months of days; a chart needs no more. */
export const MAX_POINTS = 60;
const DEFAULT_SPAN: Record<SeriesStep, number> = { day: 30, week: 12, month: 12 };

const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** `months` calendar months before `day`, the day of the month kept where the month has it (31 March → 28/29 February). */
function monthsBefore(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastOfMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(date, lastOfMonth));
  return first.toISOString().slice(0, 10);
}

const back = (day: string, step: SeriesStep, n: number) =>
  step === 'month' ? monthsBefore(day, n) : addDays(day, -n * (step === 'week' ? 7 : 1));

/** The days of the series, oldest first, counted back from `to` so the last point is `to` itself. */
export function seriesDays(from: string, to: string, step: SeriesStep): string[] {
  const days: string[] = [];
  for (let n = 0; ; n++) {
    const day = back(to, step, n);
    if (day < from) break;
    if (days.length === MAX_POINTS) {
      throw new AppError('PERIOD_INVALID', `More than ${MAX_POINTS} points from ${from} to ${to} by ${step}`, 'from');
    }
    days.push(day);
  }
  return days.reverse();
}

/** One indicator of a unit at each step from `from` to `to` (today by default), with its target and projection. */
export async function progressSeries(
  db: Database, viewer: Viewer | null, unitCode: string, lang: Language,
  options: { indicatorCode: string; from?: string; to?: string; step?: SeriesStep },
): Promise<ProgressSeries> {
  const step = options.step ?? 'week';
  const today = vietnamDay();
  const to = options.to ?? today;
  if (to > today) throw new AppError('PERIOD_INVALID', `${to} is in the future`, 'to');
  let from = options.from ?? back(to, step, DEFAULT_SPAN[step]);
  if (from > to) throw new AppError('PERIOD_INVALID', `from ${from} is after to ${to}`, 'from');

  // Checks the unit is in the viewer's scope, and gives the target as the tiles show it.
  const current = await progressOf(db, viewer, unitCode, lang, to);
  const figure = current.indicators.find((i) => i.code === options.indicatorCode);
  const row = (await iq.listIndicators(db, false, current.unit.provinceCode)).find((i) => i.code === options.indicatorCode);
  if (!figure || !row) throw new AppError('INDICATOR_NOT_FOUND', `No indicator ${options.indicatorCode}`, 'indicator');
  // Nothing was counted for the unit before it existed.
  if (from < current.unit.validFrom) from = current.unit.validFrom < to ? current.unit.validFrom : to;

  // Every point's counts in one read, not one round trip per point.
  const days = seriesDays(from, to, step);
  const onDays = await computeFiguresOnDays(db, [row], current.unit.code, [current.unit.code], days);
  const points: SeriesPoint[] = days.map((day) => {
    const value = onDays.get(day)!.get(current.unit.code)!.get(row.code)!;
    return { day, numerator: value.numerator, denominator: value.denominator, value: round(value.value) };
  });
  return {
    unit: current.unit,
    indicator: { code: figure.code, name: figure.name, unitLabel: figure.unitLabel, percent: figure.percent },
    step, from, to,
    target: figure.target, deadline: figure.deadline, status: figure.status,
    projected: figure.projected, neededPerWeek: figure.neededPerWeek, gap: figure.gap,
    points,
  };
}

/**
 * A stamp that changes when any count or reported figure of the unit's province changes, when
 * the tree, the statistics or the teams change anywhere (denominators and team counts), or
 * when the day turns, which moves projections: the dashboard polls it and refetches on a change.
 * Province-wide on purpose: a commune's dashboard refetches a little more often than it must,
 * and the stamp stays two index lookups whatever the unit.
 */
export async function progressVersion(db: Database, viewer: Viewer | null, unitCode: string): Promise<{ unit: string; version: string }> {
  const unit = await getVisibleUnit(db, viewer, unitCode, undefined, 'unit');
  const marks = await q.changeMarks(db, unit.provinceCode);
  // Denominators and team counts change with the reference data.
  const references = await referenceVersions(db);
  const version = createHash('sha256')
    .update(JSON.stringify([vietnamDay(), marks.rollups_latest, marks.rollups_recent, marks.reported_latest, references]))
    .digest('base64url')
    .slice(0, 22);
  return { unit: unit.code, version };
}

/** Where a viewer's dashboard starts: their scope unit, or every province for an administrator. */
export async function dashboardRoots(db: Database, viewer: Viewer): Promise<Unit[]> {
  if (viewer.scopeUnitCode !== null) return [await getVisibleUnit(db, viewer, viewer.scopeUnitCode)];
  return listProvinces(db);
}
