/**
 * Days and instants written as text, read character by character, with no pattern and no
 * `Date.parse`: a sync batch checks and reads two instants per item, and `Date.parse` alone cost
 * 180 ns of an instant's 235 ns check. A day has a year from 1 to 9999 (PostgreSQL has no year 0,
 * and JavaScript dates past 9999 do not print back as four digits) and is one the calendar has;
 * an instant is one JavaScript reads as the same moment. The schemas' formats check with these
 * (src/http/calendar-formats.ts).
 */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAY_MS = 86_400_000;

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** The number written by the `count` ASCII digits at `at`, or -1 when one of them is not a digit. */
function digitsAt(value: string, at: number, count: number): number {
  let number = 0;
  for (let i = at; i < at + count; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

/**
 * Days from 1970-01-01 to the `yyyy-mm-dd` at the start of `value` (days before it negative), or
 * NaN when it is not written so or is not a day the calendar has, from year 1.
 */
function epochDayAtStart(value: string): number {
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return NaN;
  // One name each, not an array taken apart: the array was made on every call.
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1) return NaN;
  if (day > (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!)) return NaN;
  // Days from civil (H. Hinnant): whole integer arithmetic, right for every year from 1.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function isCalendarDay(value: string): boolean {
  return value.length === 10 && !Number.isNaN(epochDayAtStart(value));
}

/**
 * The moment an instant (`yyyy-mm-ddThh:mm:ss`, up to nine digits of a second, then `Z` or
 * `±hh:mm`; `t` and `z` in either case) names, in milliseconds since 1970 as `Date.parse` reads
 * it (a second's digits past the third dropped); NaN for anything else.
 */
export function instantMs(value: string): number {
  const end = value.length;
  if (end < 20) return NaN;
  const days = epochDayAtStart(value);
  const t = value.charCodeAt(10);
  if (Number.isNaN(days) || (t !== 84 && t !== 116) || value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) return NaN;
  const hour = digitsAt(value, 11, 2);
  const minute = digitsAt(value, 14, 2);
  const second = digitsAt(value, 17, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  let at = 19;
  let ms = 0;
  if (value.charCodeAt(at) === 46) {
    const first = ++at;
    for (; at < end && at - first < 10; at++) {
      const digit = value.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) break;
      if (at - first < 3) ms = ms * 10 + digit;
    }
    const count = at - first;
    if (count < 1 || count > 9) return NaN;
    if (count < 3) ms *= count === 1 ? 100 : 10;
  }
  let offsetMinutes = 0;
  const zone = value.charCodeAt(at);
  if (zone === 90 || zone === 122) {
    if (at + 1 !== end) return NaN;
  } else {
    if ((zone !== 43 && zone !== 45) || at + 6 !== end || value.charCodeAt(at + 3) !== 58) return NaN;
    const offsetHour = digitsAt(value, at + 1, 2);
    const offsetMinute = digitsAt(value, at + 4, 2);
    if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return NaN;
    offsetMinutes = (zone === 43 ? 1 : -1) * (offsetHour * 60 + offsetMinute);
  }
  return days * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + ms;
}

/**
 * The instant as `Date#toISOString` writes it (`yyyy-mm-ddThh:mm:ss.sssZ`): the text itself when it
 * is written so already, as a device writes it, where `toISOString` cost a visit 0.3 µs. `ms` is
 * what instantMs read from it. Throws, as `toISOString` does, for what is not an instant.
 */
export function canonicalInstant(value: string, ms = instantMs(value)): string {
  const canonical = !Number.isNaN(ms) && value.length === 24 && value.charCodeAt(10) === 84 && value.charCodeAt(19) === 46 && value.charCodeAt(23) === 90;
  return canonical ? value : new Date(ms).toISOString();
}

export function isInstant(value: string): boolean {
  return !Number.isNaN(instantMs(value));
}
