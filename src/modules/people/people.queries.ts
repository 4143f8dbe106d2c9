import { sql, type Insertable, type RawBuilder, type Selectable, type Updateable } from 'kysely';
import { uuidColumn } from '../../db/uuid-column.js';
import type { Database } from '../../db/database.js';
import type { HouseholdsTable, ResidentsTable } from '../../db/types.js';

export type HouseholdRow = Selectable<HouseholdsTable>;
export type ResidentRow = Selectable<ResidentsTable>;
export type ResidentWithMilestonesRow = ResidentRow & { milestones: string[] };

/** Where a household or resident lives: enough to check scope and attribute facts. */
export interface PlaceRow {
  id: string;
  village_code: string;
  province_code: string;
}

// Advisory lock class of the people change feed; the second key is the village code's hash.
const CHANGE_FEED_LOCK = 7401;

/**
 * Writers of a village's households and residents hold its lock shared until they commit; a
 * pull takes it exclusively. So when a pull reads, no change of that village is in flight, and
 * no change_seq below the cursor can still appear after it.
 */
export async function lockVillagesShared(db: Database, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  await sql`
    select pg_advisory_xact_lock_shared(${CHANGE_FEED_LOCK}, hashtext(code))
    from (select code from unnest(${[...codes]}::text[]) code order by code) sorted`.execute(db);
}

export async function lockVillageExclusive(db: Database, code: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CHANGE_FEED_LOCK}, hashtext(${code}))`.execute(db);
}

export async function selectHouseholdPlaces(db: Database, ids: readonly string[]): Promise<PlaceRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('households').select(['id', 'village_code', 'province_code']).where('id', '=', sql<string>`any(${[...ids]}::uuid[])`).execute();
}

export async function selectResidentPlaces(db: Database, ids: readonly string[]): Promise<(PlaceRow & { household_id: string })[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('residents').select(['id', 'household_id', 'village_code', 'province_code']).where('id', '=', sql<string>`any(${[...ids]}::uuid[])`).execute();
}

/**
 * The ids that may exist: none above the table's highest id. A batch that brings new records
 * names ids made on the device minutes ago (UUIDv7, time first), which lie above every stored
 * one, so its look-up probes the index only for the records it edits.
 */
const possiblyStored = (table: 'households' | 'residents', ids: readonly string[]) =>
  sql`array(select x from unnest(${uuidColumn(ids)}::uuid[]) x where x <= (select id from ${sql.table(table)} order by id desc limit 1))`;

export interface LockedPlacesRow {
  /** h: households locked, r: residents locked, v: a village held, k: a milestone kind, x: a code of `also` found. */
  t: 'h' | 'r' | 'v' | 'k' | 'x';
  /** h, r: the ids locked in one village, joined by commas; otherwise the code. */
  id: string;
  /** h, r: the village; k: the owning province (null: shared). */
  a: string | null;
  /** h, r: the province. */
  b: string | null;
  /** r: the residents' households, joined by commas in the order of their ids. */
  c: string | null;
}

/**
 * Locks households (and their derived state: visited or not) and residents (and the milestones
 * they hold) for the rest of the transaction, households then residents, each in id order, in
 * one statement: every writer locks what it will touch up front and in the same order, so two
 * sync batches never wait for each other in a circle. Then, when asked, in the same round trip:
 * the villages of what it locked held as lockVillagesShared holds them (sorted), the active
 * milestone kinds among `kinds` with their owners, and the codes another module's query `also`
 * answers. What it locked comes back a row per village, its ids joined: a batch of 500 visits
 * locks about 1,000 records in one village, and a row each cost the driver a row's parse.
 */
export async function lockPlacesAndLookUp(
  db: Database, householdIds: readonly string[], residentIds: readonly string[],
  options: {
    holdVillages: boolean; kinds: readonly string[]; also?: RawBuilder<{ code: string }>;
    /**
     * Another module's write to make first, in the same round trip: `with` entries ending in one
     * named `before` that answers rows (a data-modifying statement there must be at the top).
     * Counting its rows before anything is locked makes it run first, as it would on its own.
     */
    before?: RawBuilder<unknown>;
  },
): Promise<LockedPlacesRow[]> {
  const after = options.before ? sql`and (select count(*) from before) >= 0` : sql``;
  const held = options.holdVillages
    ? sql`select code, pg_advisory_xact_lock_shared(${CHANGE_FEED_LOCK}, hashtext(code))::text as lock
          from (select village_code as code from h union select village_code from r order by 1) sorted`
    : sql`select null::text as code where false`;
  const result = await sql<LockedPlacesRow>`
    with ${options.before ? sql`${options.before},` : sql``}
    h as materialized (
      select id, village_code, province_code from households
      where id = any(${possiblyStored('households', householdIds)}) ${after} order by id for no key update
    ),
    r as materialized (
      select id, household_id, village_code, province_code from residents
      where id = any(${possiblyStored('residents', residentIds)}) ${after} order by id for no key update
    ),
    held as materialized (${held})
    select 'h' as t, string_agg(id::text, ',') as id, village_code as a, province_code as b, null::text as c
    from h group by village_code, province_code
    union all select 'r', string_agg(id::text, ',' order by id), village_code, province_code, string_agg(household_id::text, ',' order by id)
    from r group by village_code, province_code
    union all select 'v', code, null, null, null from held
    union all select 'k', code, province_code, null, null from milestone_kinds where active and code = any(${[...options.kinds]}::text[])
    ${options.also ? sql`union all select 'x', code, null, null, null from (${options.also}) also` : sql``}`.execute(db);
  return result.rows;
}

export async function selectHouseholdForUpdate(db: Database, id: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom('households').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
}

export async function selectResidentForUpdate(db: Database, id: string): Promise<ResidentRow | undefined> {
  return db.selectFrom('residents').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
}

export async function selectResidentIdByNationalId(db: Database, provinceCode: string, hash: string): Promise<string | undefined> {
  const row = await db.selectFrom('residents').select('id')
    .where('province_code', '=', provinceCode).where('national_id_hash', '=', hash).executeTakeFirst();
  return row?.id;
}

/** Names and places of residents, for documents issued to them; merged records point to the kept one. */
export async function selectResidentHolders(db: Database, ids: readonly string[]): Promise<{ id: string; full_name: string; village_code: string; province_code: string }[]> {
  const rows: { id: string; full_name: string; village_code: string; province_code: string }[] = [];
  // A field batch may name thousands; a statement takes at most 32,767 parameters.
  for (let i = 0; i < ids.length; i += 5_000) {
    rows.push(...await db.selectFrom('residents').select(['id', 'full_name', 'village_code', 'province_code']).where('id', 'in', ids.slice(i, i + 5_000)).execute());
  }
  return rows;
}

export async function selectResidentsByNationalIdHashes(
  db: Database, provinceCode: string, hashes: readonly string[],
): Promise<{ id: string; national_id_hash: string | null; full_name: string; village_code: string; province_code: string }[]> {
  const rows: { id: string; national_id_hash: string | null; full_name: string; village_code: string; province_code: string }[] = [];
  for (let i = 0; i < hashes.length; i += 5_000) {
    rows.push(...await db.selectFrom('residents').select(['id', 'national_id_hash', 'full_name', 'village_code', 'province_code'])
      .where('province_code', '=', provinceCode).where('national_id_hash', 'in', hashes.slice(i, i + 5_000)).where('status', '!=', 'merged').execute());
  }
  return rows;
}

export async function insertHousehold(db: Database, row: Insertable<HouseholdsTable>): Promise<void> {
  await db.insertInto('households').values(row).execute();
}

export async function insertResident(db: Database, row: Insertable<ResidentsTable>): Promise<void> {
  await db.insertInto('residents').values(row).execute();
}

/** A write of the record itself: a new revision and a new place in the change feed. */
export async function updateHousehold(db: Database, id: string, changes: Updateable<HouseholdsTable>): Promise<void> {
  await db.updateTable('households').set({
    ...changes,
    revision: sql`revision + 1`,
    change_seq: sql`nextval('people_change_seq')`,
    updated_at: sql`now()`,
  }).where('id', '=', id).execute();
}

export async function updateResident(db: Database, id: string, changes: Updateable<ResidentsTable>): Promise<void> {
  await db.updateTable('residents').set({
    ...changes,
    revision: sql`revision + 1`,
    change_seq: sql`nextval('people_change_seq')`,
    updated_at: sql`now()`,
  }).where('id', '=', id).execute();
}

/** Puts records back in the change feed without a new revision: something shown with them changed. */
export async function touchHouseholds(db: Database, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`update households set change_seq = nextval('people_change_seq') where id = any(${[...ids]}::uuid[])`.execute(db);
}

export async function touchResidents(db: Database, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`update residents set change_seq = nextval('people_change_seq') where id = any(${[...ids]}::uuid[])`.execute(db);
}

/** How many of the village's records stand at or before the cursor: what a device already holds. */
export async function countRecordsUpTo(db: Database, villageCode: string, seq: number): Promise<number> {
  const result = await sql<{ n: number }>`
    select (select count(*) from households where village_code = ${villageCode} and change_seq <= ${seq})
         + (select count(*) from residents where village_code = ${villageCode} and change_seq <= ${seq}) as n`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

export async function selectHouseholdsChangedAfter(db: Database, villageCode: string, after: number, limit: number): Promise<HouseholdRow[]> {
  return db.selectFrom('households').selectAll()
    .where('village_code', '=', villageCode).where('change_seq', '>', after)
    .orderBy('change_seq').limit(limit).execute();
}

export async function selectResidentsChangedAfter(db: Database, villageCode: string, after: number, limit: number): Promise<ResidentWithMilestonesRow[]> {
  return db.selectFrom('residents as r').selectAll('r')
    .select(sql<string[]>`array(select m.kind from resident_milestones m where m.resident_id = r.id order by m.kind)`.as('milestones'))
    .where('r.village_code', '=', villageCode).where('r.change_seq', '>', after)
    .orderBy('r.change_seq').limit(limit).execute();
}

export interface MissingResidentRow {
  id: string;
  household_id: string;
  household_label: string;
  full_name: string;
  birth_year: number | null;
  sex: ResidentRow['sex'];
  groups: string[];
}

/** Residents of a village who hold no live milestone of `kind`, household by household. */
export async function selectResidentsLacking(
  db: Database, villageCode: string, kind: string, after: { householdId: string; residentId: string } | undefined, limit: number,
): Promise<MissingResidentRow[]> {
  let query = db.selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.household_id', 'h.label as household_label', 'r.full_name', 'r.birth_year', 'r.sex', 'r.groups'])
    .where('r.village_code', '=', villageCode)
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('resident_milestones as m').select(sql`1`.as('one')).whereRef('m.resident_id', '=', 'r.id').where('m.kind', '=', kind),
    )));
  if (after) query = query.where(sql<boolean>`(r.household_id, r.id) > (${after.householdId}::uuid, ${after.residentId}::uuid)`);
  return query.orderBy('r.household_id').orderBy('r.id').limit(limit).execute();
}

/** Keeps writers out of the people tables while a rebuild recounts them. */
export async function lockPeopleTables(db: Database): Promise<void> {
  await sql`lock table households, residents, milestones, resident_milestones in share row exclusive mode`.execute(db);
}

/**
 * Households or residents per village and day: one on the day each was recorded, less one on the
 * day each left (moved away, deceased, merged, gone) — the `households` and `residents` counts.
 */
export async function countRecordsByVillageDay(db: Database, table: 'households' | 'residents'): Promise<{ village_code: string; province_code: string; day: string; n: number }[]> {
  const result = await sql<{ village_code: string; province_code: string; day: string; n: number }>`
    select village_code, province_code, day, sum(n)::bigint as n from (
      select village_code, province_code, created_on as day, 1 as n from ${sql.table(table)}
      union all
      select village_code, province_code, status_on, -1 from ${sql.table(table)} where status <> 'active'
    ) changes
    group by village_code, province_code, day having sum(n) <> 0`.execute(db);
  return result.rows;
}

export async function selectHouseholdsByIds(db: Database, ids: readonly string[]): Promise<HouseholdRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('households').selectAll().where('id', '=', sql<string>`any(${[...ids]}::uuid[])`).execute();
}

export async function selectResidentsByIds(db: Database, ids: readonly string[]): Promise<ResidentRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('residents').selectAll().where('id', '=', sql<string>`any(${[...ids]}::uuid[])`).execute();
}

/** Every household id of a village (a few hundred to a few thousand), for other modules' indexed lookups. */
export async function selectHouseholdIdsOfVillage(db: Database, villageCode: string): Promise<string[]> {
  const rows = await db.selectFrom('households').select('id').where('village_code', '=', villageCode).execute();
  return rows.map((row) => row.id);
}
