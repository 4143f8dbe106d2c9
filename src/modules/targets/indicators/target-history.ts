import type { Database } from '../../../db/database.js';
import type { Viewer } from '../../../http/access.js';
import { vietnamDay } from '../../../lib/vietnam-day.js';
import { findUserById } from '../../auth/auth.service.js';
import { getVisibleUnit, listAllChildren } from '../../units/units.service.js';
import * as q from './indicators.queries.js';

export interface UnitTarget {
  indicatorCode: string;
  unitCode: string;
  targetValue: number;
  deadline: string;
  setAt: string;
}

export interface TargetChange {
  id: number;
  indicatorCode: string;
  unitCode: string;
  action: 'set' | 'remove';
  targetValue: number | null;
  deadline: string | null;
  previousValue: number | null;
  previousDeadline: string | null;
  /** Null for a target the installed plan set, or an account since removed. */
  changedByName: string | null;
  changedAt: string;
}

const number = (value: number | string | null) => (value === null ? null : Number(value));

/** A unit and the units directly under it: the rows of the targets table on the screen. */
async function unitAndChildren(db: Database, viewer: Viewer | null, unitCode: string): Promise<string[]> {
  const unit = await getVisibleUnit(db, viewer, unitCode, vietnamDay(), 'unit');
  return [unit.code, ...(await listAllChildren(db, unit.code)).map((child) => child.code)];
}

/** The targets set on a unit and on each unit directly under it (a unit without its own inherits the nearest above). */
export async function listUnitTargets(db: Database, viewer: Viewer | null, unitCode: string): Promise<UnitTarget[]> {
  const rows = await q.targetsFor(db, await unitAndChildren(db, viewer, unitCode));
  return rows.map((row) => ({
    indicatorCode: row.indicator_code, unitCode: row.unit_code, targetValue: Number(row.target_value),
    deadline: row.deadline, setAt: new Date(row.set_at).toISOString(),
  }));
}

/** What changed in those targets, newest first, and who changed it. */
export async function listTargetChanges(db: Database, viewer: Viewer | null, unitCode: string, limit: number): Promise<TargetChange[]> {
  const rows = await q.latestTargetChanges(db, await unitAndChildren(db, viewer, unitCode), limit);
  const names = new Map<string, string | null>();
  for (const id of new Set(rows.map((row) => row.changed_by).filter((id): id is string => id !== null))) {
    names.set(id, (await findUserById(db, id))?.displayName ?? null);
  }
  return rows.map((row) => ({
    id: Number(row.id), indicatorCode: row.indicator_code, unitCode: row.unit_code, action: row.action,
    targetValue: number(row.target_value), deadline: row.deadline, previousValue: number(row.previous_value), previousDeadline: row.previous_deadline,
    changedByName: row.changed_by ? names.get(row.changed_by) ?? null : null, changedAt: new Date(row.changed_at).toISOString(),
  }));
}
