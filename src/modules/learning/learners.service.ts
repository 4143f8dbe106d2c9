import type { Database } from '../../db/database.js';
import { sqlStateOf, SQLSTATE } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { getUserInScope } from '../auth/users.service.js';
import { findResidentPlaces } from '../people/people.service.js';
import { isWithinScope, provinceCodeOf } from '../units/units.service.js';
import * as q from './learners.queries.js';

/** The signed-in learner as learning sees them: their account, the resident record it is linked to, where they belong. */
export interface Learner {
  userId: string;
  residentId: string | null;
  unitCode: string;
  provinceCode: string;
}

/**
 * A learner's unit is their resident record's village once linked, else their account's scope.
 * Every signed-in user may learn; officers try their own courses this way too.
 */
export async function learnerOf(db: Database, viewer: Viewer): Promise<Learner> {
  const link = await q.selectLinkOfUser(db, viewer.id);
  if (link) {
    const place = (await findResidentPlaces(db, [link.resident_id])).get(link.resident_id);
    if (place) return { userId: viewer.id, residentId: link.resident_id, unitCode: place.villageCode, provinceCode: place.provinceCode };
  }
  const unitCode = viewer.scopeUnitCode;
  if (!unitCode) throw new AppError('FORBIDDEN', 'The administrator has no unit to learn in');
  const provinceCode = (await provinceCodeOf(db, unitCode)) ?? unitCode;
  return { userId: viewer.id, residentId: null, unitCode, provinceCode };
}

export interface LearnerLink {
  userId: string;
  residentId: string;
  linkedAt: string;
}

/**
 * An officer links a learner account to a resident record of their scope, by the two ids they
 * chose: never by matching names. One account, one resident, each at most once.
 */
export async function linkLearner(db: Database, viewer: Viewer, input: { userId: string; residentId: string }): Promise<LearnerLink> {
  const place = (await findResidentPlaces(db, [input.residentId])).get(input.residentId);
  if (!place || !(await isWithinScope(db, viewer.scopeUnitCode, place.villageCode))) throw new AppError('RESIDENT_NOT_FOUND', undefined, 'residentId');
  const user = await getUserInScope(db, viewer, input.userId).catch(() => null);
  if (!user || user.role !== 'learner') throw new AppError('USER_NOT_FOUND', undefined, 'userId');
  try {
    await q.insertLink(db, { user_id: input.userId, resident_id: input.residentId, linked_by: viewer.id });
  } catch (error) {
    if (sqlStateOf(error) === SQLSTATE.UNIQUE_VIOLATION) throw new AppError('LEARNER_LINK_TAKEN', undefined, 'residentId');
    throw error;
  }
  const link = (await q.selectLinkOfUser(db, input.userId))!;
  return { userId: link.user_id, residentId: link.resident_id, linkedAt: new Date(link.linked_at).toISOString() };
}

export async function unlinkLearner(db: Database, viewer: Viewer, userId: string): Promise<void> {
  const link = await q.selectLinkOfUser(db, userId);
  const place = link ? (await findResidentPlaces(db, [link.resident_id])).get(link.resident_id) : undefined;
  if (!link || !place || !(await isWithinScope(db, viewer.scopeUnitCode, place.villageCode))) throw new AppError('NOT_FOUND', undefined, 'userId');
  await q.deleteLink(db, userId);
}

/** The account linked to a resident record, for imports and milestones that start from the resident. */
export async function findLinkedAccount(db: Database, residentId: string): Promise<string | null> {
  return (await q.selectLinkOfResident(db, residentId))?.user_id ?? null;
}
