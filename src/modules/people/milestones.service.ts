import type { Database } from '../../db/database.js';
import { sqlStateOf, SQLSTATE } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import type { Language } from '../../i18n/index.js';
import type { RollupDeltas } from '../rollups/rollups.service.js';
import * as mq from './milestones.queries.js';
import * as q from './people.queries.js';
import type { ChangeFeedLocks } from './record-writes.js';

/** The rollup source counting distinct residents who hold a milestone kind. */
/** The count's source of a kind, kept per kind: a sync batch names the same few kinds for hundreds of facts. */
const sources = new Map<string, string>();
export function milestoneSource(kind: string): string {
  let source = sources.get(kind);
  if (source === undefined) {
    source = `milestone:${kind}`;
    // Kinds are data an officer adds: bounded all the same.
    if (sources.size >= 1024) sources.clear();
    sources.set(kind, source);
  }
  return source;
}
export const MILESTONE_SOURCE_PREFIX = 'milestone:';

export interface MilestoneKind {
  code: string;
  name: string;
  sort: number;
  /** Null: shared by every province; else the one province that owns the kind and alone sees it. */
  provinceCode: string | null;
}

const present = (row: mq.MilestoneKindRow, lang: Language): MilestoneKind => ({
  code: row.code, name: lang === 'en' ? row.name_en : row.name_vi, sort: row.sort, provinceCode: row.province_code,
});

/**
 * The kinds in use in a province (the shared ones and its own), in display order, named in the
 * caller's language; every province's when `provinceCode` is null (the administrator).
 */
export async function listMilestoneKinds(db: Database, lang: Language, provinceCode: string | null): Promise<MilestoneKind[]> {
  return (await mq.selectMilestoneKinds(db, provinceCode ?? undefined)).map((row) => present(row, lang));
}

/** Every active kind, whichever province owns it: what an indicator formula may name. */
export async function activeMilestoneKindCodes(db: Database): Promise<Set<string>> {
  return new Set((await mq.selectMilestoneKinds(db)).map((row) => row.code));
}

/** Each active kind's owner: null for a shared kind, else its province. */
export type KindOwners = ReadonlyMap<string, string | null>;

export async function milestoneKindOwners(db: Database): Promise<KindOwners> {
  return new Map((await mq.selectMilestoneKinds(db)).map((row) => [row.code, row.province_code]));
}

/** Whether a resident of `provinceCode` may reach this kind: it is shared, or that province's own. */
export function kindOpenTo(owners: KindOwners, code: string, provinceCode: string): boolean {
  if (!owners.has(code)) return false;
  const owner = owners.get(code);
  return owner === null || owner === provinceCode;
}

export interface NewMilestoneKind {
  code: string;
  nameVi: string;
  nameEn: string;
  sort?: number;
}

/**
 * Kinds are data: an officer adds one and the field app offers it at its next start. Codes are
 * unique across provinces, so a count named by a code never mixes two provinces' kinds.
 */
export async function createMilestoneKind(
  db: Database, input: NewMilestoneKind, owner: { provinceCode: string | null; createdBy: string | null }, lang: Language,
): Promise<MilestoneKind> {
  if (await mq.selectMilestoneKind(db, input.code)) throw new AppError('MILESTONE_KIND_TAKEN', `Kind ${input.code} exists`, 'code');
  const sort = input.sort ?? (await mq.selectMaxKindSort(db)) + 10;
  try {
    await mq.insertMilestoneKind(db, {
      code: input.code, name_vi: input.nameVi.trim(), name_en: input.nameEn.trim(), sort, province_code: owner.provinceCode, created_by: owner.createdBy,
    });
  } catch (error) {
    if (sqlStateOf(error) === SQLSTATE.UNIQUE_VIOLATION) throw new AppError('MILESTONE_KIND_TAKEN', `Kind ${input.code} exists`, 'code');
    throw error;
  }
  const row = await mq.selectMilestoneKind(db, input.code);
  return present(row!, lang);
}

/** One milestone fact: a resident reached `kind` on `achievedOn`. Facts are never changed, only superseded. */
export interface MilestoneFact {
  id: string;
  residentId: string;
  kind: string;
  achievedOn: string;
  source: string;
  visitId: string | null;
  villageCode: string;
  provinceCode: string;
  /** The skills checked, for "skills confirmed (guided)". */
  skills?: readonly string[];
}

/**
 * Records facts in bulk (one statement for the facts and the kinds held, one touch) and adds to the counts:
 * a resident counts once per kind, on the earliest day of a live fact.
 */
export async function recordMilestones(
  trx: Database, facts: readonly MilestoneFact[], recordedBy: string | null, feed: ChangeFeedLocks, rollups: RollupDeltas,
): Promise<void> {
  if (facts.length === 0) return;
  await feed.hold(facts.map((f) => f.villageCode));
  // Residents created by this transaction hold nothing yet: every kind is a gain, with nothing to merge.
  const fresh = feed.takeWithoutHeldKinds(facts.map((f) => f.residentId));
  const changes = await mq.insertMilestonesAndHeldKinds(trx, facts.map((f) => ({
    id: f.id, resident_id: f.residentId, kind: f.kind, achieved_on: f.achievedOn, source: f.source, visit_id: f.visitId,
    unit_code: f.villageCode, province_code: f.provinceCode, skills: f.skills ? [...f.skills] : null,
  })), recordedBy, [...fresh]);
  const gained = new Set<string>();
  for (const change of changes) {
    if (change.previous_first_on === change.first_on) continue;
    const source = milestoneSource(change.kind);
    if (change.previous_first_on === null) gained.add(change.resident_id);
    else rollups.add(source, change.village_code, change.province_code, change.previous_first_on, -1);
    rollups.add(source, change.village_code, change.province_code, change.first_on, 1);
  }
  // A resident the transaction created or touched already is in the feed with what it holds now.
  await q.touchResidents(trx, feed.needingTouch(gained));
}

/**
 * Supersedes the facts a corrected visit gave, then sets what those residents hold from the
 * remaining facts and moves the counts accordingly.
 */
export async function retractVisitMilestones(trx: Database, visitId: string, byId: string, feed: ChangeFeedLocks, rollups: RollupDeltas): Promise<void> {
  const touched = await mq.supersedeVisitMilestones(trx, visitId, byId);
  if (touched.length === 0) return;
  await resummariseHeldKinds(trx, touched, feed, rollups);
}

/**
 * Two records of one person become one: every fact of `fromId` moves to `toId`, and what both
 * hold is set again from the facts, so a kind both held counts once, on its earliest day.
 */
export async function moveMilestones(trx: Database, fromId: string, toId: string, feed: ChangeFeedLocks, rollups: RollupDeltas): Promise<void> {
  const kinds = await mq.moveMilestoneFacts(trx, fromId, toId);
  if (kinds.length === 0) return;
  await resummariseHeldKinds(trx, kinds.flatMap((kind) => [{ resident_id: fromId, kind }, { resident_id: toId, kind }]), feed, rollups);
  await q.touchResidents(trx, feed.needingTouch([toId]));
}

/** Sets what these residents hold of these kinds from the live facts, and moves the counts accordingly. */
async function resummariseHeldKinds(
  trx: Database, touched: readonly { resident_id: string; kind: string }[], feed: ChangeFeedLocks, rollups: RollupDeltas,
): Promise<void> {
  const pairs = [...new Map(touched.map((p) => [`${p.resident_id}/${p.kind}`, p])).values()];
  feed.takeWithoutHeldKinds(pairs.map((p) => p.resident_id));
  const before = await mq.selectHeldKindsForUpdate(trx, pairs);
  const after = await mq.summariseLiveFacts(trx, pairs);
  await feed.hold(before.map((row) => row.village_code));
  await mq.replaceHeldKinds(trx, pairs, after);
  const afterByKey = new Map(after.map((row) => [`${row.resident_id}/${row.kind}`, row]));
  const beforeKeys = new Set(before.map((row) => `${row.resident_id}/${row.kind}`));
  const lost = new Set<string>();
  for (const old of before) {
    const now = afterByKey.get(`${old.resident_id}/${old.kind}`);
    if (now?.first_on === old.first_on && now.village_code === old.village_code) continue;
    const source = milestoneSource(old.kind);
    rollups.add(source, old.village_code, old.province_code, old.first_on, -1);
    if (now) rollups.add(source, now.village_code, now.province_code, now.first_on, 1);
    else lost.add(old.resident_id);
  }
  // A pair held only after (facts moved in from another record) is a gain.
  for (const now of after) {
    if (!beforeKeys.has(`${now.resident_id}/${now.kind}`)) rollups.add(milestoneSource(now.kind), now.village_code, now.province_code, now.first_on, 1);
  }
  await q.touchResidents(trx, feed.needingTouch(lost));
}
