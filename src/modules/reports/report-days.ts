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
  type: (typeof DHIS2_PERIOD_TYPES)[number];
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

/** The period types DHIS2 has that Doorstep exports, as DHIS2 writes their ids. */
export const DHIS2_PERIOD_TYPES = ['daily', 'weekly', 'biweekly', 'monthly', 'quarterly', 'sixmonthly', 'yearly'] as const;
export const DHIS2_PERIOD_FORMATS = 'YYYYMMDD (daily), YYYYWn (weekly), YYYYBiWn (bi-weekly), YYYYMM (monthly), YYYYQn (quarterly), YYYYSn (six-monthly), YYYY (yearly)';

/**
 * Reads a DHIS2 period id of one of DHIS2_PERIOD_TYPES; anything else (financial years, weeks
 * starting on other days…) is refused with the field and the list of accepted forms. Weeks are
 * ISO weeks starting on Monday; bi-week n is ISO weeks 2n−1 and 2n, as DHIS2 counts them.
 */
export function parseDhis2Period(id: string, field = 'period'): Dhis2Period {
  const bad = (why: string) => new AppError('DHIS2_PERIOD_INVALID', `"${id}" ${why}`, field);
  let match = /^(\d{4})$/.exec(id);
  if (match) return { id, type: 'yearly', start: `${match[1]}-01-01`, end: `${match[1]}-12-31` };
  match = /^(\d{4})(\d{2})(\d{2})$/.exec(id);
  if (match) {
    const day = `${match[1]}-${match[2]}-${match[3]}`;
    if (!isDay(day)) throw bad('is not a day of the calendar');
    return { id, type: 'daily', start: day, end: day };
  }
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
  match = /^(\d{4})S([12])$/.exec(id);
  if (match) {
    const first = match[2] === '1';
    return { id, type: 'sixmonthly', start: `${match[1]}-${first ? '01' : '07'}-01`, end: `${match[1]}-${first ? '06-30' : '12-31'}` };
  }
  match = /^(\d{4})BiW(\d{1,2})$/.exec(id);
  if (match) {
    const [y, n] = [Number(match[1]), Number(match[2])];
    const count = Math.ceil(isoWeeksIn(y) / 2);
    if (n < 1 || n > count) throw bad(`has no bi-week ${n} (the year has ${count})`);
    const start = addDays(isoWeekOneMonday(y), (n - 1) * 14);
    // The last bi-week of a 53-week year is week 53 alone: the next year's week 1 is its own.
    return { id, type: 'biweekly', start, end: addDays(start, 2 * n > isoWeeksIn(y) ? 6 : 13) };
  }
  match = /^(\d{4})W(\d{1,2})$/.exec(id);
  if (match) {
    const [y, w] = [Number(match[1]), Number(match[2])];
    if (w < 1 || w > isoWeeksIn(y)) throw bad(`has no week ${w} (the year has ${isoWeeksIn(y)})`);
    const start = addDays(isoWeekOneMonday(y), (w - 1) * 7);
    return { id, type: 'weekly', start, end: addDays(start, 6) };
  }
  throw bad(`is not a DHIS2 period Doorstep exports; accepted: ${DHIS2_PERIOD_FORMATS}`);
}

/**
 * The day a period's figures are read on: its last day, or today for a period still running.
 * A period that has not begun is refused.
 */
export function periodReportDay(period: Dhis2Period, field = 'period', today = vietnamDay()): string {
  if (period.start > today) throw new AppError('PERIOD_INVALID', `${period.id} has not begun (today is ${today})`, field);
  return period.end < today ? period.end : today;
}
