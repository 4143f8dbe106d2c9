/** Reporting periods as the server names them (src/modules/targets/reported/periods.ts): a type and its first day; weeks start on Monday. */
export const PERIOD_TYPES = ['month', 'quarter', 'year', 'week', 'day'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The first day of the period of `type` that holds `day`. */
export function periodStartOf(type: PeriodType, day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  switch (type) {
    case 'day': return day;
    case 'week': return addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
    case 'month': return iso(y, m, 1);
    case 'quarter': return iso(y, Math.floor((m - 1) / 3) * 3 + 1, 1);
    case 'year': return iso(y, 1, 1);
  }
}

/** The last day of the period that starts on `start`. */
export function periodEndOf(type: PeriodType, start: string): string {
  const [y, m] = start.split('-').map(Number) as [number, number];
  switch (type) {
    case 'day': return start;
    case 'week': return addDays(start, 6);
    case 'month': return addDays(m === 12 ? iso(y + 1, 1, 1) : iso(y, m + 1, 1), -1);
    case 'quarter': return addDays(m >= 10 ? iso(y + 1, 1, 1) : iso(y, m + 3, 1), -1);
    case 'year': return iso(y, 12, 31);
  }
}

/** The last period of `type` that has ended by `today`: what a unit usually reports, and the first to count. */
export function lastEndedPeriodStart(type: PeriodType, today: string): string {
  return periodStartOf(type, addDays(periodStartOf(type, today), -1));
}
