import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { translate, type Language } from '../../i18n/index.js';
import { recordAudit } from '../audit-log/audit-log.service.js';
import { displayNamesOf } from '../auth/auth.service.js';
import { pullVillagePage, type HouseholdRecord, type ResidentRecord } from '../people/people.public.js';
import { getVisibleUnit } from '../units/units.service.js';
import * as q from './outreach.queries.js';
import { retryOnContention } from './retry.js';
import { householdsAssignedTo, recordMemberSync } from './team-desk.service.js';

/** The most records of its village a device keeps. */
export const DEFAULT_PULL_CAP = 10_000;

/** Where a visited household stands: covered, or to come back to with the date and reason of the last try. */
export interface HouseholdState {
  householdId: string;
  status: 'covered' | 'come_back';
  lastTriedAt: string | null;
  lastOutcome: string | null;
}

export interface PullAnswer {
  households: HouseholdRecord[];
  residents: ResidentRecord[];
  visitedHouseholds: string[];
  householdStates: HouseholdState[];
  next: string | null;
  /** Not in the first contract: where the device stands after this page, `next` or not. */
  cursor: string;
  capped: boolean;
  message?: string;
  /** On the last page: the households of the village the team leader assigned to this account. */
  assignedToMe?: string[];
}

/**
 * A page of the village's households and residents for a device, after its cursor, with which
 * of those households have been visited. A village outside the viewer's scope answers 404.
 */
export async function pullVillage(
  db: Database,
  viewer: Viewer,
  query: { village: string; after?: string; limit: number },
  options: { cap: number; lang: Language },
): Promise<PullAnswer> {
  const unit = await getVisibleUnit(db, viewer, query.village, undefined, 'village');
  if (unit.tier !== 'village') throw new AppError('UNIT_NOT_VILLAGE', `${query.village} is not a village-level unit`, 'village');
  // The pull waits for the village's writers; should it end up in a deadlock, it simply runs again.
  return retryOnContention(() => db.transaction().execute(async (trx) => {
    const page = await pullVillagePage(trx, query.village, Number(query.after ?? 0), query.limit, options.cap);
    const states = await q.selectHouseholdStates(trx, page.households.map((h) => h.id));
    // Each record shows who changed it last: a handful of distinct accounts per page.
    const editors = await displayNamesOf(trx, [...page.households, ...page.residents].flatMap((r) => (r.updatedById ? [r.updatedById] : [])));
    for (const record of [...page.households, ...page.residents]) record.updatedBy = record.updatedById ? (editors.get(record.updatedById) ?? null) : null;
    const sent = page.households.length + page.residents.length;
    // The leader sees whose phone is up to date.
    if (page.next === null) await recordMemberSync(trx, viewer, unit);
    if (sent > 0) {
      // Residents' names left the server: who took them, where, and how many.
      await recordAudit(trx, { actorUserId: viewer.id, action: 'sync.pull', unitCode: query.village, subject: query.village, detail: { records: sent } });
    }
    return {
      households: page.households,
      residents: page.residents,
      visitedHouseholds: states.map((row) => row.household_id),
      householdStates: states.map((row): HouseholdState => ({
        householdId: row.household_id, status: row.first_guided_day === null ? 'come_back' : 'covered',
        lastTriedAt: row.last_visit_at?.toISOString() ?? null, lastOutcome: row.last_outcome,
      })),
      next: page.next === null ? null : String(page.next),
      cursor: String(page.cursor),
      capped: page.capped,
      ...(page.capped ? { message: translate(options.lang, 'sync.capped', { cap: options.cap }) } : {}),
      ...(page.next === null ? { assignedToMe: await householdsAssignedTo(trx, unit.code, viewer.id) } : {}),
    };
  }));
}
