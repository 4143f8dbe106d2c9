import { Format } from 'typebox/format';

/**
 * The `date` and `date-time` formats every schema uses, stricter than RFC 3339 alone: a year
 * from 1 to 9999 (PostgreSQL has no year 0, and JavaScript dates past 9999 do not print back
 * as four digits), a day the calendar has, and an instant JavaScript can read. The same
 * checks serve ajv (routes) and TypeBox's compiler (sync items).
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!);
}

export function isInstant(value: string): boolean {
  const match = INSTANT.exec(value);
  if (!match || !isCalendarDay(match[1]!)) return false;
  const [hour, minute, second] = [Number(match[2]), Number(match[3]), Number(match[4])];
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (match[7] !== undefined && (Number(match[7]) > 23 || Number(match[8]) > 59)) return false;
  return Number.isFinite(Date.parse(value));
}

/** TypeBox's registry is global: the sync items' compiled checks read it when they run. */
Format.Set('date', isCalendarDay);
Format.Set('date-time', isInstant);
