import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import * as bq from './bulk-records.queries.js';
import { hashNationalId } from './national-id.js';
import { DuplicateResidentError, type HouseholdWrite, type Place, type ResidentWrite } from './people.service.js';
import * as q from './people.queries.js';
import type { RecordWriteContext } from './record-writes.js';

/**
 * New households and residents in bulk: what saveHousehold and saveResident do for records the
 * server has not seen yet (the same checks of village, scope, household and national ID number,
 * the same change-feed locks and counts), in a fixed number of statements whatever their number.
 * The sync service routes runs of new records of a batch here, the way it routes visits to
 * ingestFacts. Edits are not handled: a write whose id exists already answers 'exists' and
 * changes nothing, so a replay is harmless.
 * The caller holds the transaction and adds `ctx.rollups` to the counts at its end.
 */

/** A write and when it was made on the device (never later than the server's clock). */
export interface NewRecord<T> {
  data: T;
  recordedAt: Date;
}

/**
 * Where the records a caller has met in its transaction are (a sync batch's locked and created
 * records): bulk creation adds what it creates, and looks up only the households missing here.
 */
export interface KnownPlaces {
  households: Map<string, Place>;
  residents: Map<string, Place & { householdId: string }>;
}

/** A RecordWriteContext without the instant: each write brings its own. */
export type BulkContext = Omit<RecordWriteContext, 'recordedAt'> & { known?: KnownPlaces };

export type BulkOutcome =
  | { status: 'created' }
  | { status: 'exists' }
  | { status: 'rejected'; error: AppError };

/**
 * The day and instant written for a record, formatted once per instant: the people of a
 * household are recorded at one instant, and formatting Dates showed among the dearest parts of a row.
 */
function stamper(): (recordedAt: Date) => { day: string; iso: string } {
  let last: { time: number; day: string; iso: string } | undefined;
  return (recordedAt) => {
    const time = recordedAt.getTime();
    if (last?.time !== time) last = { time, day: vietnamDay(recordedAt), iso: recordedAt.toISOString() };
    return last;
  };
}

const CREATED: BulkOutcome = { status: 'created' };
const EXISTS: BulkOutcome = { status: 'exists' };

export async function createHouseholds(trx: Database, items: readonly NewRecord<HouseholdWrite>[], ctx: BulkContext): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = new Array(items.length);
  const rows: bq.NewHouseholdRow[] = [];
  const indexOf = new Map<string, number>();
  const stamp = stamper();
  const villages = await ctx.scope.villagesOf(items.map((item) => item.data.villageCode));
  for (const [i, { data, recordedAt }] of items.entries()) {
    const village = villages.get(data.villageCode)!;
    if (village.status === 'not_found') outcomes[i] = { status: 'rejected', error: new AppError('UNIT_NOT_FOUND', `No village ${data.villageCode} in scope`, 'villageCode') };
    else if (village.status === 'not_village') outcomes[i] = { status: 'rejected', error: new AppError('UNIT_NOT_VILLAGE', `${data.villageCode} is not a village-level unit`, 'villageCode') };
    else if (indexOf.has(data.id)) outcomes[i] = EXISTS;
    else {
      indexOf.set(data.id, i);
      rows.push({
        id: data.id, village_code: village.code, province_code: village.provinceCode, label: data.label.trim(),
        address: data.address ?? null, head_name: data.headName ?? null, note: data.note ?? null,
        created_on: stamp(recordedAt).day, last_recorded_at: stamp(recordedAt).iso,
      });
    }
  }
  await ctx.feed.hold(rows.map((row) => row.village_code));
  const inserted = await bq.insertNewHouseholds(trx, rows, { deviceId: ctx.deviceId, userId: ctx.viewer?.id ?? null });
  ctx.feed.wrote(inserted, 'inserted');
  for (const row of rows) {
    const created = inserted.has(row.id);
    outcomes[indexOf.get(row.id)!] = created ? CREATED : EXISTS;
    if (!created) continue;
    ctx.rollups.add('households', row.village_code, row.province_code, row.created_on, 1);
    ctx.known?.households.set(row.id, { id: row.id, villageCode: row.village_code, provinceCode: row.province_code });
  }
  return outcomes;
}

/**
 * New residents, de-duplicated on the national ID number within the province like saveResident:
 * of two writes in the call with one number the first wins; against stored residents the unique
 * index decides, and a holder is looked up only for a row it turned away, so the common case
 * costs no extra search.
 */
export async function createResidents(trx: Database, items: readonly NewRecord<ResidentWrite>[], ctx: BulkContext): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = new Array(items.length);
  const households = new Map<string, q.PlaceRow>();
  const unknown: string[] = [];
  for (const id of new Set(items.map((item) => item.data.householdId))) {
    const place = ctx.known?.households.get(id);
    if (place) households.set(id, { id, village_code: place.villageCode, province_code: place.provinceCode });
    else unknown.push(id);
  }
  for (const row of await q.selectHouseholdPlaces(trx, unknown)) households.set(row.id, row);
  const rows: bq.NewResidentRow[] = [];
  const indexOf = new Map<string, number>();
  const firstWithNumber = new Map<string, string>(); // province|hash → the first resident of this call with it
  const twins: { index: number; province: string; hash: string; first: string }[] = [];
  const stamp = stamper();
  // Each village is checked once, not once per person.
  const inScope = await ctx.scope.includesAll([...households.values()].map((h) => h.village_code));
  for (const [i, { data, recordedAt }] of items.entries()) {
    const household = households.get(data.householdId);
    if (!household || !inScope.get(household.village_code)) {
      outcomes[i] = { status: 'rejected', error: new AppError('HOUSEHOLD_NOT_FOUND', `No household ${data.householdId} in scope`, 'householdId') };
      continue;
    }
    if (indexOf.has(data.id)) {
      outcomes[i] = EXISTS;
      continue;
    }
    const hashed = typeof data.nationalId === 'string' ? hashNationalId(ctx.secretKey, data.nationalId) : null;
    if (hashed) {
      const key = `${household.province_code}|${hashed.hash}`;
      const first = firstWithNumber.get(key);
      if (first !== undefined) {
        twins.push({ index: i, province: household.province_code, hash: hashed.hash, first });
        continue;
      }
      firstWithNumber.set(key, data.id);
    }
    indexOf.set(data.id, i);
    rows.push({
      id: data.id, household_id: household.id, village_code: household.village_code, province_code: household.province_code,
      full_name: data.fullName.trim(), birth_year: data.birthYear ?? null, sex: data.sex ?? null, groups: [...new Set(data.groups)],
      ethnicity: data.ethnicity ?? null, language: data.language ?? null,
      national_id_hash: hashed?.hash ?? null, national_id_last4: hashed?.last4 ?? null,
      created_on: stamp(recordedAt).day, last_recorded_at: stamp(recordedAt).iso,
    });
  }
  await ctx.feed.hold(rows.map((row) => row.village_code));
  const inserted = await bq.insertNewResidents(trx, rows, { deviceId: ctx.deviceId, userId: ctx.viewer?.id ?? null });
  ctx.feed.wrote(inserted, 'inserted');
  // A row left out collided on its id (it exists) or on its number (someone else holds it).
  const missing = rows.filter((row) => !inserted.has(row.id));
  const existing = await bq.selectExistingResidentIds(trx, missing.map((row) => row.id));
  // Numbers held outside this call: rows turned away on their number, twins of a first that was not inserted.
  const unresolved = [
    ...missing.filter((row) => !existing.has(row.id) && row.national_id_hash !== null).map((row) => ({ province: row.province_code, hash: row.national_id_hash! })),
    ...twins.filter((twin) => !inserted.has(twin.first)),
  ];
  const holders = new Map<string, string>();
  for (const province of new Set(unresolved.map((u) => u.province))) {
    const hashes = unresolved.filter((u) => u.province === province).map((u) => u.hash);
    for (const [hash, id] of await bq.selectResidentsByNationalIdHash(trx, province, hashes)) holders.set(`${province}|${hash}`, id);
  }
  for (const row of rows) {
    const index = indexOf.get(row.id)!;
    if (inserted.has(row.id)) {
      outcomes[index] = CREATED;
      ctx.rollups.add('residents', row.village_code, row.province_code, row.created_on, 1);
      ctx.known?.residents.set(row.id, { id: row.id, householdId: row.household_id, villageCode: row.village_code, provinceCode: row.province_code });
    } else if (existing.has(row.id) || row.national_id_hash === null) {
      outcomes[index] = EXISTS;
    } else {
      const holder = holders.get(`${row.province_code}|${row.national_id_hash}`) ?? '';
      outcomes[index] = { status: 'rejected', error: new DuplicateResidentError(holder, 'nationalId') };
    }
  }
  for (const twin of twins) {
    const holder = inserted.has(twin.first) ? twin.first : (holders.get(`${twin.province}|${twin.hash}`) ?? twin.first);
    outcomes[twin.index] = { status: 'rejected', error: new DuplicateResidentError(holder, 'nationalId') };
  }
  return outcomes;
}
