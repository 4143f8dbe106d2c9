import type { Database } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import { fastUuidV7 } from '../../lib/fast-uuid.js';
import { addToRollups, holdRollupsForWrite, RollupDeltas } from '../rollups/rollups.service.js';
import { recordMilestones } from './milestones.service.js';
import { ChangeFeedLocks } from './record-writes.js';
import * as q from './resident-learning.queries.js';
import { findResidentPlaces } from './people.service.js';

/** What the learning module asks of a resident record: its target groups. */
export async function findResidentGroups(db: Database, ids: readonly string[]): Promise<Map<string, string[]>> {
  return new Map((await q.selectResidentGroups(db, ids)).map((row) => [row.id, row.groups]));
}

/** The first day a resident held a milestone kind, or null. */
export async function heldSince(db: Database, residentId: string, kind: string): Promise<string | null> {
  return (await q.selectHeldKind(db, residentId, kind))?.first_on ?? null;
}

/**
 * Records one milestone fact for a resident outside the field sync (a passed skill check, an
 * import, a learning statement): in the resident's village, counted in the same transaction.
 */
export async function recordResidentMilestone(
  db: Database, input: { residentId: string; kind: string; achievedOn: string; source: string; skills?: readonly string[]; recordedBy: string | null },
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const place = (await findResidentPlaces(trx, [input.residentId])).get(input.residentId);
    if (!place) return false;
    await holdRollupsForWrite(trx);
    const feed = new ChangeFeedLocks(trx);
    const rollups = new RollupDeltas();
    await recordMilestones(trx, [{
      id: fastUuidV7(), residentId: input.residentId, kind: input.kind, achievedOn: input.achievedOn, source: input.source, visitId: null,
      villageCode: place.villageCode, provinceCode: place.provinceCode, ...(input.skills ? { skills: input.skills } : {}),
    }], input.recordedBy, feed, rollups);
    await addToRollups(trx, rollups.rows());
    return true;
  });
}
