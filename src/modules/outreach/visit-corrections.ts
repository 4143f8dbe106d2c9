import { AppError } from '../../errors.js';
import { recordMilestones, retractVisitMilestones } from '../people/milestones.service.js';
import { touchHouseholds } from '../people/people.service.js';
import * as q from './outreach.queries.js';
import { APPLIED, type ItemOutcome, type PendingItem, type SyncBatch } from './sync-batch.js';
import type { VisitItemData } from './sync-items.schema.js';
import { buildVisit, lookUpFacts, moveFirstDay } from './visit-ingest.js';

/**
 * A correction: a new visit that supersedes a live one of the same household. The old visit
 * stays as it was written; what it counted (the visit, the household's first visit, the
 * milestones it gave) moves to the correction. Every check runs before the first write, so a
 * rejected correction leaves nothing behind.
 */
export async function applyCorrection(batch: SyncBatch, item: PendingItem, data: VisitItemData & { supersedes: string }): Promise<ItemOutcome> {
  const { trx, rollups, feed } = batch;
  const look = await lookUpFacts(batch, [item]);
  const { row, facts } = buildVisit(batch, item, data, look);
  const old = await q.selectVisit(trx, data.supersedes);
  if (!old || old.household_id !== row.household_id) {
    throw new AppError('VISIT_NOT_FOUND', `No visit ${data.supersedes} of household ${row.household_id}`, 'supersedes');
  }
  if (await q.isSuperseded(trx, old.id)) {
    throw new AppError('VISIT_ALREADY_SUPERSEDED', `Visit ${old.id} was corrected already; correct the latest version`, 'supersedes');
  }

  await feed.hold([row.village_code]);
  await q.insertVisits(trx, [row], { recordedBy: batch.viewer.id, deviceId: batch.deviceId });
  rollups.add('visits', old.village_code, old.province_code, old.day, -1);
  rollups.add('visits', row.village_code, row.province_code, row.day, 1);

  batch.takeWithoutVisitedState([row.household_id]);
  const recount = await q.recountHouseholdVisits(trx, row.household_id);
  moveFirstDay(batch, 'households_visited', row, recount.before, recount.after);
  moveFirstDay(batch, 'households_covered', row, recount.guidedBefore, recount.guidedAfter);
  // Any correction may change the household's state on devices: visited, covered or its last try.
  await touchHouseholds(trx, feed, [row.household_id]);

  await retractVisitMilestones(trx, old.id, item.id, feed, rollups);
  await recordMilestones(trx, facts, batch.viewer.id, feed, rollups);
  return APPLIED;
}
