import { addDays } from '../lib/vietnam-day.js';

/**
 * The days a campaign runs on: the 100 peak days and the day of the report whose figures the
 * scenario reaches. Every date the scenario writes (committees, teams, door-to-door work, reported
 * periods, deadlines) is set relative to these, so the same province can be the article's, on
 * the article's days, or a demo running today.
 */
export interface CampaignCalendar {
  /** First of the peak days. */
  start: string;
  /** The report's day: every figure of the article is reached by then, rising towards it. */
  reportDay: string;
  /** Last of the peak days. */
  end: string;
}

/** Days from the launch to the report: the article speaks "after just over 50 days". */
export const DAYS_TO_REPORT = 52;
/** The peak days are 15 July to 25 October: 103 days. */
const PEAK_LENGTH = 102;

/**
 * Dak Lak's 100 peak days, launched on 15 July 2025. The article's report is dated on the 52nd
 * day, Friday 5 September 2025: "after just over 50 days", after the 2 September holiday and
 * before the 10 October festival.
 */
export const DAKLAK_2025_CALENDAR: CampaignCalendar = Object.freeze({ start: '2025-07-15', reportDay: '2025-09-05', end: '2025-10-25' });

/** The same campaign moved so that its report falls on `reportDay` (a demo running today). */
export function calendarReportingOn(reportDay: string): CampaignCalendar {
  const start = addDays(reportDay, -DAYS_TO_REPORT);
  return { start, reportDay, end: addDays(start, PEAK_LENGTH) };
}

/** The Mondays on or after `from` whose week (Monday to Sunday) ends before `before`. */
export function mondaysBetween(from: string, before: string): string[] {
  const mondays: string[] = [];
  const weekday = new Date(`${from}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  for (let day = addDays(from, (8 - weekday) % 7); addDays(day, 6) < before; day = addDays(day, 7)) mondays.push(day);
  return mondays;
}

/** The first days of the months from the one holding `from` whose last day is on or before `by`. */
export function monthsEndedBy(from: string, by: string): string[] {
  const months: string[] = [];
  for (let month = `${from.slice(0, 7)}-01`; ; ) {
    const next = nextMonth(month);
    if (addDays(next, -1) > by) return months;
    months.push(month);
    month = next;
  }
}

function nextMonth(first: string): string {
  const [year, month] = first.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}
