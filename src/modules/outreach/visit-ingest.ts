import { fastUuidV7 as uuidv7 } from '../../lib/fast-uuid.js';
import { AppError } from '../../errors.js';
import { canonicalInstant, instantMs } from '../../lib/calendar-text.js';
import { isDay, vietnamDay } from '../../lib/vietnam-day.js';
import { kindOpenTo, recordMilestones, type KindOwners, type MilestoneFact } from '../people/milestones.service.js';
import { issueForMilestones } from '../learning/certificates/certificates.service.js';
import { findHouseholdPlaces, findResidentPlaces, touchHouseholds, type Place } from '../people/people.service.js';
import * as q from './outreach.queries.js';
import { APPLIED, rejected, type ItemOutcome, type PendingItem, type SyncBatch } from './sync-batch.js';
import type { MilestoneItemData, VisitItemData } from './sync-items.schema.js';

/** What a batch looked up once for all its visits and milestones. */
export interface FactLookups {
  households: Map<string, Place>;
  residents: Map<string, Place & { householdId: string }>;
  /** Each kind's owning province (null: shared): a province's own kind is not another's to record. */
  kinds: KindOwners;
  skills: Set<string>;
  /** Whether each village of the households and residents found lies in the viewer's scope. */
  inScope: ReadonlyMap<string, boolean>;
}

export async function lookUpFacts(batch: SyncBatch, items: readonly PendingItem[]): Promise<FactLookups> {
  // Records locked at the start of the batch are known; only those created since are looked up.
  // The ids are checked as they come, without sets of them all: a batch names a thousand.
  const missingHouseholds = new Set<string>();
  const missingResidents = new Set<string>();
  const villages = new Set<string>();
  const household = (id: string) => {
    const place = batch.households.get(id);
    if (place) villages.add(place.villageCode);
    else missingHouseholds.add(id);
  };
  const resident = (id: string) => {
    const place = batch.residents.get(id);
    if (place) villages.add(place.villageCode);
    else missingResidents.add(id);
  };
  let needKinds = false;
  let needSkills = false;
  for (const { parsed } of items) {
    if (parsed.kind === 'visit') {
      const data = parsed.data;
      household(data.householdId);
      const present = data.peoplePresent ?? [];
      for (let j = 0; j < present.length; j++) resident(present[j]!);
      const help = data.help ?? [];
      for (let j = 0; j < help.length; j++) {
        resident(help[j]!.residentId);
        needSkills ||= help[j]!.skills !== undefined;
      }
      needKinds ||= help.length > 0;
      needSkills ||= (data.skillsTaught?.length ?? 0) > 0;
    } else if (parsed.kind === 'milestone') {
      resident(parsed.data.residentId);
      needKinds = true;
    }
  }
  for (const [id, place] of await findHouseholdPlaces(batch.trx, [...missingHouseholds])) {
    batch.households.set(id, place);
    villages.add(place.villageCode);
  }
  for (const [id, place] of await findResidentPlaces(batch.trx, [...missingResidents])) {
    batch.residents.set(id, place);
    villages.add(place.villageCode);
  }
  // The scope of every village found, asked once for the batch: each item is then checked without waiting.
  return {
    households: batch.households,
    residents: batch.residents,
    kinds: needKinds ? await batch.milestoneKinds() : new Map(),
    skills: needSkills ? await batch.skillCodes() : new Set(),
    inScope: await batch.scope.includesAll([...villages]),
  };
}

/** Checks a visit against what exists and the viewer's scope; answers its row and the milestones it gives. */
export function buildVisit(batch: SyncBatch, item: PendingItem, data: VisitItemData, look: FactLookups): { row: q.NewVisitRow; facts: MilestoneFact[] } {
  if (data.id !== undefined && data.id !== item.id) throw new AppError('VALIDATION_FAILED', 'data.id differs from the item id', 'id');
  const household = look.households.get(data.householdId);
  if (!household || !look.inScope.get(household.villageCode)) {
    throw new AppError('HOUSEHOLD_NOT_FOUND', `No household ${data.householdId} in scope`, 'householdId');
  }
  // Checked as an instant by the item's schema: read without Date's own parser.
  const visitedMs = instantMs(data.visitedAt);
  const visitedAt = new Date(visitedMs);
  if (!batch.notInFuture(visitedAt)) throw new AppError('VALIDATION_FAILED', 'visitedAt lies in the future', 'visitedAt');
  // Plain loops and no closures: a sync batch builds 500 visits, and a closure was garbage per visit.
  const peoplePresent = data.peoplePresent ?? [];
  for (let j = 0; j < peoplePresent.length; j++) {
    if (!livesIn(look, peoplePresent[j]!, household.villageCode)) throw new AppError('RESIDENT_NOT_FOUND', `No resident ${peoplePresent[j]} in the household's village`, `peoplePresent[${j}]`);
  }
  const skillsTaught = data.skillsTaught ?? [];
  for (let j = 0; j < skillsTaught.length; j++) {
    if (!look.skills.has(skillsTaught[j]!)) throw new AppError('SKILL_UNKNOWN', `No skill ${skillsTaught[j]}`, `skillsTaught[${j}]`);
  }
  const day = vietnamDay(visitedAt);
  const facts: MilestoneFact[] = [];
  const help = data.help ?? [];
  const seen = help.length > 4 ? new Set<string>() : null;
  for (let j = 0; j < help.length; j++) {
    const { residentId, milestone } = help[j]!;
    if (!livesIn(look, residentId, household.villageCode)) throw new AppError('RESIDENT_NOT_FOUND', `No resident ${residentId} in the household's village`, `help[${j}].residentId`);
    if (!kindOpenTo(look.kinds, milestone, household.provinceCode)) throw new AppError('MILESTONE_KIND_UNKNOWN', `No milestone kind ${milestone}`, `help[${j}].milestone`);
    const checked = confirmedSkills(help[j]!, j, look);
    if (isRepeat(facts, seen, residentId, milestone)) continue;
    const fact: MilestoneFact = {
      id: uuidv7(), residentId, kind: milestone, achievedOn: day, source: checked ? 'guided' : 'visit', visitId: item.id,
      villageCode: household.villageCode, provinceCode: household.provinceCode,
    };
    if (checked) fact.skills = checked;
    facts.push(fact);
  }
  const row: q.NewVisitRow = {
    id: item.id, household_id: household.id, village_code: household.villageCode, province_code: household.provinceCode,
    visited_at: canonicalInstant(data.visitedAt, visitedMs), day, people_present: distinct(peoplePresent), skills_taught: distinct(skillsTaught),
    outcome: data.outcome, notes: data.notes ?? null, supersedes: data.supersedes ?? null,
  };
  return { row, facts };
}

const livesIn = (look: FactLookups, residentId: string, villageCode: string) => look.residents.get(residentId)?.villageCode === villageCode;

/**
 * The same milestone twice for one person in one visit counts once. A long list (up to 200) is
 * checked through `seen`; the usual one or two entries by a scan of the facts made so far.
 */
function isRepeat(facts: readonly MilestoneFact[], seen: Set<string> | null, residentId: string, milestone: string): boolean {
  if (!seen) {
    for (const fact of facts) if (fact.residentId === residentId && fact.kind === milestone) return true;
    return false;
  }
  const key = `${residentId}/${milestone}`;
  if (seen.has(key)) return true;
  seen.add(key);
  return false;
}

/** A list without repeats, in first-seen order; a list of one or none is the list itself (the request's, read only from here on). */
function distinct(list: readonly string[]): string[] {
  return list.length < 2 ? (list as string[]) : [...new Set(list)];
}

/** The milestone kind that carries the skills checked during a visit. */
export const SKILLS_CONFIRMED = 'skills_confirmed';

/** The skills checked for "skills confirmed (guided)": known skills, and only with that milestone. */
function confirmedSkills(help: { milestone: string; skills?: string[] }, j: number, look: FactLookups): string[] | undefined {
  if (help.skills === undefined) return undefined;
  if (help.milestone !== SKILLS_CONFIRMED) throw new AppError('VALIDATION_FAILED', `skills go with the ${SKILLS_CONFIRMED} milestone only`, `help[${j}].skills`);
  help.skills.forEach((code, k) => {
    if (!look.skills.has(code)) throw new AppError('SKILL_UNKNOWN', `No skill ${code}`, `help[${j}].skills[${k}]`);
  });
  return [...new Set(help.skills)];
}

function buildMilestone(batch: SyncBatch, item: PendingItem, data: MilestoneItemData, look: FactLookups): MilestoneFact {
  if (data.id !== undefined && data.id !== item.id) throw new AppError('VALIDATION_FAILED', 'data.id differs from the item id', 'id');
  const resident = look.residents.get(data.residentId);
  if (!resident || !look.inScope.get(resident.villageCode)) {
    throw new AppError('RESIDENT_NOT_FOUND', `No resident ${data.residentId} in scope`, 'residentId');
  }
  if (!kindOpenTo(look.kinds, data.kind, resident.provinceCode)) throw new AppError('MILESTONE_KIND_UNKNOWN', `No milestone kind ${data.kind}`, 'kind');
  if (!isDay(data.achievedOn) || data.achievedOn > vietnamDay(new Date(batch.now.getTime() + 24 * 3600_000))) {
    throw new AppError('VALIDATION_FAILED', 'achievedOn is not a past day', 'achievedOn');
  }
  return {
    id: item.id, residentId: resident.id, kind: data.kind, achievedOn: data.achievedOn, source: data.source?.trim() || 'field_app',
    visitId: null, villageCode: resident.villageCode, provinceCode: resident.provinceCode,
  };
}

/**
 * Inserts live visits and adds them to their households' visited state, in one statement, and
 * moves the "households visited" and "households covered" counts: a household counts once, on the day of its earliest live visit
 * (guided visit). Households reached or covered for the first time, and those still to come
 * back to (their last try changed), go back into the change feed, so devices learn of it.
 */
export async function insertAndMarkVisited(batch: SyncBatch, rows: readonly q.NewVisitRow[]): Promise<void> {
  // Households created by this batch have no visited state yet: each is reached for the first time.
  const fresh = batch.takeWithoutVisitedState(rows.map((row) => row.household_id));
  const changes = await q.insertVisitsAndVisitedState(batch.trx, rows, { recordedBy: batch.viewer.id, deviceId: batch.deviceId }, [...fresh]);
  const touched: string[] = [];
  for (const change of changes) {
    moveFirstDay(batch, 'households_visited', change, change.previous_first_day, change.first_day);
    moveFirstDay(batch, 'households_covered', change, change.previous_first_guided_day, change.first_guided_day);
    const reached = change.previous_first_day === null && change.first_day !== null;
    const covered = change.previous_first_guided_day === null && change.first_guided_day !== null;
    if (reached || covered || change.first_guided_day === null) touched.push(change.household_id);
  }
  await touchHouseholds(batch.trx, batch.feed, touched);
}

/** Moves a household's count of `source` from the day it counted on to the day it counts on now. */
export function moveFirstDay(
  batch: Pick<SyncBatch, 'rollups'>, source: string, place: { village_code: string; province_code: string }, before: string | null, after: string | null,
): void {
  if (before === after) return;
  if (before !== null) batch.rollups.add(source, place.village_code, place.province_code, before, -1);
  if (after !== null) batch.rollups.add(source, place.village_code, place.province_code, after, 1);
}

/**
 * The common case in bulk: a run of new visits and milestones costs a fixed number of queries
 * (the visits with their visited state, one touch, the milestones),
 * whatever its length. Items that fail their checks are rejected; the others apply.
 */
export async function ingestFacts(batch: SyncBatch, items: readonly PendingItem[]): Promise<Map<number, ItemOutcome>> {
  const outcomes = new Map<number, ItemOutcome>();
  if (items.length === 0) return outcomes;
  const look = await lookUpFacts(batch, items);
  const visits: q.NewVisitRow[] = [];
  const facts: MilestoneFact[] = [];
  for (const item of items) {
    try {
      if (item.parsed.kind === 'visit') {
        const built = buildVisit(batch, item, item.parsed.data, look);
        visits.push(built.row);
        facts.push(...built.facts);
      } else if (item.parsed.kind === 'milestone') {
        facts.push(buildMilestone(batch, item, item.parsed.data, look));
      }
      outcomes.set(item.index, APPLIED);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes.set(item.index, rejected(error));
    }
  }
  if (visits.length === 0 && facts.length === 0) return outcomes;
  const villages = new Set<string>();
  for (const visit of visits) villages.add(visit.village_code);
  for (const fact of facts) villages.add(fact.villageCode);
  await batch.feed.hold(villages);
  for (const visit of visits) batch.rollups.add('visits', visit.village_code, visit.province_code, visit.day, 1);
  await insertAndMarkVisited(batch, visits);
  await recordMilestones(batch.trx, facts, batch.viewer.id, batch.feed, batch.rollups);
  // A guided confirmation of skills earns its certificate in the same transaction.
  await issueForMilestones(batch.trx, facts);
  return outcomes;
}
