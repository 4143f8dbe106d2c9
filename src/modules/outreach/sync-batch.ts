import type { RawBuilder } from 'kysely';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { listSkillCodes, skillCodesAmong } from '../learning/learning.service.js';
import { milestoneKindOwners, type KindOwners } from '../people/milestones.service.js';
import { ChangeFeedLocks, lockForChange, residentsHelpedBy, type LostVersion, type Place, type RecordWriteContext } from '../people/people.service.js';
import { RollupDeltas } from '../rollups/rollups.service.js';
import { ScopeCache } from '../units/units.public.js';
import { fastUuidV7 as uuidv7 } from '../../lib/fast-uuid.js';
import type { BulkContext } from '../people/people.public.js';
import type { NewConflictRow } from './sync.queries.js';
import type { ParsedItem } from './sync-items.schema.js';

/** One item of a batch that passed its data check, with its place in the batch. */
export interface PendingItem {
  index: number;
  id: string;
  recordedAt: Date;
  parsed: ParsedItem;
}

export type ItemOutcome =
  | { status: 'applied' | 'conflict' | 'duplicate' }
  | { status: 'rejected'; error: AppError };

export const rejected = (error: AppError): ItemOutcome => ({ status: 'rejected', error });
export const APPLIED: ItemOutcome = { status: 'applied' };

/** A device may run a little ahead of the server's clock; a visit from further in the future is refused. */
export const CLOCK_LEEWAY_MS = 60 * 60 * 1000;

/**
 * What one batch shares while it applies: the transaction, who sends it, the scope and
 * reference lists it looked up once, the locks it holds and the counts it will add at the end.
 */
export class SyncBatch {
  readonly scope: ScopeCache;
  readonly feed: ChangeFeedLocks;
  readonly rollups = new RollupDeltas();
  readonly conflicts: NewConflictRow[] = [];
  /** Where the households and residents the batch refers to are, as far as looked up. */
  readonly households = new Map<string, Place>();
  readonly residents = new Map<string, Place & { householdId: string }>();
  /** Households whose visited state this batch has written (or found). */
  private readonly visitedStateKnown = new Set<string>();
  private skills?: Promise<Set<string>>;
  private kinds?: Promise<KindOwners>;

  constructor(
    readonly trx: Database,
    readonly viewer: Viewer,
    readonly deviceId: string,
    readonly secretKey: string,
    readonly now: Date,
  ) {
    this.scope = new ScopeCache(trx, viewer);
    this.feed = new ChangeFeedLocks(trx);
  }

  /**
   * Locks, before anything is written, every household and resident the batch will change
   * (through visits, milestones, corrections or edits), remembers where they are, holds their
   * villages' change feed, and looks up the milestone kinds and skills the batch names: one
   * round trip for what took five. `before`: the batch's receipts, written first in the same
   * statement (newReceipts).
   */
  async lockOwners(items: readonly PendingItem[], before?: RawBuilder<unknown>): Promise<void> {
    const households = new Set<string>();
    const residents = new Set<string>();
    const kinds = new Set<string>();
    const skills = new Set<string>();
    const corrected: string[] = [];
    for (const { parsed } of items) {
      if (parsed.kind === 'household') households.add(parsed.data.id);
      else if (parsed.kind === 'resident') residents.add(parsed.data.id);
      else if (parsed.kind === 'milestone') {
        residents.add(parsed.data.residentId);
        kinds.add(parsed.data.kind);
      } else if (parsed.kind === 'difficulty') continue;
      else if (parsed.kind === 'check_in') {
        // An event's attendance: no household or resident changes.
        if (parsed.data.skill !== undefined) skills.add(parsed.data.skill);
      } else {
        households.add(parsed.data.householdId);
        for (const id of parsed.data.peoplePresent ?? []) residents.add(id);
        for (const code of parsed.data.skillsTaught ?? []) skills.add(code);
        for (const help of parsed.data.help ?? []) {
          residents.add(help.residentId);
          kinds.add(help.milestone);
          for (const code of help.skills ?? []) skills.add(code);
        }
        if (parsed.data.supersedes !== undefined) corrected.push(parsed.data.supersedes);
      }
    }
    for (const id of await residentsHelpedBy(this.trx, corrected)) residents.add(id);
    const locked = await lockForChange(this.trx, households, residents, {
      feed: this.feed, kinds, also: skillCodesAmong([...skills]), into: { households: this.households, residents: this.residents },
      ...(before ? { before } : {}),
    });
    // Complete for every code the batch names, which are the only codes its items are checked against.
    this.kinds = Promise.resolve(locked.kinds);
    this.skills = Promise.resolve(locked.also);
  }

  /**
   * Of these households, those the batch created and has not given a visited state yet: their
   * state can go in with a plain insert, with nothing to merge. From now on they count as having one.
   */
  takeWithoutVisitedState(ids: Iterable<string>): Set<string> {
    const result = new Set<string>();
    for (const id of ids) {
      if (this.feed.insertedHere(id) && !this.visitedStateKnown.has(id)) result.add(id);
      this.visitedStateKnown.add(id);
    }
    return result;
  }

  skillCodes(): Promise<Set<string>> {
    return (this.skills ??= listSkillCodes(this.trx));
  }

  milestoneKinds(): Promise<KindOwners> {
    return (this.kinds ??= milestoneKindOwners(this.trx));
  }

  /** True when the household or resident exists: locked at the start, or created since by the batch. */
  knows(parsed: ParsedItem & { kind: 'household' | 'resident' }): boolean {
    return (parsed.kind === 'household' ? this.households : this.residents).has(parsed.data.id);
  }

  /** What bulk creation needs; it adds the records it creates to the batch's places. */
  bulkContext(): BulkContext {
    return {
      viewer: this.viewer, deviceId: this.deviceId, secretKey: this.secretKey, scope: this.scope, feed: this.feed,
      rollups: this.rollups, known: { households: this.households, residents: this.residents },
    };
  }

  recordContext(item: PendingItem): RecordWriteContext {
    return {
      viewer: this.viewer, deviceId: this.deviceId, recordedAt: item.recordedAt, secretKey: this.secretKey,
      scope: this.scope, feed: this.feed, rollups: this.rollups,
    };
  }

  /** Keeps the losing side of a concurrent edit; the conflict rows are written once, at the end. */
  keepLost(itemId: string, lost: LostVersion): void {
    this.conflicts.push({
      id: uuidv7(), item_id: itemId, record_kind: lost.recordKind, record_id: lost.recordId,
      village_code: lost.villageCode, province_code: lost.provinceCode, losing_side: lost.losingSide,
      base_revision: lost.baseRevision, stored_revision: lost.storedRevision, lost_data: lost.data,
      lost_recorded_at: lost.recordedAt.toISOString(), lost_device_id: lost.deviceId, lost_user_id: lost.userId,
      won_recorded_at: lost.wonRecordedAt.toISOString(),
    });
  }

  /** True when the instant lies no further ahead than the clock leeway. */
  notInFuture(instant: Date): boolean {
    return instant.getTime() <= this.now.getTime() + CLOCK_LEEWAY_MS;
  }
}
