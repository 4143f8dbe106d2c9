import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { UnitTier } from '../../db/types.js';

/** A unit as it stood on one day: its fixed facts joined to the version in force then. */
export interface UnitAtRow {
  code: string;
  province_code: string;
  tier: UnitTier;
  valid_from: string;
  valid_to: string | null;
  successor_code: string | null;
  name: string;
  type: string;
  parent_code: string | null;
  version_from: string;
  version_to: string | null;
}

const inForce = (alias: string, day: string) =>
  sql<boolean>`${sql.ref(`${alias}.valid_from`)} <= ${day} and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${day})`;

function unitAt(db: Database) {
  return db
    .selectFrom('units as u')
    .innerJoin('unit_versions as v', 'v.code', 'u.code')
    .select([
      'u.code', 'u.province_code', 'u.tier', 'u.valid_from', 'u.valid_to', 'u.successor_code',
      'v.name', 'v.type', 'v.parent_code', 'v.valid_from as version_from', 'v.valid_to as version_to',
    ]);
}

/** The version in force on `day`, or the last one when the unit had ended by then. */
export async function findUnitAt(db: Database, code: string, day: string): Promise<UnitAtRow | undefined> {
  return unitAt(db)
    .where('u.code', '=', code)
    .where('v.valid_from', '<=', day)
    .orderBy('v.valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** findUnitAt for many codes in one statement: per code, the version in force on `day` or its last one before. */
export async function findLatestUnitsAt(db: Database, codes: readonly string[], day: string): Promise<UnitAtRow[]> {
  if (codes.length === 0) return [];
  return unitAt(db)
    .distinctOn('u.code')
    .where('u.code', 'in', codes)
    .where('v.valid_from', '<=', day)
    .orderBy('u.code')
    .orderBy('v.valid_from', 'desc')
    .execute();
}

export async function findUnitsAt(db: Database, codes: readonly string[], day: string): Promise<UnitAtRow[]> {
  if (codes.length === 0) return [];
  return unitAt(db).where('u.code', 'in', codes).where(inForce('v', day)).execute();
}

export interface KnownUnit { tier: UnitTier; province_code: string; valid_to: string | null }

export async function existingCodes(db: Database, codes: readonly string[]): Promise<Map<string, KnownUnit>> {
  const found = new Map<string, KnownUnit>();
  for (let i = 0; i < codes.length; i += 5000) {
    const rows = await db.selectFrom('units').select(['code', 'tier', 'province_code', 'valid_to']).where('code', 'in', codes.slice(i, i + 5000)).execute();
    for (const row of rows) found.set(row.code, { tier: row.tier, province_code: row.province_code, valid_to: row.valid_to });
  }
  return found;
}

export async function listRootsAt(db: Database, day: string): Promise<UnitAtRow[]> {
  return unitAt(db).where('v.parent_code', 'is', null).where(inForce('v', day)).orderBy('u.code').execute();
}

export async function listChildrenAt(db: Database, parentCode: string, day: string, after: string | undefined, limit: number): Promise<UnitAtRow[]> {
  let query = unitAt(db).where('v.parent_code', '=', parentCode).where(inForce('v', day));
  if (after !== undefined) query = query.where('u.code', '>', after);
  return query.orderBy('u.code').limit(limit).execute();
}

/** Every version that starts after `day`: an operation dated `day` would be overtaken by them. */
export async function countVersionsAfter(db: Database, codes: readonly string[], day: string): Promise<number> {
  if (codes.length === 0) return 0;
  const row = await db
    .selectFrom('unit_versions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('code', 'in', codes)
    .where('valid_from', '>', day)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The root and everything under it on `day`, plus the units that had ended by then and whose
 * successors lie in that subtree: facts recorded in a unit before it was merged count for
 * whatever it became.
 */
export async function subtreeCodesAt(db: Database, rootCode: string, day: string): Promise<string[]> {
  const result = await sql<{ code: string }>`
    with recursive tree(code) as (
      select ${rootCode}::text
      union
      select v.code from unit_versions v join tree t on v.parent_code = t.code
      where ${inForce('v', day)}
    ),
    absorbed(code) as (
      select code from tree
      union
      select u.code from units u join absorbed a on u.successor_code = a.code
      where u.valid_to <= ${day}
    )
    select code from absorbed`.execute(db);
  return result.rows.map((row) => row.code);
}

/**
 * The whole subtree on `day` in one query: every unit in force with its parent and tier, and every
 * ended unit that counts here with the successor its figures pass to (`parent_code` null).
 */
export async function subtreeMembersAt(db: Database, rootCode: string, day: string): Promise<SubtreeMemberRow[]> {
  const result = await sql<SubtreeMemberRow>`
    with recursive tree(code, parent_code) as (
      select ${rootCode}::text, null::text
      union
      select v.code, v.parent_code from unit_versions v join tree t on v.parent_code = t.code
      where ${inForce('v', day)}
    ),
    absorbed(code, successor_code) as (
      select code, null::text from tree
      union
      select u.code, u.successor_code from units u join absorbed a on u.successor_code = a.code
      where u.valid_to <= ${day}
    )
    select a.code, t.parent_code, u.tier, a.successor_code, case when a.successor_code is null then null else u.valid_to end as valid_to
    from absorbed a join units u on u.code = a.code left join tree t on t.code = a.code`.execute(db);
  return result.rows;
}

export interface SubtreeMemberRow {
  code: string;
  parent_code: string | null;
  tier: UnitTier;
  /** Set for an ended unit: the unit its figures count for now. */
  successor_code: string | null;
  /** For an ended unit: its end day. */
  valid_to: string | null;
}

/**
 * Each child of the root on `day` with every code whose facts count for it (its subtree and the
 * ended units absorbed into it, as in subtreeCodesAt): one query for a breakdown by child.
 */
export async function childSubtreeCodesAt(db: Database, rootCode: string, day: string): Promise<{ code: string; child_code: string }[]> {
  const result = await sql<{ code: string; child_code: string }>`
    with recursive tree(code, child_code) as (
      select v.code, v.code from unit_versions v where v.parent_code = ${rootCode} and ${inForce('v', day)}
      union
      select v.code, t.child_code from unit_versions v join tree t on v.parent_code = t.code
      where ${inForce('v', day)}
    ),
    absorbed(code, child_code) as (
      select code, child_code from tree
      union
      select u.code, a.child_code from units u join absorbed a on u.successor_code = a.code
      where u.valid_to <= ${day}
    )
    select code, child_code from absorbed`.execute(db);
  return result.rows;
}

/** The subtree with each unit's parent on `day`, for bottom-up sums. Ended units are left out. */
export async function subtreeLinksAt(db: Database, rootCode: string, day: string): Promise<{ code: string; parent_code: string | null }[]> {
  const result = await sql<{ code: string; parent_code: string | null }>`
    with recursive tree(code, parent_code) as (
      select ${rootCode}::text, null::text
      union
      select v.code, v.parent_code from unit_versions v join tree t on v.parent_code = t.code
      where ${inForce('v', day)}
    )
    select code, parent_code from tree`.execute(db);
  return result.rows;
}

/**
 * Walks up from a unit on `day` (to its parent while it is in force, to its successor once it
 * has ended) and tells whether `ancestorCode` is on the way. Trees are a few levels deep: the
 * whole chain costs what stopping early would.
 */
export async function isUnderOrEqual(db: Database, ancestorCode: string, unitCode: string, day: string): Promise<boolean> {
  return (await ancestorChainAt(db, unitCode, day)).includes(ancestorCode);
}

/**
 * Of `codes`, those that are `ancestorCode` or under it on `day`: ancestorChainAt's climb for a
 * whole batch in one statement (a batch of writes checks its units' scope in one round trip).
 */
export async function codesUnder(db: Database, ancestorCode: string, codes: readonly string[], day: string): Promise<string[]> {
  if (codes.length === 0) return [];
  const result = await sql<{ code: string }>`
    with recursive up(origin, code, depth) as (
      select c, c, 0 from unnest(${[...codes]}::text[]) as c
      union all
      select up.origin, coalesce(
        (select v.parent_code from unit_versions v where v.code = up.code and ${inForce('v', day)}),
        (select u.successor_code from units u where u.code = up.code and u.valid_to <= ${day})
      ), up.depth + 1
      from up where up.code is not null and up.code <> ${ancestorCode} and up.depth < 64
    )
    select distinct origin as code from up where code = ${ancestorCode}`.execute(db);
  return result.rows.map((row) => row.code);
}

/** The unit and its ancestors on `day`, nearest first (an ended unit climbs through its successor). */
export async function ancestorChainAt(db: Database, unitCode: string, day: string): Promise<string[]> {
  const result = await sql<{ code: string }>`
    with recursive up(code, depth) as (
      select ${unitCode}::text, 0
      union all
      select coalesce(
        (select v.parent_code from unit_versions v where v.code = up.code and ${inForce('v', day)}),
        (select u.successor_code from units u where u.code = up.code and u.valid_to <= ${day})
      ), up.depth + 1
      from up where up.code is not null and up.depth < 64
    )
    select code from up where code is not null order by depth`.execute(db);
  return result.rows.map((row) => row.code);
}

export async function insertUnits(db: Database, rows: { code: string; province_code: string; tier: UnitTier; valid_from: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('units').values(rows.slice(i, i + 1000)).execute();
}

export async function insertVersions(
  db: Database,
  rows: { code: string; valid_from: string; name: string; type: string; parent_code: string | null }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('unit_versions').values(rows.slice(i, i + 1000)).execute();
}

/** Ends the version of `code` in force on `day`; a version that starts that very day is removed instead. */
export async function closeVersionAt(db: Database, code: string, day: string): Promise<void> {
  await db.deleteFrom('unit_versions').where('code', '=', code).where('valid_from', '=', day).execute();
  await db
    .updateTable('unit_versions')
    .set({ valid_to: day })
    .where('code', '=', code)
    .where('valid_from', '<', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .execute();
}

export async function endUnit(db: Database, code: string, day: string, successorCode: string | null): Promise<void> {
  await db.updateTable('units').set({ valid_to: day, successor_code: successorCode }).where('code', '=', code).execute();
}

export async function insertOperation(
  db: Database,
  row: { kind: 'create' | 'rename' | 'move' | 'merge' | 'split' | 'import'; effective_date: string; unit_codes: string[]; detail: unknown; actor_user_id: string | null },
): Promise<void> {
  await db.insertInto('unit_operations').values({ ...row, detail: JSON.stringify(row.detail) }).execute();
}

export async function statisticKindCodes(db: Database): Promise<string[]> {
  const rows = await db.selectFrom('statistic_kinds').select('code').orderBy('code').execute();
  return rows.map((row) => row.code);
}

export async function upsertStatistics(
  db: Database,
  rows: { unit_code: string; kind: string; as_of: string; value: number; province_code: string; recorded_by?: string | null }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('unit_statistics')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['unit_code', 'kind', 'as_of', 'province_code']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), recorded_by: eb.ref('excluded.recorded_by'), recorded_at: sql`now()` })))
      .execute();
  }
}

/** Each unit's own latest value per kind on or before `day`. */
export async function latestStatistics(db: Database, codes: readonly string[], day: string): Promise<{ unit_code: string; kind: string; value: number }[]> {
  if (codes.length === 0) return [];
  const result = await sql<{ unit_code: string; kind: string; value: number }>`
    select distinct on (unit_code, kind) unit_code, kind, value
    from unit_statistics
    where unit_code = any(${codes as string[]}::text[]) and as_of <= ${day}
    order by unit_code, kind, as_of desc`.execute(db);
  return result.rows;
}

export async function countUnits(db: Database): Promise<number> {
  const row = await db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * For each code, the commune-level unit (or province) it belongs to in the latest tree, after
 * every recorded operation whatever its date: an ended unit climbs to its successor, a village
 * to its parent. Unknown codes are left out.
 */
export async function latestAreasOf(db: Database, codes: readonly string[]): Promise<{ code: string; area_code: string; province_code: string; valid_from: string }[]> {
  if (codes.length === 0) return [];
  const result = await sql<{ code: string; area_code: string; province_code: string; valid_from: string }>`
    with recursive climb(start, code, depth) as (
      select c, c, 0 from unnest(${[...codes]}::text[]) c
      union all
      select climb.start,
        coalesce(u.successor_code, (select v.parent_code from unit_versions v where v.code = u.code order by v.valid_from desc limit 1)),
        climb.depth + 1
      from climb join units u on u.code = climb.code
      where climb.depth < 64 and (u.successor_code is not null or u.tier = 'village')
    ),
    area as (
      select distinct on (start) start, code from climb where code is not null order by start, depth desc
    )
    select s.code, a.code as area_code, s.province_code, s.valid_from
    from area a join units s on s.code = a.start`.execute(db);
  return result.rows;
}

export async function provinceCodesOf(db: Database, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['code', 'province_code']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.province_code]));
}
