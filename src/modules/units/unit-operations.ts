import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { addDays } from '../../lib/vietnam-day.js';
import { canBeChildOf, tierOf } from './unit-types.js';
import * as q from './units.queries.js';
import { carryStatisticsForward } from './unit-statistics.js';
import { checkNewUnit, createUnit, getActiveUnit, getUnit, type Unit } from './units.service.js';

/**
 * Reorganisations of the tree. Each takes an effective day, closes the versions in force then
 * and opens new ones, so any question asked about an earlier day still sees the old tree.
 * Operations go forward in time: one dated before a later change of the same unit is refused.
 * Callers run them inside a transaction.
 */

const invalid = (detail: string, field: string) => new AppError('UNIT_OPERATION_INVALID', detail, field);

async function refuseIfOvertaken(db: Database, codes: string[], day: string): Promise<void> {
  if ((await q.countVersionsAfter(db, codes, day)) > 0) {
    throw new AppError('UNIT_CHANGE_OVERTAKEN', `A later change of ${codes.join(', ')} already exists`, 'effectiveDate');
  }
}

/** A unit ends the day before `day`, so it must have come into force before it: a unit lasts a day at least. */
function refuseIfStartingOn(units: readonly Unit[], day: string): void {
  const fresh = units.filter((u) => u.validFrom >= day);
  if (fresh.length > 0) throw new AppError('UNIT_STARTS_THAT_DAY', `${fresh.map((u) => u.code).join(', ')} came into force on ${day}: it cannot end that day`, 'effectiveDate');
}

/** Replaces the version of `unit` in force on `day` by one with the given changes. */
async function reviseVersion(db: Database, unit: Unit, day: string, changes: { name?: string; type?: string; parentCode?: string | null }) {
  await q.closeVersionAt(db, unit.code, day);
  await q.insertVersions(db, [{
    code: unit.code,
    valid_from: day,
    name: changes.name?.trim() ?? unit.name,
    type: changes.type?.trim().toLowerCase() ?? unit.type,
    parent_code: changes.parentCode === undefined ? unit.parentCode : changes.parentCode,
  }]);
}

export async function renameUnit(
  db: Database, viewer: Viewer | null, code: string,
  input: { name: string; type?: string; effectiveDate: string }, actorId: string | null,
): Promise<Unit> {
  const unit = await getActiveUnit(db, viewer, code, input.effectiveDate, 'code');
  if (input.type !== undefined && tierOf(input.type) !== unit.tier) {
    throw new AppError('UNIT_TIER_MISMATCH', `Type "${input.type}" is not a ${unit.tier} type`, 'type');
  }
  await refuseIfOvertaken(db, [code], input.effectiveDate);
  await reviseVersion(db, unit, input.effectiveDate, { name: input.name, type: input.type });
  await q.insertOperation(db, { kind: 'rename', effective_date: input.effectiveDate, unit_codes: [code], detail: { from: unit.name, to: input.name }, actor_user_id: actorId });
  return getUnit(db, code, input.effectiveDate);
}

export async function moveUnit(
  db: Database, viewer: Viewer | null, code: string,
  input: { parentCode: string; effectiveDate: string }, actorId: string | null,
): Promise<Unit> {
  const day = input.effectiveDate;
  const unit = await getActiveUnit(db, viewer, code, day, 'code');
  const parent = await getActiveUnit(db, viewer, input.parentCode, day, 'parentCode');
  if (await q.isUnderOrEqual(db, code, parent.code, day)) {
    throw new AppError('UNIT_MOVE_CYCLE', `${parent.code} lies under ${code}: the move would make a cycle`, 'parentCode');
  }
  if (!canBeChildOf(unit.tier, parent.tier)) throw new AppError('UNIT_PARENT_TIER_INVALID', `A ${unit.tier} cannot stand under a ${parent.tier}`, 'parentCode');
  // The province code is the distribution key of every fact table; a unit never changes province.
  if (parent.provinceCode !== unit.provinceCode) throw new AppError('UNIT_OTHER_PROVINCE', 'A unit cannot move to another province', 'parentCode');
  await refuseIfOvertaken(db, [code], day);
  await reviseVersion(db, unit, day, { parentCode: parent.code });
  await q.insertOperation(db, { kind: 'move', effective_date: day, unit_codes: [code], detail: { from: unit.parentCode, to: parent.code }, actor_user_id: actorId });
  return getUnit(db, code, day);
}

/** Moves every child of `from` in force on `day` under `to`, or under the target `assign` names. */
async function moveChildren(db: Database, from: string, day: string, assign: (child: Unit) => string): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const rows = await q.listChildrenAt(db, from, day, after, 1000);
    if (rows.length === 0) return;
    for (const row of rows) {
      const child = await getUnit(db, row.code, day);
      const target = assign(child);
      if (target !== from) await reviseVersion(db, child, day, { parentCode: target });
    }
    after = rows.at(-1)?.code;
  }
}

export interface MergeInput {
  sources: string[];
  /** The unit that continues: an existing unit in force (one of the sources or not), or a new one. */
  into: { code: string; name?: string; type?: string; parentCode?: string };
  effectiveDate: string;
}

/** Several units become one: the others end, their children and their figures pass to the successor. */
export async function mergeUnits(db: Database, viewer: Viewer | null, input: MergeInput, actorId: string | null): Promise<Unit> {
  const day = input.effectiveDate;
  if (new Set(input.sources).size !== input.sources.length) throw invalid('A source is listed twice', 'sources');
  const sources: Unit[] = [];
  for (const [i, code] of input.sources.entries()) sources.push(await getActiveUnit(db, viewer, code, day, `sources[${i}]`));
  const tier = sources[0]!.tier;
  if (sources.some((s) => s.tier !== tier)) throw new AppError('UNIT_TIER_MISMATCH', 'Only units of the same tier merge', 'sources');
  if (tier === 'province' && viewer && viewer.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an administrator merges provinces', 'sources');
  if (sources.some((s) => s.provinceCode !== sources[0]!.provinceCode) && tier !== 'province') {
    throw new AppError('UNIT_OTHER_PROVINCE', 'Units of different provinces cannot merge', 'sources');
  }

  const existing = (await q.existingCodes(db, [input.into.code])).get(input.into.code);
  let successor: Unit;
  if (existing) {
    successor = await getActiveUnit(db, viewer, input.into.code, day, 'into.code');
    if (successor.tier !== tier) throw new AppError('UNIT_TIER_MISMATCH', 'The successor must be of the same tier', 'into.code');
    for (const source of sources) {
      if (source.code !== successor.code && (await q.isUnderOrEqual(db, source.code, successor.code, day))) {
        throw new AppError('UNIT_MOVE_CYCLE', `${successor.code} lies under ${source.code}: the merge would make a cycle`, 'into.code');
      }
    }
    if (input.into.name || input.into.type) {
      await refuseIfOvertaken(db, [successor.code], day);
      await reviseVersion(db, successor, day, { name: input.into.name, type: input.into.type });
    }
  } else {
    const parents = new Set(sources.map((s) => s.parentCode));
    const parentCode = input.into.parentCode ?? (parents.size === 1 ? sources[0]!.parentCode : undefined);
    if (parentCode === undefined) throw invalid('The sources have different parents: name the successor parent', 'into.parentCode');
    if (!input.into.name || !input.into.type) throw invalid('A new successor needs a name and a type', input.into.name ? 'into.type' : 'into.name');
    const created = { code: input.into.code, name: input.into.name, type: input.into.type, parentCode, validFrom: day };
    const checked = await checkNewUnit(db, viewer, created, 'into');
    if (checked.tier !== tier) throw new AppError('UNIT_TIER_MISMATCH', 'The successor must be of the same tier', 'into.type');
    successor = await createUnit(db, created, actorId);
  }

  const ending = sources.filter((s) => s.code !== successor.code);
  if (ending.length === 0) throw invalid('Nothing to merge', 'sources');
  refuseIfStartingOn(ending, day);
  await refuseIfOvertaken(db, ending.map((s) => s.code), day);
  await carryStatisticsForward(db, [...ending, ...(existing ? [successor] : [])].map((u) => u.code), successor, addDays(day, -1), day);
  for (const source of ending) {
    await moveChildren(db, source.code, day, () => successor.code);
    await q.closeVersionAt(db, source.code, day);
    await q.endUnit(db, source.code, day, successor.code);
  }
  await q.insertOperation(db, { kind: 'merge', effective_date: day, unit_codes: [...ending.map((s) => s.code), successor.code], detail: { into: successor.code }, actor_user_id: actorId });
  return getUnit(db, successor.code, day);
}

export interface SplitInput {
  /** The units that share the old one's area; one of them may be the old unit itself, which then continues. */
  successors: { code: string; name?: string; type?: string }[];
  /** Where each child of the old unit goes: child code → successor code. */
  children: Record<string, string>;
  /** The successor that takes the figures recorded on the old unit itself. */
  factsTo: string;
  effectiveDate: string;
}

/** One unit becomes several. Every child must be given a successor, so no unit is left orphaned. */
export async function splitUnit(db: Database, viewer: Viewer | null, code: string, input: SplitInput, actorId: string | null): Promise<Unit[]> {
  const day = input.effectiveDate;
  const unit = await getActiveUnit(db, viewer, code, day, 'code');
  const successorCodes = input.successors.map((s) => s.code);
  if (new Set(successorCodes).size !== successorCodes.length) throw invalid('A successor is listed twice', 'successors');
  if (!successorCodes.includes(input.factsTo)) throw invalid('factsTo must name one of the successors', 'factsTo');
  const continues = successorCodes.includes(code);
  if (successorCodes.length < 2) throw invalid('A split needs at least two successors', 'successors');

  for (const [child, target] of Object.entries(input.children)) {
    if (!successorCodes.includes(target)) throw invalid(`Child ${child} is sent to ${target}, which is not a successor`, `children.${child}`);
  }
  const unassigned: string[] = [];
  let after: string | undefined;
  for (;;) {
    const rows = await q.listChildrenAt(db, code, day, after, 1000);
    if (rows.length === 0) break;
    for (const row of rows) if (!(row.code in input.children) && !continues) unassigned.push(row.code);
    after = rows.at(-1)?.code;
  }
  if (unassigned.length > 0) throw new AppError('UNIT_CHILDREN_UNASSIGNED', `Children without a successor would be orphaned: ${unassigned.join(', ')}`, 'children');
  for (const child of Object.keys(input.children)) {
    const row = await q.findUnitAt(db, child, day);
    if (!row || row.parent_code !== code || (row.version_to !== null && row.version_to <= day)) {
      throw invalid(`${child} is not a child of ${code} on ${day}`, `children.${child}`);
    }
  }

  if (!continues) refuseIfStartingOn([unit], day);
  await refuseIfOvertaken(db, [code, ...Object.keys(input.children)], day);
  const created: Unit[] = [];
  for (const [i, s] of input.successors.entries()) {
    if (s.code === code) continue;
    if (!s.name || !s.type) throw invalid('A new successor needs a name and a type', `successors[${i}].${s.name ? 'type' : 'name'}`);
    const fresh = { code: s.code, name: s.name, type: s.type, parentCode: unit.parentCode, validFrom: day };
    const checked = await checkNewUnit(db, viewer, fresh, `successors[${i}]`);
    if (checked.tier !== unit.tier) throw new AppError('UNIT_TIER_MISMATCH', 'A successor must be of the same tier', `successors[${i}].type`);
    created.push(await createUnit(db, fresh, actorId));
  }
  await moveChildren(db, code, day, (child) => input.children[child.code] ?? code);
  if (!continues) {
    await q.closeVersionAt(db, code, day);
    await q.endUnit(db, code, day, input.factsTo);
  }
  await q.insertOperation(db, { kind: 'split', effective_date: day, unit_codes: [code, ...created.map((u) => u.code)], detail: { factsTo: input.factsTo, children: input.children }, actor_user_id: actorId });
  return Promise.all(successorCodes.map((c) => getUnit(db, c, day)));
}
