import { Format } from 'typebox/format';

/**
 * The `date` and `date-time` formats every schema uses, stricter than RFC 3339 alone: a year
 * from 1 to 9999 (PostgreSQL has no year 0, and JavaScript dates past 9999 do not print back
 * as four digits), a day the calendar has, and an instant JavaScript can read. The same
 * checks serve ajv (routes) and TypeBox's compiler (sync items).
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/**
 * The number written by the `count` ASCII digits at `at` (the pattern has checked they are
 * digits). Read in place: a sync batch checks two instants per item, and the match arrays and
 * substrings of a capturing pattern were a tenth of what the batch allocated.
 */
function digitsAt(value: string, at: number, count: number): number {
  let number = 0;
  for (let i = at; i < at + count; i++) number = number * 10 + value.charCodeAt(i) - 48;
  return number;
}

/** Whether the `yyyy-mm-dd` at the start of `value` is a day the calendar has, from year 1. */
function isDayAtStart(value: string): boolean {
  const [year, month, day] = [digitsAt(value, 0, 4), digitsAt(value, 5, 2), digitsAt(value, 8, 2)];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!);
}

export function isCalendarDay(value: string): boolean {
  return DAY.test(value) && isDayAtStart(value);
}

export function isInstant(value: string): boolean {
  if (!INSTANT.test(value) || !isDayAtStart(value)) return false;
  if (digitsAt(value, 11, 2) > 23 || digitsAt(value, 14, 2) > 59 || digitsAt(value, 17, 2) > 59) return false;
  // An offset (±hh:mm) ends the value unless it ends in Z.
  const end = value.length;
  const zulu = value[end - 1] === 'Z' || value[end - 1] === 'z';
  if (!zulu && (digitsAt(value, end - 5, 2) > 23 || digitsAt(value, end - 2, 2) > 59)) return false;
  return Number.isFinite(Date.parse(value));
}

/** TypeBox's registry is global: the sync items' compiled checks read it when they run. */
Format.Set('date', isCalendarDay);
Format.Set('date-time', isInstant);
