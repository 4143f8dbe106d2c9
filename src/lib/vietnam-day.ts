/**
 * Calendar days in Doorstep are Vietnam local days (Asia/Ho_Chi_Minh, UTC+7, no daylight
 * saving): a visit at 23:30 local time counts for that day everywhere.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Days already written, by their number since 1970: a sync batch names the same few days for
 * hundreds of visits, and writing one cost a Date and two strings each time. Bounded, since the
 * days a server meets in a while are few.
 */
const written = new Map<number, string>();
const WRITTEN_AT_MOST = 4096;

export function vietnamDay(instant: Date = new Date()): string {
  const number = Math.floor((instant.getTime() + VIETNAM_OFFSET_MS) / DAY_MS);
  let day = written.get(number);
  if (day === undefined) {
    // An invalid instant throws here (RangeError), as it always did, and is never kept.
    day = new Date(number * DAY_MS).toISOString().slice(0, 10);
    if (written.size >= WRITTEN_AT_MOST) written.clear();
    written.set(number, day);
  }
  return day;
}

/** True for a real calendar day written YYYY-MM-DD (rejects 2025-02-30). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Days since 1970 of a `YYYY-MM-DD`, kept: a dashboard read asks the same few days (today, the deadlines) a thousand times. */
const epochDays = new Map<string, number>();

function epochDay(day: string): number {
  let days = epochDays.get(day);
  if (days === undefined) {
    days = Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
    if (epochDays.size >= 4096) epochDays.clear();
    epochDays.set(day, days);
  }
  return days;
}

/** Whole days from `from` to `to` (`YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** The instant a Vietnam day starts: 00:00 in Asia/Ho_Chi_Minh. */
export function vietnamDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS);
}
