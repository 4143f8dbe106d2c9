/**
 * What the officers' dashboard and the public page both read of an indicator's progress
 * (src/modules/targets/progress*.schema.ts, src/modules/reports/public/public.routes.ts).
 */
export type Status = 'achieved' | 'on_track' | 'at_risk' | 'behind' | 'no_target' | 'no_data';
export type Tier = 'province' | 'commune' | 'village';

/** One indicator's figure on a day: the public answer is just this, the officers' progress adds to it. */
export interface IndicatorFigure {
  code: string;
  name: string;
  unitLabel: string;
  percent: boolean;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  target: number | null;
  deadline: string | null;
  status: Status;
  /** A share above 100%: the denominator is likely wrong, so the tile says so in words. */
  suspect: boolean;
  /** For a figure events replace where held (the Week): whether it came from check-ins or typed reports. */
  source?: 'events' | 'records' | 'reported' | 'mixed';
}
