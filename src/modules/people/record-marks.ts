import type { Database } from '../../db/database.js';
import type { HouseholdStatus, ResidentStatus } from '../../db/types.js';
import { AppError } from '../../errors.js';
import { moveMilestones } from './milestones.service.js';
import * as q from './people.queries.js';
import { recordedDay, type RecordWriteContext } from './record-writes.js';

/** Roles that may mark people of two villages as the same person: the officers above the teams. */
const MERGES_ACROSS_VILLAGES = new Set(['commune_officer', 'province_officer', 'admin']);

/**
 * The status fields of an edit, and the count it moves. A record counts from the day it was
 * created until the day it left (moved away, deceased, merged, gone): leaving takes one off
 * that day; coming back undoes exactly that, so a rebuild from the records finds the same counts.
 */
export function statusChange<S extends string>(
  source: 'residents' | 'households',
  stored: { status: S; status_on: string | null; village_code: string; province_code: string },
  next: S | undefined,
  ctx: RecordWriteContext,
): { status?: S; status_on?: string | null } {
  if (next === undefined || next === stored.status) return {};
  const wasActive = stored.status === 'active';
  const nowActive = next === 'active';
  if (wasActive) {
    const day = recordedDay(ctx);
    ctx.rollups.add(source, stored.village_code, stored.province_code, day, -1);
    return { status: next, status_on: day };
  }
  if (nowActive) {
    if (stored.status_on !== null) ctx.rollups.add(source, stored.village_code, stored.province_code, stored.status_on, 1);
    return { status: next, status_on: null };
  }
  // From one way of leaving to another: it left on the same day.
  return { status: next };
}

export function householdStatusChange(stored: q.HouseholdRow, next: 'active' | 'gone' | undefined, ctx: RecordWriteContext) {
  return statusChange<HouseholdStatus>('households', stored, next, ctx);
}

export function residentStatusChange(stored: q.ResidentRow, next: 'active' | 'moved_away' | 'deceased' | undefined, ctx: RecordWriteContext) {
  if (next !== undefined && stored.status === 'merged') {
    throw new AppError('RESIDENT_MERGE_REFUSED', 'This record was merged into another; edit the record kept', 'status');
  }
  return statusChange<ResidentStatus>('residents', stored, next, ctx);
}

/** What a merge did, for the modules that point at residents (visits) to follow. */
export interface ResidentMerge {
  from: string;
  into: string;
  householdId: string;
}

/**
 * Checks that `stored` may be marked the same person as `keptId`, before anything is written:
 * both exist in scope and are not merged, not both with differing ID numbers, and of one
 * village unless an officer above the teams does it.
 */
export async function checkMerge(trx: Database, stored: q.ResidentRow, keptId: string, ctx: RecordWriteContext): Promise<q.ResidentRow> {
  if (keptId === stored.id) throw new AppError('RESIDENT_MERGE_REFUSED', 'A record cannot be the same person as itself', 'sameAs');
  if (stored.status === 'merged') throw new AppError('RESIDENT_MERGE_REFUSED', 'This record was merged already', 'sameAs');
  const kept = await q.selectResidentForUpdate(trx, keptId);
  if (!kept || !(await ctx.scope.includes(kept.village_code))) throw new AppError('RESIDENT_NOT_FOUND', `No resident ${keptId} in scope`, 'sameAs');
  if (kept.status === 'merged') throw new AppError('RESIDENT_MERGE_REFUSED', 'The record to keep was merged into another; name that one', 'sameAs');
  if (kept.village_code !== stored.village_code && !MERGES_ACROSS_VILLAGES.has(ctx.viewer?.role ?? '')) {
    throw new AppError('RESIDENT_MERGE_ACROSS_VILLAGES', 'People of two villages are marked the same person by the commune officer', 'sameAs');
  }
  if (stored.national_id_hash !== null && kept.national_id_hash !== null && stored.national_id_hash !== kept.national_id_hash) {
    throw new AppError('RESIDENT_MERGE_ID_MISMATCH', 'The two records carry different national ID numbers, so they are two people', 'sameAs');
  }
  return kept;
}

/**
 * Merges `stored` into `kept` (checked by checkMerge): the record stays as a pointer, counts one
 * resident less from today if it still counted, and its milestones (and ID number, when the
 * kept record has none) move to the kept record.
 */
export async function mergeResident(trx: Database, stored: q.ResidentRow, kept: q.ResidentRow, ctx: RecordWriteContext): Promise<{ fields: Partial<q.ResidentRow>; merge: ResidentMerge }> {
  let status_on = stored.status_on;
  if (stored.status === 'active') {
    status_on = recordedDay(ctx);
    ctx.rollups.add('residents', stored.village_code, stored.province_code, status_on, -1);
  }
  if (stored.national_id_hash !== null && kept.national_id_hash === null) {
    // One person per ID number in a province: the pointer lets go of it before the kept record takes it.
    await q.updateResident(trx, stored.id, { national_id_hash: null, national_id_last4: null });
    await q.updateResident(trx, kept.id, { national_id_hash: stored.national_id_hash, national_id_last4: stored.national_id_last4 });
    ctx.feed.wrote([kept.id], 'updated');
  }
  await moveMilestones(trx, stored.id, kept.id, ctx.feed, ctx.rollups);
  return {
    fields: { status: 'merged', status_on, merged_into: kept.id, national_id_hash: null, national_id_last4: null },
    merge: { from: stored.id, into: kept.id, householdId: stored.household_id },
  };
}
