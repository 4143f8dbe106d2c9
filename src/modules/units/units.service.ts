import type { Database } from '../../db/database.js';
import { ReferenceCache } from '../../db/reference-cache.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { toPage, type Page } from '../../lib/page.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { canBeChildOf, tierOf } from './unit-types.js';
import { presentUnit, type Unit } from './units.presenter.js';
import * as q from './units.queries.js';

export type { Unit } from './units.presenter.js';

/** True when `unitCode` lies in the subtree of `scopeUnitCode` today (a null scope sees all). */
export async function isWithinScope(db: Database, scopeUnitCode: string | null, unitCode: string, day = vietnamDay()): Promise<boolean> {
  if (scopeUnitCode === null) return true;
  return (await ancestorCodes(db, unitCode, day)).includes(scopeUnitCode);
}

/** Of `codes`, those within the scope on `day` (isWithinScope for a batch, in one statement). */
export async function codesWithinScope(db: Database, scopeUnitCode: string | null, codes: readonly string[], day = vietnamDay()): Promise<Set<string>> {
  if (scopeUnitCode === null) return new Set(codes);
  return new Set(await q.codesUnder(db, scopeUnitCode, codes, day));
}

/** The root and every unit whose facts count for it on `day` (see subtreeCodesAt). */
export function subtreeCodes(db: Database, rootCode: string, day = vietnamDay()): Promise<string[]> {
  return q.subtreeCodesAt(db, rootCode, day);
}

/**
 * The root and the units under it on `day`, without the ended units absorbed into them: what the
 * unit itself and its units hold (their own records and reports), as against what counts for it.
 */
export async function liveSubtreeCodes(db: Database, rootCode: string, day = vietnamDay()): Promise<string[]> {
  return (await q.subtreeLinksAt(db, rootCode, day)).map((row) => row.code);
}

export interface SubtreeMember {
  code: string;
  tier: Unit['tier'];
  /** The parent on the day, for a unit in force; null for the root and for ended units. */
  parentCode: string | null;
  /** For a unit that had ended by the day: the unit its figures now count for. */
  successorCode: string | null;
  /** For a unit that had ended by the day: the day it ended (its successor's first day as such). */
  endedOn: string | null;
}

/**
 * Every unit whose figures count for `rootCode` on `day`, in one query: the units in force with
 * their parent and tier, and the ended units with their successor. Lets a caller attribute
 * facts of many units to the children of a unit without a query per unit.
 */
export function subtreeMembers(db: Database, rootCode: string, day = vietnamDay()): Promise<readonly SubtreeMember[]> {
  return subtrees.get(db, `${rootCode}|${day}`, async () => {
    const rows = await q.subtreeMembersAt(db, rootCode, day);
    return Object.freeze(rows.map((r) => ({ code: r.code, tier: r.tier, parentCode: r.parent_code, successorCode: r.successor_code, endedOn: r.valid_to })));
  });
}

/** Subtrees change only when the tree is edited: dashboards ask for the same few again and again. */
const subtrees = new ReferenceCache<readonly SubtreeMember[]>(['units']);

/** For each child of the root on `day`, the codes whose facts count for that child. */
export async function childSubtrees(db: Database, rootCode: string, day = vietnamDay()): Promise<Map<string, string[]>> {
  const byChild = new Map<string, string[]>();
  for (const row of await q.childSubtreeCodesAt(db, rootCode, day)) {
    const codes = byChild.get(row.child_code) ?? [];
    codes.push(row.code);
    byChild.set(row.child_code, codes);
  }
  return byChild;
}

/** Several units as they stood on `day` (those not in force then are left out). */
export async function getUnitsAt(db: Database, codes: readonly string[], day = vietnamDay()): Promise<Unit[]> {
  return (await q.findUnitsAt(db, codes, day)).map(presentUnit);
}

/** The unit and its ancestors on `day`, nearest first: where inherited settings are looked up. */
export function ancestorCodes(db: Database, code: string, day = vietnamDay()): Promise<readonly string[]> {
  return chains.get(db, `${code}|${day}`, async () => Object.freeze(await q.ancestorChainAt(db, code, day)));
}

export async function getUnit(db: Database, code: string, day = vietnamDay(), field = 'code'): Promise<Unit> {
  const unit = await unitsAt.get(db, `${code}|${day}`, async () => {
    const row = await q.findUnitAt(db, code, day);
    return row ? Object.freeze(presentUnit(row)) : null;
  });
  if (!unit) throw new AppError('UNIT_NOT_FOUND', `No unit ${code} on ${day}`, field);
  return unit;
}

/** getUnit for a batch of codes in one statement, by code; a code with no unit on `day` is absent. */
export async function getUnitsOn(db: Database, codes: readonly string[], day = vietnamDay()): Promise<Map<string, Unit>> {
  return new Map((await q.findLatestUnitsAt(db, codes, day)).map((row) => [row.code, presentUnit(row)]));
}

// Every request checks its unit and scope, and dashboards list the same children: kept until the tree changes.
const chains = new ReferenceCache<readonly string[]>(['units'], 512);
const unitsAt = new ReferenceCache<Unit | null>(['units'], 512);
const childrenAt = new ReferenceCache<readonly Unit[]>(['units']);

/** A unit the viewer may see; anything outside their scope answers exactly like a missing unit. */
export async function getVisibleUnit(db: Database, viewer: Viewer | null, code: string, day = vietnamDay(), field = 'code'): Promise<Unit> {
  if (viewer && !(await isWithinScope(db, viewer.scopeUnitCode, code))) {
    throw new AppError('UNIT_NOT_FOUND', `No unit ${code} on ${day}`, field);
  }
  return getUnit(db, code, day, field);
}

/** A unit that is in force on `day`, for operations that change it. */
export async function getActiveUnit(db: Database, viewer: Viewer | null, code: string, day: string, field: string): Promise<Unit> {
  const unit = await getVisibleUnit(db, viewer, code, day, field);
  if (unit.validTo !== null && unit.validTo <= day) {
    throw new AppError('UNIT_NOT_ACTIVE', `Unit ${code} ended on ${unit.validTo}`, field);
  }
  return unit;
}

export async function listChildren(
  db: Database,
  viewer: Viewer | null,
  code: string,
  options: { day?: string; after?: string; limit: number },
): Promise<Page<Unit>> {
  const day = options.day ?? vietnamDay();
  await getVisibleUnit(db, viewer, code, day);
  const rows = await q.listChildrenAt(db, code, day, options.after, options.limit + 1);
  return toPage(rows, options.limit, presentUnit, (unit) => unit.code);
}

/** Every child of a unit on a day, for internal use where the caller pages nothing out (a province has ~100). */
export function listAllChildren(db: Database, code: string, day = vietnamDay()): Promise<readonly Unit[]> {
  return childrenAt.get(db, `${code}|${day}`, async () =>
    Object.freeze((await q.listChildrenAt(db, code, day, undefined, 100_000)).map((row) => Object.freeze(presentUnit(row)))));
}

export interface NewUnit {
  code: string;
  name: string;
  type: string;
  parentCode: string | null;
  validFrom: string;
}

/** Checks a unit that is about to be created and answers its tier and province. */
export async function checkNewUnit(db: Database, viewer: Viewer | null, input: NewUnit, field = ''): Promise<{ tier: Unit['tier']; provinceCode: string }> {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const tier = tierOf(input.type);
  if (!tier) throw new AppError('VALIDATION_FAILED', `Unknown unit type "${input.type}"`, at('type'));
  if ((await q.existingCodes(db, [input.code])).size > 0) {
    throw new AppError('UNIT_CODE_TAKEN', `Unit code ${input.code} is taken`, at('code'));
  }
  if (input.parentCode === null) {
    if (viewer && viewer.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an administrator creates provinces', at('parentCode'));
    if (tier !== 'province') throw new AppError('UNIT_OPERATION_INVALID', 'Only a province stands without a parent', at('parentCode'));
    return { tier, provinceCode: input.code };
  }
  const parent = await getActiveUnit(db, viewer, input.parentCode, input.validFrom, at('parentCode'));
  if (!canBeChildOf(tier, parent.tier)) {
    throw new AppError('UNIT_PARENT_TIER_INVALID', `A ${tier} cannot stand under a ${parent.tier}`, at('parentCode'));
  }
  return { tier, provinceCode: parent.provinceCode };
}

export async function createUnit(db: Database, input: NewUnit, actorId: string | null, viewer: Viewer | null = null): Promise<Unit> {
  const { tier, provinceCode } = await checkNewUnit(db, viewer, input);
  await q.insertUnits(db, [{ code: input.code, province_code: provinceCode, tier, valid_from: input.validFrom }]);
  await q.insertVersions(db, [{ code: input.code, valid_from: input.validFrom, name: input.name.trim(), type: input.type.trim().toLowerCase(), parent_code: input.parentCode }]);
  await q.insertOperation(db, { kind: 'create', effective_date: input.validFrom, unit_codes: [input.code], detail: { parentCode: input.parentCode }, actor_user_id: actorId });
  return getUnit(db, input.code, input.validFrom);
}

/** The statistic kinds units can carry (population, adults, cadres…): data, not code. */
export function statisticKindCodes(db: Database): Promise<string[]> {
  return q.statisticKindCodes(db);
}

/** The provinces in force on a day. */
export async function listProvinces(db: Database, day = vietnamDay()): Promise<Unit[]> {
  return (await q.listRootsAt(db, day)).map(presentUnit);
}

export function countUnits(db: Database): Promise<number> {
  return q.countUnits(db);
}

/** Where a unit's counts are kept summed: its commune-level unit (or province) in the latest tree. */
export interface UnitArea {
  code: string;
  areaCode: string;
  provinceCode: string;
  /** When the unit came into force: it had no figures before. */
  validFrom: string;
}

/**
 * The area of each code in the latest tree, every recorded operation applied whatever its
 * date, so the answer changes only when the tree is edited, never as days pass.
 */
export async function latestAreas(db: Database, codes: readonly string[]): Promise<UnitArea[]> {
  return (await q.latestAreasOf(db, codes)).map((r) => ({ code: r.code, areaCode: r.area_code, provinceCode: r.province_code, validFrom: r.valid_from }));
}

/** The province of a unit, which never changes, whatever the day; null for an unknown code. */
export async function provinceCodeOf(db: Database, code: string): Promise<string | null> {
  // Kept for good once known: a unit never changes province and is never deleted.
  const known = provinces.get(db) ?? new Map<string, string>();
  provinces.set(db, known);
  const cached = known.get(code);
  if (cached !== undefined) return cached;
  const found = (await q.provinceCodesOf(db, [code])).get(code) ?? null;
  if (found !== null && !db.isTransaction) known.set(code, found);
  return found;
}

const provinces = new WeakMap<Database, Map<string, string>>();
