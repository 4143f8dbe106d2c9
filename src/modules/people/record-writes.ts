import type { Database } from '../../db/database.js';
import type { Viewer } from '../../http/access.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import type { RollupDeltas } from '../rollups/rollups.service.js';
import type { ScopeCache } from '../units/units.public.js';
import * as q from './people.queries.js';

/** Everything a write of a household or resident needs to know about who makes it, and when. */
export interface RecordWriteContext {
  viewer: Viewer | null;
  deviceId: string;
  /** When the write was made on the device (never later than the server's clock). */
  recordedAt: Date;
  secretKey: string;
  scope: ScopeCache;
  feed: ChangeFeedLocks;
  rollups: RollupDeltas;
}

/** The losing side of two concurrent writes of one record, kept for the commune officer. */
export interface LostVersion {
  recordKind: 'household' | 'resident';
  recordId: string;
  villageCode: string;
  provinceCode: string;
  losingSide: 'incoming' | 'stored';
  baseRevision: number | null;
  storedRevision: number;
  /** The record as the losing write had it; a national ID number only as its last 4 digits. */
  data: Record<string, unknown>;
  recordedAt: Date;
  deviceId: string | null;
  userId: string | null;
  wonRecordedAt: Date;
}

export type WriteOutcome =
  | { status: 'applied'; replaced?: LostVersion; merged?: { from: string; into: string; householdId: string } }
  | { status: 'conflict'; lost: LostVersion };

/**
 * The shared locks a batch holds on the change feed of each village it writes in, taken once
 * per village (see lockVillagesShared), and the records the batch has given a new place in the
 * feed. A record written or touched under the lock has a change_seq that no device can have read
 * (a pull of its village waits for the commit), so touching it again in the same transaction
 * would only rewrite its row: a household created with its visit, or a resident created with
 * the milestones the same batch records, is written once.
 */
export class ChangeFeedLocks {
  private readonly held = new Set<string>();
  private readonly moved = new Set<string>();
  private readonly inserted = new Set<string>();
  private readonly withHeldKinds = new Set<string>();

  constructor(private readonly db: Database) {}

  async hold(codes: Iterable<string>): Promise<void> {
    const missing = [...new Set(codes)].filter((code) => !this.held.has(code));
    if (missing.length === 0) return;
    await q.lockVillagesShared(this.db, missing);
    for (const code of missing) this.held.add(code);
  }

  /** Notes villages whose lock a statement of this transaction took (see lockForChange). */
  heldAlready(codes: Iterable<string>): void {
    for (const code of codes) this.held.add(code);
  }

  /** Notes records this transaction inserted or updated (each with a new change_seq) in villages it holds. */
  wrote(ids: Iterable<string>, how: 'inserted' | 'updated'): void {
    for (const id of ids) {
      this.moved.add(id);
      if (how === 'inserted') this.inserted.add(id);
    }
  }

  /**
   * True when this transaction inserted the record: nothing another transaction derives from
   * records (a household's visited state) can exist for it, since no other transaction can see it.
   */
  insertedHere(id: string): boolean {
    return this.inserted.has(id);
  }

  /**
   * Of these residents, those this transaction inserted and has not given a held milestone kind
   * yet: their held kinds can go in with a plain insert, with nothing to merge. From now on
   * they count as holding some.
   */
  takeWithoutHeldKinds(ids: Iterable<string>): Set<string> {
    const result = new Set<string>();
    for (const id of ids) {
      if (this.inserted.has(id) && !this.withHeldKinds.has(id)) result.add(id);
      this.withHeldKinds.add(id);
    }
    return result;
  }

  /** Of these records, those that still need a new change_seq, sorted (the lock order); they count as moved from now on. */
  needingTouch(ids: Iterable<string>): string[] {
    const result = [...new Set(ids)].filter((id) => !this.moved.has(id));
    this.wrote(result, 'updated');
    return result.sort();
  }
}

export interface StoredVersion {
  revision: number;
  last_recorded_at: Date;
  last_device_id: string | null;
  updated_by: string | null;
}

/**
 * Whether an edit based on `baseRevision` crosses someone else's write, and who wins. A device
 * whose own earlier writes moved the revision on is not in conflict with itself; otherwise the
 * later `recordedAt` wins, and on a tie the stored write stays.
 */
export function judgeEdit(stored: StoredVersion, baseRevision: number | undefined, ctx: RecordWriteContext): 'clean' | 'incoming_wins' | 'stored_wins' {
  const crossed = baseRevision !== stored.revision && stored.last_device_id !== ctx.deviceId;
  if (!crossed) return 'clean';
  return ctx.recordedAt.getTime() > stored.last_recorded_at.getTime() ? 'incoming_wins' : 'stored_wins';
}

export function lostVersion(
  kind: 'household' | 'resident',
  stored: StoredVersion & { id: string; village_code: string; province_code: string },
  side: 'incoming' | 'stored',
  baseRevision: number | undefined,
  data: Record<string, unknown>,
  ctx: RecordWriteContext,
): LostVersion {
  const incoming = side === 'incoming';
  return {
    recordKind: kind,
    recordId: stored.id,
    villageCode: stored.village_code,
    provinceCode: stored.province_code,
    losingSide: side,
    baseRevision: baseRevision ?? null,
    storedRevision: stored.revision,
    data,
    recordedAt: incoming ? ctx.recordedAt : stored.last_recorded_at,
    deviceId: incoming ? ctx.deviceId : stored.last_device_id,
    userId: incoming ? (ctx.viewer?.id ?? null) : stored.updated_by,
    wonRecordedAt: incoming ? stored.last_recorded_at : ctx.recordedAt,
  };
}

/** The day a record was first written on its device: the day it counts from. */
export function recordedDay(ctx: RecordWriteContext): string {
  return vietnamDay(ctx.recordedAt);
}

/** Only the fields the write names: an absent optional field keeps its stored value, null clears it. */
export function namedFields<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
