import { addDays } from '../../../lib/vietnam-day.js';

/** Reporting periods. A period is named by its type and its first day, which must be a real start. */
export const PERIOD_TYPES = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

const parts = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The first day of the period of `type` that contains `day` (weeks start on Monday). */
export function periodStartOf(type: PeriodType, day: string): string {
  const { y, m } = parts(day);
  switch (type) {
    case 'day': return day;
    case 'week': {
      const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
      return addDays(day, -weekday);
    }
    case 'month': return iso(y, m, 1);
    case 'quarter': return iso(y, Math.floor((m - 1) / 3) * 3 + 1, 1);
    case 'year': return iso(y, 1, 1);
  }
}

/** The last day of the period that starts on `start`. */
export function periodEndOf(type: PeriodType, start: string): string {
  const { y, m } = parts(start);
  switch (type) {
    case 'day': return start;
    case 'week': return addDays(start, 6);
    case 'month': return addDays(m === 12 ? iso(y + 1, 1, 1) : iso(y, m + 1, 1), -1);
    case 'quarter': return addDays(m >= 10 ? iso(y + 1, 1, 1) : iso(y, m + 3, 1), -1);
    case 'year': return iso(y, 12, 31);
  }
}

export function isPeriodStart(type: PeriodType, day: string): boolean {
  return periodStartOf(type, day) === day;
}
