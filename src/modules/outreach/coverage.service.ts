import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import type { Language } from '../../i18n/index.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { recordAudit } from '../audit-log/audit-log.service.js';
import { listMilestoneKinds, MILESTONE_SOURCE_PREFIX } from '../people/milestones.service.js';
import { listResidentsLacking, type MissingResident } from '../people/people.public.js';
import { sumRollups } from '../rollups/rollups.service.js';
import { childSubtrees, getUnitsAt, getVisibleUnit, subtreeCodes, type Unit } from '../units/units.service.js';

interface Figures {
  households: number;
  /** Households with any live visit, guided or not. */
  householdsVisited: number;
  /** Households where someone was guided: what coverage means. */
  householdsCovered: number;
  /** Visited but not covered: the come-back list. */
  householdsToComeBack: number;
  rate: number;
}

export interface Coverage extends Figures {
  unit: Unit;
  date: string;
  residents: number;
  milestones: Record<string, number>;
  children: (Figures & { unit: Unit })[];
}

// A household is covered when someone in it was guided; a "not home", "refused" or "follow up"
// visit alone leaves it to come back to. A household recorded after its first visit would push
// the rate past 1 on some days; the counts stay as they are, the rate stops at 1.
const figures = (totals: Map<string, number>): Figures => {
  const households = totals.get('households') ?? 0;
  const householdsVisited = totals.get('households_visited') ?? 0;
  const householdsCovered = totals.get('households_covered') ?? 0;
  return {
    households, householdsVisited, householdsCovered, householdsToComeBack: householdsVisited - householdsCovered,
    rate: households > 0 ? Math.min(1, Math.round((householdsCovered / households) * 10_000) / 10_000) : 0,
  };
};

/**
 * Households covered ÷ households, residents and residents per milestone for a unit on a day,
 * with the same figures per child unit. Read from the rollups only: one query for the tree,
 * one for the counts, whatever the size of the unit.
 */
export async function getCoverage(db: Database, viewer: Viewer, code: string, options: { day?: string; lang: Language }): Promise<Coverage> {
  const day = options.day ?? vietnamDay();
  const unit = await getVisibleUnit(db, viewer, code, day, 'unit');
  const [codes, byChild, kinds] = [await subtreeCodes(db, code, day), await childSubtrees(db, code, day), await listMilestoneKinds(db, options.lang, unit.provinceCode)];
  const sums = await sumRollups(db, codes, { exact: ['households', 'households_visited', 'households_covered', 'residents'], prefix: MILESTONE_SOURCE_PREFIX }, day);

  const childOf = new Map<string, string>();
  for (const [child, members] of byChild) for (const member of members) childOf.set(member, child);
  const total = new Map<string, number>();
  const perChild = new Map<string, Map<string, number>>();
  for (const { unitCode, source, value } of sums) {
    total.set(source, (total.get(source) ?? 0) + value);
    const child = childOf.get(unitCode);
    if (child === undefined) continue;
    const sums = perChild.get(child) ?? new Map<string, number>();
    sums.set(source, (sums.get(source) ?? 0) + value);
    perChild.set(child, sums);
  }

  const children = (await getUnitsAt(db, [...byChild.keys()], day))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((child) => ({ unit: child, ...figures(perChild.get(child.code) ?? new Map()) }));
  return {
    unit,
    date: day,
    ...figures(total),
    residents: total.get('residents') ?? 0,
    milestones: Object.fromEntries(kinds.map((kind) => [kind.code, total.get(`${MILESTONE_SOURCE_PREFIX}${kind.code}`) ?? 0])),
    children,
  };
}

/** The residents of a village who still lack a milestone, household by household: the next doors to knock on. */
export async function getMissing(
  db: Database, viewer: Viewer, query: { village: string; milestone: string; after?: string; limit: number }, lang: Language,
): Promise<{ items: MissingResident[]; next: string | null }> {
  const unit = await getVisibleUnit(db, viewer, query.village, undefined, 'village');
  if (unit.tier !== 'village') throw new AppError('UNIT_NOT_VILLAGE', `${query.village} is not a village-level unit`, 'village');
  const kinds = await listMilestoneKinds(db, lang, unit.provinceCode);
  if (!kinds.some((kind) => kind.code === query.milestone)) throw new AppError('MILESTONE_KIND_UNKNOWN', `No kind ${query.milestone}`, 'milestone');
  const [householdId, residentId] = query.after?.split('.') ?? [];
  const after = householdId && residentId ? { householdId, residentId } : undefined;
  const page = await listResidentsLacking(db, query.village, query.milestone, after, query.limit);
  if (page.items.length > 0) {
    await recordAudit(db, { actorUserId: viewer.id, action: 'coverage.missing', unitCode: query.village, subject: query.milestone, detail: { records: page.items.length } });
  }
  return { items: page.items, next: page.next ? `${page.next.householdId}.${page.next.residentId}` : null };
}
