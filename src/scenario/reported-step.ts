import type { Database } from '../db/database.js';
import type { Viewer } from '../http/access.js';
import type { PeriodType } from '../modules/targets/periods.js';
import { decideReportedValue, saveReportedValue } from '../modules/targets/reported-values.service.js';
import type { CommunePlan } from './province-shape.js';

/**
 * Figures communes report for the indicators that have no records behind them yet: cadres
 * trained (monthly, so far), civil servants on digital platforms (monthly, so far) and the
 * participants of each commune's Digital Education for All Week. Each is saved and submitted,
 * then approved, which locks it, as the province does.
 */

interface Report {
  indicatorCode: string;
  periodType: PeriodType;
  periodStart: string;
  value: number;
}

function reportsOf(commune: CommunePlan): Report[] {
  const month = (indicatorCode: string, periodStart: string, value: number): Report => ({ indicatorCode, periodType: 'month', periodStart, value });
  return [
    month('cadres_trained', '2025-07-01', Math.round(commune.cadresTrained * 0.45)),
    month('cadres_trained', '2025-08-01', Math.round(commune.cadresTrained * 0.8)),
    month('cadres_trained', '2025-09-01', commune.cadresTrained),
    month('civil_servants_digital', '2025-08-01', Math.round(commune.civilServantsDigital * 0.9)),
    month('civil_servants_digital', '2025-09-01', commune.civilServantsDigital),
    { indicatorCode: 'week_participants', periodType: 'week', periodStart: commune.profile.weekStart, value: commune.weekParticipants },
  ];
}

/** Reports, submits and approves every commune's figures; answers how many figures were approved. */
export async function reportFigures(db: Database, viewer: Viewer, communes: readonly CommunePlan[]): Promise<number> {
  let approved = 0;
  for (const commune of communes) {
    for (const report of reportsOf(commune)) {
      await db.transaction().execute(async (trx) => {
        const saved = await saveReportedValue(trx, viewer, { ...report, unitCode: commune.code, submit: true });
        await decideReportedValue(trx, viewer, saved.id, 'approve');
      });
      approved += 1;
    }
  }
  return approved;
}
