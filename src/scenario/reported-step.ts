import type { Database } from '../db/database.js';
import type { Viewer } from '../http/access.js';
import type { PeriodType } from '../modules/targets/reported/periods.js';
import { decideReportedValues, saveReportedValues } from '../modules/targets/reported/reported-batches.service.js';
import { monthsEndedBy, type CampaignCalendar } from './campaign-calendar.js';
import type { CommunePlan } from './province-shape.js';

/**
 * Figures communes report for the indicators that have no records behind them yet: cadres
 * trained (monthly, so far), civil servants on digital platforms (monthly, so far) and the
 * participants of each commune's Digital Education for All Week. Each is saved and submitted,
 * then approved, which locks it, as the province does; the last ones reach the article's
 * figures in periods over by the report day, so they count on it.
 */

export interface Report {
  indicatorCode: string;
  periodType: PeriodType;
  periodStart: string;
  value: number;
}

/**
 * Each month's figure from the campaign's first month to the last one over by the report day,
 * rising from `first` of the final figure to all of it; the Week's participants in its week.
 */
function reportsOf(commune: CommunePlan, calendar: CampaignCalendar): Report[] {
  const months = monthsEndedBy(calendar.start, calendar.reportDay);
  const monthly = (indicatorCode: string, final: number, first: number): Report[] => months.map((periodStart, i) => ({
    indicatorCode, periodType: 'month', periodStart,
    value: i === months.length - 1 ? final : Math.round(final * (first + ((1 - first) * i) / Math.max(1, months.length - 1))),
  }));
  return [
    ...monthly('cadres_trained', commune.cadresTrained, 0.45),
    ...monthly('civil_servants_digital', commune.civilServantsDigital, 0.9),
    { indicatorCode: 'week_participants', periodType: 'week', periodStart: commune.profile.weekStart, value: commune.weekParticipants },
  ];
}

export interface ReportOptions {
  calendar: CampaignCalendar;
  /** Which figures the province approves; the others stay submitted, awaiting approval (they count all the same). Default: all. */
  approve?: (commune: CommunePlan, report: Report) => boolean;
}

/**
 * Reports and submits every commune's figures as `viewer` and has `approver` (another province
 * officer) approve them; answers how many figures were reported.
 */
export async function reportFigures(db: Database, viewer: Viewer, approver: Viewer, communes: readonly CommunePlan[], options: ReportOptions): Promise<number> {
  const reports = communes.flatMap((commune) => reportsOf(commune, options.calendar).map((report) => ({ commune, report })));
  // The figures are per commune and month, so their number does not grow with the scale: all of
  // them in one transaction, a statement per step rather than nine per figure.
  await db.transaction().execute(async (trx) => {
    const saved = await saveReportedValues(trx, viewer, reports.map(({ commune, report }) => ({ ...report, unitCode: commune.code, submit: true })));
    const approved = saved.filter((_, i) => options.approve?.(reports[i]!.commune, reports[i]!.report) ?? true);
    await decideReportedValues(trx, approver, approved.map((value) => value.id), 'approve');
  });
  return reports.length;
}
