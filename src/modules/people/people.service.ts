import type { RawBuilder } from 'kysely';
import type { Database } from '../../db/database.js';
import type { ResidentGroup, Sex } from '../../db/types.js';
import { AppError } from '../../errors.js';
import { hashNationalId } from './national-id.js';
import * as mq from './milestones.queries.js';
import type { KindOwners } from './milestones.service.js';
import * as q from './people.queries.js';
import {
  judgeEdit, lostVersion, namedFields, recordedDay, type ChangeFeedLocks, type RecordWriteContext, type WriteOutcome,
} from './record-writes.js';
import { checkMerge, householdStatusChange, mergeResident, residentStatusChange } from './record-marks.js';

export { ChangeFeedLocks, type LostVersion, type RecordWriteContext, type WriteOutcome } from './record-writes.js';

export const RESIDENT_GROUPS = ['adult', 'pupil', 'cadre', 'enterprise_worker', 'elderly', 'ethnic_minority'] as const satisfies readonly ResidentGroup[];

/** A household write from the field app. Optional fields: absent keeps the stored value, null clears it. */
export interface HouseholdWrite {
  id: string;
  villageCode: string;
  label: string;
  address?: string | null;
  headName?: string | null;
  note?: string | null;
  /** Marked gone (the household no longer lives there), or active again. */
  status?: 'active' | 'gone';
  baseRevision?: number;
}

export interface ResidentWrite {
  id: string;
  householdId: string;
  fullName: string;
  birthYear?: number | null;
  sex?: Sex | null;
  groups: ResidentGroup[];
  ethnicity?: string | null;
  language?: string | null;
  /** 12 digits; hashed at once, never stored nor logged. */
  nationalId?: string | null;
  status?: 'active' | 'moved_away' | 'deceased';
  /** The resident this record is the same person as: it is merged into that one. */
  sameAs?: string;
  baseRevision?: number;
}

/** The person is already recorded in the province under another id; the answer names that id. */
export class DuplicateResidentError extends AppError {
  constructor(readonly existingId: string, field: string) {
    super('RESIDENT_DUPLICATE', 'A resident with this national ID number exists in the province', field);
  }
}

export interface Place {
  id: string;
  villageCode: string;
  provinceCode: string;
}

/** Where these households are, one query for any number (unknown ids are left out). */
export async function findHouseholdPlaces(db: Database, ids: readonly string[]): Promise<Map<string, Place>> {
  const rows = await q.selectHouseholdPlaces(db, ids);
  return new Map(rows.map((r) => [r.id, { id: r.id, villageCode: r.village_code, provinceCode: r.province_code }]));
}

export async function findResidentPlaces(db: Database, ids: readonly string[]): Promise<Map<string, Place & { householdId: string }>> {
  const rows = await q.selectResidentPlaces(db, ids);
  return new Map(rows.map((r) => [r.id, { id: r.id, householdId: r.household_id, villageCode: r.village_code, provinceCode: r.province_code }]));
}

export interface ResidentHolder {
  id: string;
  fullName: string;
  villageCode: string;
  provinceCode: string;
}

const holderOf = (r: { id: string; full_name: string; village_code: string; province_code: string }): ResidentHolder => ({
  id: r.id, fullName: r.full_name, villageCode: r.village_code, provinceCode: r.province_code,
});

/** Names and villages of residents, for what is issued to them (a certificate); unknown ids are left out. */
export async function residentHolders(db: Database, ids: readonly string[]): Promise<Map<string, ResidentHolder>> {
  return new Map((await q.selectResidentHolders(db, [...new Set(ids)])).map((r) => [r.id, holderOf(r)]));
}

/** Residents of a province found by the keyed hash of their ID number (see src/lib/hashes.ts), by hash. */
export async function residentsByNationalIdHash(db: Database, provinceCode: string, hashes: readonly string[]): Promise<Map<string, ResidentHolder>> {
  const rows = await q.selectResidentsByNationalIdHashes(db, provinceCode, [...new Set(hashes)]);
  return new Map(rows.map((r) => [r.national_id_hash!, holderOf(r)]));
}

/**
 * Locks the households and residents a use case is about to change (directly or through their
 * visits and milestones), households then residents, each sorted, and answers where the existing
 * ones are. Called before any other write, so concurrent sync batches never deadlock. In the same
 * round trip, when asked: holds the change feed of their villages (`feed`), and looks up the
 * milestone kinds among `kinds` and the codes another module's query `also` answers (a batch's
 * reference look-ups, which cost a round trip each otherwise).
 */
export async function lockForChange(
  db: Database, householdIds: Iterable<string>, residentIds: Iterable<string>,
  options: {
    feed?: ChangeFeedLocks; kinds?: Iterable<string>; also?: RawBuilder<{ code: string }>;
    /** Maps to add the places found to (a sync batch's own), rather than new ones. */
    into?: { households: Map<string, Place>; residents: Map<string, Place & { householdId: string }> };
    /** Another module's write made first in the same statement (see lockPlacesAndLookUp). */
    before?: RawBuilder<unknown>;
  } = {},
): Promise<{ households: Map<string, Place>; residents: Map<string, Place & { householdId: string }>; kinds: KindOwners; also: Set<string> }> {
  const rows = await q.lockPlacesAndLookUp(db, distinct(householdIds).sort(), distinct(residentIds).sort(), {
    holdVillages: options.feed !== undefined, kinds: distinct(options.kinds ?? []), ...(options.also ? { also: options.also } : {}),
    ...(options.before ? { before: options.before } : {}),
  });
  const households = options.into?.households ?? new Map<string, Place>();
  const residents = options.into?.residents ?? new Map<string, Place & { householdId: string }>();
  const kinds = new Map<string, string | null>();
  const also = new Set<string>();
  const held: string[] = [];
  for (const row of rows) {
    if (row.t === 'h') {
      for (const id of row.id.split(',')) households.set(id, { id, villageCode: row.a!, provinceCode: row.b! });
    } else if (row.t === 'r') {
      const ids = row.id.split(',');
      const householdIds = row.c!.split(',');
      for (let i = 0; i < ids.length; i++) residents.set(ids[i]!, { id: ids[i]!, householdId: householdIds[i]!, villageCode: row.a!, provinceCode: row.b! });
    } else if (row.t === 'v') held.push(row.id);
    else if (row.t === 'k') kinds.set(row.id, row.a);
    else also.add(row.id);
  }
  options.feed?.heldAlready(held);
  return { households, residents, kinds, also };
}

/** The values once each: a set as it is (a sync batch's thousand ids were copied into a second one). */
const distinct = (values: Iterable<string>): string[] => [...(values instanceof Set ? values : new Set(values))];

/** The residents whose milestones a correction of these visits may take back. */
export function residentsHelpedBy(db: Database, visitIds: readonly string[]): Promise<string[]> {
  return mq.selectResidentsHelpedBy(db, visitIds);
}

/**
 * Sends these households to the devices again (their visited state changed), except those
 * this transaction already gave a new place in the feed (see ChangeFeedLocks).
 */
export async function touchHouseholds(db: Database, feed: ChangeFeedLocks, ids: readonly string[]): Promise<void> {
  await q.touchHouseholds(db, feed.needingTouch(ids));
}

/** Creates or edits a household. Rejections throw an AppError whose field is relative to the write. */
export async function saveHousehold(trx: Database, data: HouseholdWrite, ctx: RecordWriteContext): Promise<WriteOutcome> {
  const stored = await q.selectHouseholdForUpdate(trx, data.id);
  const fields = {
    label: data.label.trim(), address: data.address, head_name: data.headName, note: data.note,
  };
  if (!stored) {
    const village = await ctx.scope.village(data.villageCode);
    if (village.status === 'not_found') throw new AppError('UNIT_NOT_FOUND', `No village ${data.villageCode} in scope`, 'villageCode');
    if (village.status === 'not_village') throw new AppError('UNIT_NOT_VILLAGE', `${data.villageCode} is not a village-level unit`, 'villageCode');
    await ctx.feed.hold([village.code]);
    const createdOn = recordedDay(ctx);
    await q.insertHousehold(trx, {
      id: data.id, village_code: village.code, province_code: village.provinceCode,
      label: fields.label, address: fields.address ?? null, head_name: fields.head_name ?? null, note: fields.note ?? null,
      created_on: createdOn, last_recorded_at: ctx.recordedAt, last_device_id: ctx.deviceId, updated_by: ctx.viewer?.id ?? null,
    });
    ctx.feed.wrote([data.id], 'inserted');
    ctx.rollups.add('households', village.code, village.provinceCode, createdOn, 1);
    return { status: 'applied' };
  }

  if (!(await ctx.scope.includes(stored.village_code))) throw new AppError('HOUSEHOLD_NOT_FOUND', `No household ${data.id} in scope`, 'id');
  if (data.villageCode !== stored.village_code) {
    throw new AppError('VILLAGE_CHANGE_UNSUPPORTED', 'A household stays in its village', 'villageCode');
  }
  await ctx.feed.hold([stored.village_code]);
  const verdict = judgeEdit(stored, data.baseRevision, ctx);
  if (verdict === 'stored_wins') {
    // The device's copy is stale: send it the winning version on its next pull.
    await q.touchHouseholds(trx, ctx.feed.needingTouch([stored.id]));
    const incoming = { ...stored, ...namedFields(fields) };
    return { status: 'conflict', lost: lostVersion('household', stored, 'incoming', data.baseRevision, householdData(incoming), ctx) };
  }
  await q.updateHousehold(trx, stored.id, {
    ...namedFields(fields), ...householdStatusChange(stored, data.status, ctx), last_recorded_at: ctx.recordedAt, last_device_id: ctx.deviceId, updated_by: ctx.viewer?.id ?? null,
  });
  ctx.feed.wrote([stored.id], 'updated');
  if (verdict === 'clean') return { status: 'applied' };
  return { status: 'applied', replaced: lostVersion('household', stored, 'stored', data.baseRevision, householdData(stored), ctx) };
}

export function householdData(row: { label: string; address: string | null | undefined; head_name: string | null | undefined; note: string | null | undefined }) {
  return { label: row.label, address: row.address ?? null, headName: row.head_name ?? null, note: row.note ?? null };
}

/** Creates or edits a resident, de-duplicated on the national ID number within the province. */
export async function saveResident(trx: Database, data: ResidentWrite, ctx: RecordWriteContext): Promise<WriteOutcome> {
  const [household] = await q.selectHouseholdPlaces(trx, [data.householdId]);
  if (!household || !(await ctx.scope.includes(household.village_code))) {
    throw new AppError('HOUSEHOLD_NOT_FOUND', `No household ${data.householdId} in scope`, 'householdId');
  }
  const stored = await q.selectResidentForUpdate(trx, data.id);
  if (stored && !(await ctx.scope.includes(stored.village_code))) throw new AppError('RESIDENT_NOT_FOUND', `No resident ${data.id} in scope`, 'id');
  if (stored && stored.village_code !== household.village_code) {
    throw new AppError('VILLAGE_CHANGE_UNSUPPORTED', 'A resident moves only between households of the same village', 'householdId');
  }

  const hashed = typeof data.nationalId === 'string' ? hashNationalId(ctx.secretKey, data.nationalId) : data.nationalId;
  if (hashed) {
    const existing = await q.selectResidentIdByNationalId(trx, household.province_code, hashed.hash);
    if (existing !== undefined && existing !== data.id) throw new DuplicateResidentError(existing, 'nationalId');
  }
  const fields = {
    household_id: data.householdId, full_name: data.fullName.trim(), birth_year: data.birthYear, sex: data.sex,
    groups: [...new Set(data.groups)], ethnicity: data.ethnicity, language: data.language,
    national_id_hash: hashed === undefined ? undefined : (hashed?.hash ?? null),
    national_id_last4: hashed === undefined ? undefined : (hashed?.last4 ?? null),
  };
  await ctx.feed.hold([household.village_code]);

  if (!stored) {
    const createdOn = recordedDay(ctx);
    await q.insertResident(trx, {
      id: data.id, household_id: data.householdId, village_code: household.village_code, province_code: household.province_code,
      full_name: fields.full_name, birth_year: fields.birth_year ?? null, sex: fields.sex ?? null, groups: fields.groups,
      ethnicity: fields.ethnicity ?? null, language: fields.language ?? null,
      national_id_hash: fields.national_id_hash ?? null, national_id_last4: fields.national_id_last4 ?? null,
      created_on: createdOn, last_recorded_at: ctx.recordedAt, last_device_id: ctx.deviceId, updated_by: ctx.viewer?.id ?? null,
    });
    ctx.feed.wrote([data.id], 'inserted');
    ctx.rollups.add('residents', household.village_code, household.province_code, createdOn, 1);
    return { status: 'applied' };
  }

  const verdict = judgeEdit(stored, data.baseRevision, ctx);
  if (verdict === 'stored_wins') {
    await q.touchResidents(trx, ctx.feed.needingTouch([stored.id]));
    const incoming = { ...stored, ...namedFields(fields) };
    return { status: 'conflict', lost: lostVersion('resident', stored, 'incoming', data.baseRevision, residentData(incoming), ctx) };
  }
  // Every check (the merge's too) runs before the first write: a refused item leaves nothing behind.
  const kept = data.sameAs === undefined ? undefined : await checkMerge(trx, stored, data.sameAs, ctx);
  // A merge is the way this record leaves; a status sent with it changes nothing more.
  const status = kept ? {} : residentStatusChange(stored, data.status, ctx);
  const merged = kept ? await mergeResident(trx, stored, kept, ctx) : undefined;
  await q.updateResident(trx, stored.id, {
    ...namedFields(fields), ...status, ...merged?.fields,
    last_recorded_at: ctx.recordedAt, last_device_id: ctx.deviceId, updated_by: ctx.viewer?.id ?? null,
  });
  ctx.feed.wrote([stored.id], 'updated');
  const replaced = verdict === 'clean' ? undefined : lostVersion('resident', stored, 'stored', data.baseRevision, residentData(stored), ctx);
  return { status: 'applied', ...(replaced ? { replaced } : {}), ...(merged ? { merged: merged.merge } : {}) };
}

export function residentData(row: q.ResidentRow) {
  return {
    householdId: row.household_id, fullName: row.full_name, birthYear: row.birth_year, sex: row.sex, groups: row.groups,
    ethnicity: row.ethnicity, language: row.language, nationalIdLast4: row.national_id_last4,
  };
}

/** The ids of a village's households; the caller checks scope. */
export function householdIdsOfVillage(db: Database, villageCode: string): Promise<string[]> {
  return q.selectHouseholdIdsOfVillage(db, villageCode);
}

/** Milestones recorded in a village per recorder: on `to`, and from `from` to `to`. */
export function milestonesByRecorder(db: Database, villageCode: string, from: string, to: string) {
  return mq.countMilestonesByRecorder(db, villageCode, from, to);
}
