import type { Database } from '../../db/database.js';
import { sqlStateOf } from '../../db/transaction.js';
import { instantMs } from '../../lib/calendar-text.js';
import { isKnownStorable } from '../../http/storable-input.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { translate, type Language } from '../../i18n/index.js';
import { DuplicateResidentError, findResidentPlaces, saveHousehold, saveResident, type WriteOutcome } from '../people/people.service.js';
import type { DuplicateAnswerLimit } from './duplicate-answer-limit.js';
import { addToRollups, holdRollupsInStatement } from '../rollups/rollups.service.js';
import { APPLIED, rejected, SyncBatch, type ItemOutcome, type PendingItem } from './sync-batch.js';
import { parseItemData, type ParsedItem, type SyncKind } from './sync-items.schema.js';
import * as q from './outreach.queries.js';
import * as sq from './sync.queries.js';
import { retryOnContention } from './retry.js';
import { applyCorrection } from './visit-corrections.js';
import { parsePhotoDataUrl, reportDifficulty } from '../targets/difficulties/difficulties.service.js';
import { createRecords, RecordRun } from './record-ingest.js';
import { ingestFacts } from './visit-ingest.js';
import { applyCheckIn } from '../events/events.public.js';

export interface SyncItemInput {
  id: string;
  kind: SyncKind;
  data: unknown;
  recordedAt: string;
}

export interface SyncResult {
  id: string;
  status: 'applied' | 'duplicate' | 'conflict' | 'rejected';
  error?: { code: string; message: string; field?: string };
}

/**
 * Applies a batch from a device: in order, in one transaction, answering per item. Replayed
 * item ids answer `duplicate` and change nothing. Runs of new visits and milestones, and of new
 * households and residents, go in bulk; edits and corrections one by one.
 */
export async function applySyncBatch(
  db: Database,
  viewer: Viewer,
  input: { deviceId: string; items: readonly SyncItemInput[] },
  /** `duplicateLimit` is left out by trusted callers (the scenario), which probe nothing. */
  options: { secretKey: string; lang: Language; duplicateLimit?: DuplicateAnswerLimit },
): Promise<{ results: SyncResult[]; serverTime: string }> {
  // The receipts are kept by province (sync_items' key): an account with no unit (the system
  // administrator's) has no province to keep them in, and goes door to door in no village.
  if (viewer.scopeUnitCode === null) {
    throw new AppError('FORBIDDEN', 'A device syncs the villages of an account scoped to a unit; this account has none', 'deviceId');
  }
  // The first try writes the receipts as new; a batch sent again fails it on its first id taken,
  // and every later try looks for the ids taken (newReceipts, claimItems).
  let tries = 0;
  try {
    return await retryOnContention(async () => {
      const now = new Date();
      const limited = options.duplicateLimit?.exhausted(viewer.id) ?? false;
      const idsMayBeTaken = tries++ > 0;
      const outcomes = await db.transaction().execute((trx) =>
        applyInTransaction(new SyncBatch(trx, viewer, input.deviceId.toLowerCase(), options.secretKey, now), input.items, {
          limited, storable: isKnownStorable(input), idsMayBeTaken,
        }));
      options.duplicateLimit?.record(viewer.id, outcomes.filter(isDuplicateElsewhere).length);
      return { results: input.items.map((item, i) => present(item, i, outcomes[i]!, options.lang)), serverTime: now.toISOString() };
    }, 4);
  } catch (error) {
    throw withoutRowData(error);
  }
}

/**
 * `limited`: numbers are not looked up for now (`DuplicateAnswerLimit`); `storable`: the request's
 * text showed nothing in its items can be unstorable; `idsMayBeTaken`: see newReceipts.
 */
async function applyInTransaction(
  batch: SyncBatch, items: readonly SyncItemInput[],
  { limited, storable, idsMayBeTaken }: { limited: boolean; storable: boolean; idsMayBeTaken: boolean },
): Promise<ItemOutcome[]> {
  const { trx } = batch;
  const outcomes: ItemOutcome[] = new Array(items.length);
  // Ids compare as the database writes them (lower case), whatever case the device used. Each id
  // goes on once, with the place of its first copy in the batch.
  const seen = new Set<string>();
  const ids: string[] = [];
  const kinds: string[] = [];
  const places: number[] = [];
  items.forEach((item, i) => {
    const id = item.id.toLowerCase();
    if (seen.has(id)) {
      outcomes[i] = { status: 'duplicate' };
      return;
    }
    seen.add(id);
    ids.push(id);
    kinds.push(item.kind);
    places.push(i);
  });
  // A rebuild of the counts never runs between this batch's facts and its counts (holdRollupsInStatement).
  // A new batch's receipts go in with the locks below; one sent again has its ids looked for first.
  const sender = { deviceId: batch.deviceId, userId: batch.viewer.id, scopeUnitCode: batch.viewer.scopeUnitCode };
  const takenBefore = idsMayBeTaken ? await sq.claimItems(trx, ids, kinds, sender, holdRollupsInStatement()) : new Set<string>();
  const receipts = idsMayBeTaken ? undefined : sq.newReceipts(ids, kinds, sender, holdRollupsInStatement());

  const pending: PendingItem[] = [];
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    const index = places[k]!;
    if (takenBefore.has(id)) {
      outcomes[index] = { status: 'duplicate' };
      continue;
    }
    const item = items[index]!;
    const parsed = parseItemData(item.kind, item.data, storable);
    if (!parsed.ok) {
      outcomes[index] = rejected(new AppError('VALIDATION_FAILED', parsed.detail, parsed.field));
      continue;
    }
    if (limited && parsed.item.kind === 'resident' && typeof parsed.item.data.nationalId === 'string') {
      outcomes[index] = rejected(new AppError('RATE_LIMITED', 'Too many duplicate answers: numbers are not looked up for now', 'nationalId'));
      continue;
    }
    const recordedAt = new Date(Math.min(instantMs(item.recordedAt), batch.now.getTime()));
    pending.push({ index, id, recordedAt, parsed: parsed.item });
  }
  await batch.lockOwners(pending, receipts);

  // Runs of new visits and milestones, and runs of new households and residents, go in bulk;
  // edits and corrections one by one, each in its place. A run is flushed only when it holds
  // something: an await per item was a promise and a turn of the loop for each of a batch's
  // thousand items.
  let facts: PendingItem[] = [];
  const records = new RecordRun();
  const flushFacts = async () => {
    for (const [index, outcome] of await ingestFacts(batch, facts)) outcomes[index] = outcome;
    facts = [];
  };
  const flushRecords = async () => {
    const { created, existing } = await createRecords(batch, records.take());
    for (const [index, outcome] of created) outcomes[index] = outcome;
    // Written by a concurrent batch since this one locked what it would change: an edit after all.
    for (const item of existing) outcomes[item.index] = await applyOne(batch, item);
  };
  for (const item of pending) {
    const { parsed: p } = item;
    if (p.kind === 'milestone' || (p.kind === 'visit' && p.data.supersedes === undefined)) {
      if (!records.isEmpty()) await flushRecords();
      facts.push(item);
      continue;
    }
    if (facts.length > 0) await flushFacts();
    if (p.kind === 'household' || p.kind === 'resident') {
      if (records.clashesWith(p)) await flushRecords();
      if (!batch.knows(p)) {
        const edit = editOfUnseen(p);
        if (edit) {
          outcomes[item.index] = rejected(edit);
          continue;
        }
        records.add(item);
        continue;
      }
    }
    if (!records.isEmpty()) await flushRecords();
    outcomes[item.index] = await applyOne(batch, item);
  }
  if (facts.length > 0) await flushFacts();
  if (!records.isEmpty()) await flushRecords();

  await hideDuplicatesElsewhere(batch, outcomes);
  await addToRollups(trx, batch.rollups.rows());
  await sq.insertConflicts(trx, batch.conflicts);
  // An id taken before answers `duplicate`: the rejected and the conflicts are this batch's own.
  const rejectedIds: string[] = [];
  const conflictIds: string[] = [];
  for (let k = 0; k < ids.length; k++) {
    const status = outcomes[places[k]!]?.status;
    if (status === 'rejected') rejectedIds.push(ids[k]!);
    else if (status === 'conflict') conflictIds.push(ids[k]!);
  }
  await sq.settleItems(trx, rejectedIds, conflictIds);
  return outcomes;
}

/**
 * An edit (a base revision, a status, a merge) of a record the server does not have: the device
 * never saw it, so it is refused, and never turned into a new record.
 */
function editOfUnseen(p: ParsedItem & { kind: 'household' | 'resident' }): AppError | undefined {
  const marks = p.data.baseRevision !== undefined || (p.data.status !== undefined && p.data.status !== 'active')
    || (p.kind === 'resident' && p.data.sameAs !== undefined);
  if (!marks) return undefined;
  return p.kind === 'household'
    ? new AppError('HOUSEHOLD_NOT_FOUND', `No household ${p.data.id} to edit`, 'id')
    : new AppError('RESIDENT_NOT_FOUND', `No resident ${p.data.id} to edit`, 'id');
}

/** An edit of a household or resident, or a correction: applied alone, in its place in the batch. */
async function applyOne(batch: SyncBatch, item: PendingItem): Promise<ItemOutcome> {
  try {
    const { parsed } = item;
    if (parsed.kind === 'check_in') return { status: await applyCheckIn(batch, item.id, parsed.data) };
    if (parsed.kind === 'visit') return await applyCorrection(batch, item, { ...parsed.data, supersedes: parsed.data.supersedes! });
    if (parsed.kind === 'difficulty') {
      const { photo, ...rest } = parsed.data;
      await reportDifficulty(batch.trx, batch.viewer, { ...rest, id: item.id, ...(photo === undefined ? {} : { photo: parsePhotoDataUrl(photo, 'photo') }) });
      return APPLIED;
    }
    let outcome: WriteOutcome;
    if (parsed.kind === 'household') outcome = await saveHousehold(batch.trx, parsed.data, batch.recordContext(item));
    else if (parsed.kind === 'resident') outcome = await saveResident(batch.trx, parsed.data, batch.recordContext(item));
    else throw new Error(`${parsed.kind} items go in bulk`);
    if (outcome.status === 'conflict') {
      batch.keepLost(item.id, outcome.lost);
      return { status: 'conflict' };
    }
    if (outcome.replaced) batch.keepLost(item.id, outcome.replaced);
    // The visits the merged record was present at now name the record kept.
    if (outcome.merged) await q.repointVisitPeople(batch.trx, outcome.merged.householdId, outcome.merged.from, outcome.merged.into);
    return APPLIED;
  } catch (error) {
    if (error instanceof AppError) return rejected(error);
    throw error;
  }
}

/** A duplicate whose holder lies outside the sender's scope: the answer names no record. */
class DuplicateElsewhereError extends AppError {
  constructor() {
    super('RESIDENT_DUPLICATE', 'A resident with this national ID number exists in another unit', 'nationalId');
  }
}

const isDuplicateElsewhere = (outcome: ItemOutcome | undefined) =>
  outcome?.status === 'rejected' && outcome.error instanceof DuplicateElsewhereError;

/**
 * A duplicate answer names the existing resident only to someone who may open that record (the
 * field app offers to); anyone else learns that the person is recorded in another unit, not
 * where nor under which id.
 */
async function hideDuplicatesElsewhere(batch: SyncBatch, outcomes: ItemOutcome[]): Promise<void> {
  const holders = outcomes.flatMap((o) => (o?.status === 'rejected' && o.error instanceof DuplicateResidentError ? [o.error.existingId] : []));
  if (holders.length === 0) return;
  const places = await findResidentPlaces(batch.trx, [...new Set(holders)].filter(Boolean));
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome?.status !== 'rejected' || !(outcome.error instanceof DuplicateResidentError)) continue;
    const place = places.get(outcome.error.existingId);
    if (!place || !(await batch.scope.includes(place.villageCode))) outcomes[i] = rejected(new DuplicateElsewhereError());
  }
}

/**
 * A database error's `detail` may quote the failing row (a resident's name); the error is
 * logged on its way out, so only its code and message travel on.
 */
function withoutRowData(error: unknown): unknown {
  if (error instanceof AppError || !(error instanceof Error) || !('detail' in error)) return error;
  return Object.assign(new Error(error.message), { code: sqlStateOf(error) });
}

function present(item: SyncItemInput, index: number, outcome: ItemOutcome, lang: Language): SyncResult {
  if (outcome.status !== 'rejected') return { id: item.id, status: outcome.status };
  const { error } = outcome;
  // The contract names the existing resident's id as the message of a duplicate.
  const message = error instanceof DuplicateResidentError ? error.existingId : translate(lang, `error.${error.code}`);
  const field = `items[${index}].data${error.field ? `.${error.field}` : ''}`;
  return { id: item.id, status: 'rejected', error: { code: error.code, message, field } };
}
