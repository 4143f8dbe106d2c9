import { AppError } from '../../errors.js';
import { addDays, isDay, vietnamDay } from '../../lib/vietnam-day.js';

/**
 * The day a report is "as of": today when none is asked, refused when malformed or in the
 * future (a report of tomorrow would only repeat today's figures under a false date).
 */
export function reportDay(day: string | undefined, field = 'date', today = vietnamDay()): string {
  if (day === undefined) return today;
  if (!isDay(day)) throw new AppError('INVALID_DATE', `"${day}" is not a day (YYYY-MM-DD)`, field);
  if (day > today) throw new AppError('INVALID_DATE', `${day} is in the future (today is ${today})`, field);
  return day;
}

/** A DHIS2 period (ISO periods as DHIS2 writes them) with its first and last day. */
export interface Dhis2Period {
  id: string;
  type: 'monthly' | 'weekly' | 'quarterly' | 'yearly';
  start: string;
  end: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const lastDayOfMonth = (y: number, m: number) => addDays(m === 12 ? `${pad(y + 1, 4)}-01-01` : `${pad(y, 4)}-${pad(m + 1)}-01`, -1);

/** The Monday of ISO week 1: the week that holds 4 January. */
function isoWeekOneMonday(year: number): string {
  const jan4 = `${pad(year, 4)}-01-04`;
  const weekday = (new Date(`${jan4}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(jan4, -weekday);
}

/** 52 or 53: the ISO weeks of a year (the last one holds 28 December). */
export function isoWeeksIn(year: number): number {
  const dec28 = Date.parse(`${pad(year, 4)}-12-28T00:00:00Z`);
  return Math.floor((dec28 - Date.parse(`${isoWeekOneMonday(year)}T00:00:00Z`)) / (7 * 86_400_000)) + 1;
}

/** Reads `YYYYMM`, `YYYYWn`, `YYYYQn` or `YYYY`; anything else is refused with the field. */
export function parseDhis2Period(id: string, field = 'period'): Dhis2Period {
  const bad = (why: string) => new AppError('PERIOD_INVALID', `"${id}" ${why}`, field);
  let match = /^(\d{4})$/.exec(id);
  if (match) return { id, type: 'yearly', start: `${match[1]}-01-01`, end: `${match[1]}-12-31` };
  match = /^(\d{4})(\d{2})$/.exec(id);
  if (match) {
    const [y, m] = [Number(match[1]), Number(match[2])];
    if (m < 1 || m > 12) throw bad('has no month 01–12');
    return { id, type: 'monthly', start: `${match[1]}-${match[2]}-01`, end: lastDayOfMonth(y, m) };
  }
  match = /^(\d{4})Q([1-4])$/.exec(id);
  if (match) {
    const [y, q] = [Number(match[1]), Number(match[2])];
    return { id, type: 'quarterly', start: `${match[1]}-${pad(q * 3 - 2)}-01`, end: lastDayOfMonth(y, q * 3) };
  }
  match = /^(\d{4})W(\d{1,2})$/.exec(id);
  if (match) {
    const [y, w] = [Number(match[1]), Number(match[2])];
    if (w < 1 || w > isoWeeksIn(y)) throw bad(`has no week ${w} (the year has ${isoWeeksIn(y)})`);
    const start = addDays(isoWeekOneMonday(y), (w - 1) * 7);
    return { id, type: 'weekly', start, end: addDays(start, 6) };
  }
  throw bad('is not a DHIS2 period (YYYYMM, YYYYWn, YYYYQn or YYYY)');
}

/**
 * The day a period's figures are read on: its last day, or today for a period still running.
 * A period that has not begun is refused.
 */
export function periodReportDay(period: Dhis2Period, field = 'period', today = vietnamDay()): string {
  if (period.start > today) throw new AppError('PERIOD_INVALID', `${period.id} has not begun (today is ${today})`, field);
  return period.end < today ? period.end : today;
}
