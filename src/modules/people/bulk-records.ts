import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import * as bq from './bulk-records.queries.js';
import { hashNationalId } from './national-id.js';
import { DuplicateResidentError, type HouseholdWrite, type ResidentWrite } from './people.service.js';
import * as q from './people.queries.js';
import type { RecordWriteContext } from './record-writes.js';

/**
 * New households and residents in bulk: what saveHousehold and saveResident do for records the
 * server has not seen yet (the same checks of village, scope, household and national ID number,
 * the same change-feed locks and counts), in a fixed number of statements whatever their number.
 * For a village's household register and the Dak Lak scenario; the sync service can route runs
 * of new records here the way it routes visits to ingestFacts. Edits are not handled: a write
 * whose id exists already answers 'exists' and changes nothing, so a replay is harmless.
 * The caller holds the transaction and adds `ctx.rollups` to the counts at its end.
 */

/** A write and when it was made on the device (never later than the server's clock). */
export interface NewRecord<T> {
  data: T;
  recordedAt: Date;
}

/** A RecordWriteContext without the instant: each write brings its own. */
export type BulkContext = Omit<RecordWriteContext, 'recordedAt'>;

export type BulkOutcome =
  | { status: 'created' }
  | { status: 'exists' }
  | { status: 'rejected'; error: AppError };

const CREATED: BulkOutcome = { status: 'created' };
const EXISTS: BulkOutcome = { status: 'exists' };

export async function createHouseholds(trx: Database, items: readonly NewRecord<HouseholdWrite>[], ctx: BulkContext): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = new Array(items.length);
  const rows: bq.NewHouseholdRow[] = [];
  const indexOf = new Map<string, number>();
  for (const [i, { data, recordedAt }] of items.entries()) {
    const village = await ctx.scope.village(data.villageCode);
    if (village.status === 'not_found') outcomes[i] = { status: 'rejected', error: new AppError('UNIT_NOT_FOUND', `No village ${data.villageCode} in scope`, 'villageCode') };
    else if (village.status === 'not_village') outcomes[i] = { status: 'rejected', error: new AppError('UNIT_NOT_VILLAGE', `${data.villageCode} is not a village-level unit`, 'villageCode') };
    else if (indexOf.has(data.id)) outcomes[i] = EXISTS;
    else {
      indexOf.set(data.id, i);
      rows.push({
        id: data.id, village_code: village.code, province_code: village.provinceCode, label: data.label.trim(),
        address: data.address ?? null, head_name: data.headName ?? null, note: data.note ?? null,
        created_on: vietnamDay(recordedAt), last_recorded_at: recordedAt.toISOString(),
      });
    }
  }
  await ctx.feed.hold(rows.map((row) => row.village_code));
  const inserted = await bq.insertNewHouseholds(trx, rows, { deviceId: ctx.deviceId, userId: ctx.viewer?.id ?? null });
  for (const row of rows) {
    const created = inserted.has(row.id);
    outcomes[indexOf.get(row.id)!] = created ? CREATED : EXISTS;
    if (created) ctx.rollups.add('households', row.village_code, row.province_code, row.created_on, 1);
  }
  return outcomes;
}

/** New residents, de-duplicated on the national ID number within the province like saveResident. */
export async function createResidents(trx: Database, items: readonly NewRecord<ResidentWrite>[], ctx: BulkContext): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = new Array(items.length);
  const households = new Map((await q.selectHouseholdPlaces(trx, [...new Set(items.map((item) => item.data.householdId))])).map((h) => [h.id, h]));
  const hashed = items.map(({ data }) => (typeof data.nationalId === 'string' ? hashNationalId(ctx.secretKey, data.nationalId) : null));
  const byProvince = new Map<string, string[]>();
  for (const [i, { data }] of items.entries()) {
    const household = households.get(data.householdId);
    const hash = hashed[i]?.hash;
    if (!household || !hash) continue;
    const list = byProvince.get(household.province_code);
    if (list) list.push(hash);
    else byProvince.set(household.province_code, [hash]);
  }
  const recorded = new Map<string, string>(); // province|hash → resident id, stored or earlier in this call
  for (const [province, hashes] of byProvince) {
    for (const [hash, id] of await bq.selectResidentsByNationalIdHash(trx, province, hashes)) recorded.set(`${province}|${hash}`, id);
  }

  const rows: bq.NewResidentRow[] = [];
  const indexOf = new Map<string, number>();
  for (const [i, { data, recordedAt }] of items.entries()) {
    const household = households.get(data.householdId);
    if (!household || !(await ctx.scope.includes(household.village_code))) {
      outcomes[i] = { status: 'rejected', error: new AppError('HOUSEHOLD_NOT_FOUND', `No household ${data.householdId} in scope`, 'householdId') };
      continue;
    }
    if (indexOf.has(data.id)) {
      outcomes[i] = EXISTS;
      continue;
    }
    const hash = hashed[i];
    const key = hash ? `${household.province_code}|${hash.hash}` : null;
    const holder = key === null ? undefined : recorded.get(key);
    if (holder !== undefined && holder !== data.id) {
      outcomes[i] = { status: 'rejected', error: new DuplicateResidentError(holder, 'nationalId') };
      continue;
    }
    if (key !== null) recorded.set(key, data.id);
    indexOf.set(data.id, i);
    rows.push({
      id: data.id, household_id: household.id, village_code: household.village_code, province_code: household.province_code,
      full_name: data.fullName.trim(), birth_year: data.birthYear ?? null, sex: data.sex ?? null, groups: [...new Set(data.groups)],
      ethnicity: data.ethnicity ?? null, language: data.language ?? null,
      national_id_hash: hash?.hash ?? null, national_id_last4: hash?.last4 ?? null,
      created_on: vietnamDay(recordedAt), last_recorded_at: recordedAt.toISOString(),
    });
  }
  await ctx.feed.hold(rows.map((row) => row.village_code));
  const inserted = await bq.insertNewResidents(trx, rows, { deviceId: ctx.deviceId, userId: ctx.viewer?.id ?? null });
  // A row left out collided with a record written meanwhile: its id (exists) or its number (duplicate).
  const missing = rows.filter((row) => !inserted.has(row.id));
  const existing = await bq.selectExistingResidentIds(trx, missing.map((row) => row.id));
  for (const row of rows) {
    const index = indexOf.get(row.id)!;
    if (inserted.has(row.id)) {
      outcomes[index] = CREATED;
      ctx.rollups.add('residents', row.village_code, row.province_code, row.created_on, 1);
    } else if (existing.has(row.id) || row.national_id_hash === null) {
      outcomes[index] = EXISTS;
    } else {
      const [holder] = (await bq.selectResidentsByNationalIdHash(trx, row.province_code, [row.national_id_hash])).values();
      outcomes[index] = { status: 'rejected', error: new DuplicateResidentError(holder ?? '', 'nationalId') };
    }
  }
  return outcomes;
}
