import { addDays, daysBetween } from '../../../lib/vietnam-day.js';

/**
 * Where a unit stands against a target, from a projection of its recent pace to the deadline.
 * Pure arithmetic, kept apart from the queries so the rules are easy to read and to test.
 */
export type ProgressStatus = 'achieved' | 'on_track' | 'at_risk' | 'behind' | 'no_target' | 'no_data';

/** How far back the recent pace is measured. */
export const TREND_DAYS = 28;
/** A projection that reaches this share of the target is "at risk" rather than "behind". */
export const AT_RISK_SHARE = 0.9;

export interface ProgressInput {
  /** The value on the asked day (a percentage or a count), null when there is no data. */
  value: number | null;
  /** The value TREND_DAYS before the asked day. */
  valueBefore: number | null;
  target: number | null;
  deadline: string | null;
  day: string;
  /** The most the value can reach: 100 for a share, none for a count. A pace is projected up to it, never past. */
  ceiling?: number;
}

export interface ProgressAssessment {
  status: ProgressStatus;
  /** The value the recent pace reaches by the deadline. */
  projected: number | null;
  /** What must be gained per week from now to reach the target by the deadline. */
  neededPerWeek: number | null;
  /** Target minus value, when short of the target. */
  gap: number | null;
}

export function assessProgress(input: ProgressInput): ProgressAssessment {
  const { value, valueBefore, target, deadline, day, ceiling = Infinity } = input;
  if (value === null) return { status: 'no_data', projected: null, neededPerWeek: null, gap: null };
  if (target === null || deadline === null) return { status: 'no_target', projected: null, neededPerWeek: null, gap: null };
  const gap = Math.max(0, target - value);
  if (value >= target) return { status: 'achieved', projected: value, neededPerWeek: 0, gap: 0 };

  const daysLeft = daysBetween(day, deadline);
  const pacePerDay = valueBefore === null ? 0 : Math.max(0, (value - valueBefore) / TREND_DAYS);
  const projected = Math.min(Math.max(value, ceiling), value + pacePerDay * Math.max(0, daysLeft));
  // Past the deadline nothing more can be gained: whatever is short is behind.
  const neededPerWeek = daysLeft > 0 ? (gap / daysLeft) * 7 : null;
  const status: ProgressStatus = daysLeft <= 0
    ? 'behind'
    : projected >= target ? 'on_track' : projected >= target * AT_RISK_SHARE ? 'at_risk' : 'behind';
  return { status, projected, neededPerWeek, gap };
}

/** The day TREND_DAYS before `day`, where the recent pace is measured from. */
export function trendStart(day: string): string {
  return addDays(day, -TREND_DAYS);
}
