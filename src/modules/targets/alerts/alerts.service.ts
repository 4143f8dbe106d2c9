import type { Database } from '../../../db/database.js';
import type { Viewer } from '../../../http/access.js';
import { toPage, type Page } from '../../../lib/page.js';
import { vietnamDay } from '../../../lib/vietnam-day.js';
import { AppError } from '../../../errors.js';
import { getVisibleUnit, isWithinScope, subtreeCodes } from '../../units/units.service.js';
import * as q from './alerts.queries.js';
import { progressOfChildren } from '../progress/progress.service.js';

/**
 * Alerts for officers: a commune that turns "behind" on an indicator raises one alert, once,
 * until it recovers and falls behind again. The statuses are checked on a schedule (and by
 * `doorstep alerts refresh`), so an alert reflects the figures of that moment.
 */
export interface ProgressAlert {
  id: number;
  indicatorCode: string;
  unitCode: string;
  previousStatus: string | null;
  status: string;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

const present = (row: NonNullable<Awaited<ReturnType<typeof q.findAlert>>>): ProgressAlert => ({
  id: row.id, indicatorCode: row.indicator_code, unitCode: row.unit_code, previousStatus: row.previous_status,
  status: row.status, raisedAt: new Date(row.raised_at).toISOString(),
  acknowledgedAt: row.acknowledged_at ? new Date(row.acknowledged_at).toISOString() : null, acknowledgedBy: row.acknowledged_by,
});

/** Re-evaluates the children of `parentCode` and raises alerts for the ones that turned behind. Answers the alerts raised. */
export async function refreshAlerts(db: Database, parentCode: string, day = vietnamDay()): Promise<number> {
  const { children } = await progressOfChildren(db, null, parentCode, 'vi', { day });
  const previous = await q.statusesOf(db, children.map((c) => c.unit.code));
  const changed: { indicator_code: string; unit_code: string; province_code: string; status: string }[] = [];
  const raised: { indicator_code: string; unit_code: string; province_code: string; previous_status: string | null; status: string }[] = [];
  for (const child of children) {
    for (const indicator of child.indicators) {
      const before = previous.get(`${indicator.code}|${child.unit.code}`) ?? null;
      if (before === indicator.status) continue;
      changed.push({ indicator_code: indicator.code, unit_code: child.unit.code, province_code: child.unit.provinceCode, status: indicator.status });
      if (indicator.status === 'behind') {
        raised.push({ indicator_code: indicator.code, unit_code: child.unit.code, province_code: child.unit.provinceCode, previous_status: before, status: 'behind' });
      }
    }
  }
  await q.saveStatuses(db, changed);
  await q.insertAlerts(db, raised);
  return raised.length;
}

export async function listAlerts(db: Database, viewer: Viewer, unitCode: string, page: { after?: number; limit: number }): Promise<Page<ProgressAlert, number>> {
  await getVisibleUnit(db, viewer, unitCode, undefined, 'unit');
  const rows = await q.listAlerts(db, await subtreeCodes(db, unitCode), page.after, page.limit + 1);
  return toPage(rows, page.limit, present, (alert) => alert.id);
}

/** Marks an alert of the viewer's subtree as seen; acknowledging it again changes nothing. */
export async function acknowledgeAlert(db: Database, viewer: Viewer, id: number): Promise<ProgressAlert> {
  const row = await q.findAlert(db, id);
  if (!row || !(await isWithinScope(db, viewer.scopeUnitCode, row.unit_code))) throw new AppError('NOT_FOUND', `No alert ${id}`, 'id');
  return present((await q.acknowledgeAlert(db, id, viewer.id)) ?? row);
}

/** Re-evaluates the units below one the viewer sees, at once rather than at the next scheduled run. */
export async function refreshAlertsFor(db: Database, viewer: Viewer, unitCode: string): Promise<number> {
  await getVisibleUnit(db, viewer, unitCode, undefined, 'unit');
  return refreshAlerts(db, unitCode);
}
