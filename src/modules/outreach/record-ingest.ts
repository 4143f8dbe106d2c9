import { createHouseholds, createResidents, type BulkOutcome, type NewRecord } from '../people/people.public.js';
import type { HouseholdWrite, ResidentWrite } from '../people/people.service.js';
import { APPLIED, rejected, type ItemOutcome, type PendingItem, type SyncBatch } from './sync-batch.js';
import type { ParsedItem } from './sync-items.schema.js';

type RecordItem = ParsedItem & { kind: 'household' | 'resident' };

/**
 * A run of consecutive items that create households and residents the server has not seen,
 * applied in bulk (people/bulk-records.ts) as they would be one by one: the run ends before an
 * item whose outcome could depend on the order inside it, namely a second write of a record in
 * the run (an edit of what the run creates) or a household that a resident earlier in the run
 * names (one by one, that resident would find no household).
 */
export class RecordRun {
  private items: PendingItem[] = [];
  private readonly ids = new Set<string>();
  private readonly namedHouseholds = new Set<string>();

  clashesWith(parsed: RecordItem): boolean {
    return this.ids.has(parsed.data.id) || (parsed.kind === 'household' && this.namedHouseholds.has(parsed.data.id));
  }

  add(item: PendingItem): void {
    const parsed = item.parsed as RecordItem;
    this.items.push(item);
    this.ids.add(parsed.data.id);
    if (parsed.kind === 'resident') this.namedHouseholds.add(parsed.data.householdId);
  }

  isEmpty(): boolean {
    return this.items.length === 0;
  }

  /** The run so far, which starts again empty. */
  take(): PendingItem[] {
    const items = this.items;
    this.items = [];
    this.ids.clear();
    this.namedHouseholds.clear();
    return items;
  }
}

/**
 * Creates the run's households, then its residents, in a fixed number of statements. The batch
 * learns where the new records are (its visits need no look-up), and the change feed that they
 * are new (their visits and milestones need not touch them). Records that exist after all (a
 * concurrent batch created them after this one locked its records) come back for an edit.
 */
export async function createRecords(batch: SyncBatch, items: readonly PendingItem[]): Promise<{ created: Map<number, ItemOutcome>; existing: PendingItem[] }> {
  const created = new Map<number, ItemOutcome>();
  const existing: PendingItem[] = [];
  if (items.length === 0) return { created, existing };
  const households: PendingItem[] = [];
  const residents: PendingItem[] = [];
  for (const item of items) (item.parsed.kind === 'household' ? households : residents).push(item);
  const ctx = batch.bulkContext();
  const settle = (run: readonly PendingItem[], outcomes: readonly BulkOutcome[]) => run.forEach((item, i) => {
    const outcome = outcomes[i]!;
    if (outcome.status === 'exists') existing.push(item);
    else created.set(item.index, outcome.status === 'created' ? APPLIED : rejected(outcome.error));
  });
  const record = <T>(item: PendingItem): NewRecord<T> => ({ data: item.parsed.data as T, recordedAt: item.recordedAt });
  settle(households, await createHouseholds(batch.trx, households.map((item) => record<HouseholdWrite>(item)), ctx));
  settle(residents, await createResidents(batch.trx, residents.map((item) => record<ResidentWrite>(item)), ctx));
  return { created, existing };
}
