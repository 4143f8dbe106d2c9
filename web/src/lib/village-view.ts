import { useLiveQuery } from './live-query';
import { db, readValue, type CachedHousehold, type CachedResident, type HouseholdVisitState, type OutboxItem, type ServerError } from './db';

export interface ResidentView extends CachedResident {
  /** Written on this device and not yet acknowledged by the server. */
  pending: boolean;
  error?: ServerError;
  /** Milestone kinds this person still lacks: what to help with next. */
  lacking: string[];
}

/** never: no visit yet; come_back: tried, nobody guided yet; covered: someone was guided. */
export type Coverage = 'never' | 'come_back' | 'covered';

export interface HouseholdView extends CachedHousehold {
  residents: ResidentView[];
  visited: boolean;
  coverage: Coverage;
  /** The last try of a household to come back to (also kept once covered). */
  lastTriedAt?: string | null;
  lastOutcome?: string | null;
  pending: boolean;
  error?: ServerError;
  /** The team leader assigned this household to the signed-in member. */
  assignedToMe: boolean;
}

export interface VillageView {
  households: HouseholdView[];
  visitedCount: number;
  counts: Record<Coverage, number>;
}

export interface VillageViewInput {
  villageCode: string;
  households: readonly CachedHousehold[];
  residents: readonly CachedResident[];
  /** The visited households and their state. */
  visited: readonly HouseholdVisitState[];
  /** The outbox in id (creation) order. */
  outbox: readonly OutboxItem[];
  milestoneKinds: readonly string[];
  /** Households the team leader assigned to this member (as of the last pull). */
  assigned?: readonly string[];
}

/** Where the last pull left the households assigned to the signed-in member of a village. */
export const assignedKey = (villageCode: string) => `assigned:${villageCode}`;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * What the worker sees: the copy pulled from the server with this device's unsent writes laid
 * over it, so their own work shows at once, online or not. Rejected records stay visible with
 * their error; rejected visits do not count as visits.
 */
export function buildVillageView(input: VillageViewInput): VillageView {
  const households = new Map<string, HouseholdView>();
  for (const h of input.households) {
    if (h.villageCode === input.villageCode) households.set(h.id, { ...h, residents: [], visited: false, coverage: 'never', pending: false, assignedToMe: false });
  }
  const residents = new Map<string, Omit<ResidentView, 'lacking'>>();
  for (const r of input.residents) residents.set(r.id, { ...r, milestones: [...r.milestones], pending: false });
  const states = new Map(input.visited.map((state) => [state.householdId, state]));

  for (const item of input.outbox) {
    const pending = item.state === 'pending';
    const data = item.data;
    if (item.kind === 'household' && data.villageCode === input.villageCode) {
      const id = String(data.id);
      const before = households.get(id);
      households.set(id, {
        ...before, id, villageCode: input.villageCode, label: String(data.label ?? before?.label ?? ''),
        address: text(data.address) ?? before?.address, headName: text(data.headName) ?? before?.headName,
        note: text(data.note) ?? before?.note, status: (data.status as HouseholdView['status']) ?? before?.status,
        revision: before?.revision, updatedAt: before?.updatedAt,
        residents: [], visited: false, coverage: 'never', pending, error: item.error, assignedToMe: false,
      });
    } else if (item.kind === 'resident') {
      const id = String(data.id);
      const before = residents.get(id);
      const nationalId = text(data.nationalId);
      residents.set(id, {
        ...before, id, householdId: String(data.householdId), fullName: String(data.fullName ?? before?.fullName ?? ''),
        birthYear: typeof data.birthYear === 'number' ? data.birthYear : before?.birthYear,
        sex: (data.sex as ResidentView['sex']) ?? before?.sex,
        groups: Array.isArray(data.groups) ? data.groups.map(String) : before?.groups ?? [],
        // The full number stays in the outbox only until it is sent; the screen shows 4 digits.
        nationalIdLast4: nationalId ? nationalId.slice(-4) : before?.nationalIdLast4,
        status: typeof data.sameAs === 'string' ? 'merged' : (data.status as ResidentView['status']) ?? before?.status,
        mergedInto: typeof data.sameAs === 'string' ? data.sameAs : before?.mergedInto,
        revision: before?.revision, updatedAt: before?.updatedAt,
        milestones: before?.milestones ?? [], pending, error: item.error,
      });
    } else if (item.kind === 'visit' && pending) {
      const householdId = String(data.householdId);
      states.set(householdId, afterTry(states.get(householdId), householdId, String(data.visitedAt ?? ''), String(data.outcome ?? '')));
      for (const help of (data.help as { residentId: string; milestone: string }[] | undefined) ?? []) {
        addMilestone(residents.get(help.residentId), help.milestone);
      }
    } else if (item.kind === 'milestone' && pending) {
      addMilestone(residents.get(String(data.residentId)), String(data.kind));
    }
  }

  for (const r of residents.values()) {
    households.get(r.householdId)?.residents.push({ ...r, lacking: input.milestoneKinds.filter((k) => !r.milestones.includes(k)) });
  }
  const list = [...households.values()];
  for (const id of input.assigned ?? []) {
    const household = households.get(id);
    if (household) household.assignedToMe = true;
  }
  const counts: Record<Coverage, number> = { never: 0, come_back: 0, covered: 0 };
  for (const h of list) {
    const state = states.get(h.id);
    h.visited = state !== undefined;
    // A copy pulled before coverage meant guided knows only "visited": to come back to until the next pull.
    h.coverage = state === undefined ? 'never' : state.status ?? 'come_back';
    h.lastTriedAt = state?.lastTriedAt;
    h.lastOutcome = state?.lastOutcome;
    // A household gone from the village is no door to knock on: it stays listed, uncounted.
    if (h.status !== 'gone') counts[h.coverage] += 1;
    h.residents.sort((a, b) => (a.birthYear ?? 9999) - (b.birthYear ?? 9999) || a.fullName.localeCompare(b.fullName, 'vi'));
  }
  list.sort((a, b) => a.label.localeCompare(b.label, 'vi', { numeric: true }));
  return { households: list, visitedCount: list.filter((h) => h.visited).length, counts };
}

/** A household's state after one more try: covered once someone is guided, else its latest try. */
export function afterTry(before: HouseholdVisitState | undefined, householdId: string, at: string, outcome: string): HouseholdVisitState {
  const later = !before?.lastTriedAt || Date.parse(at) >= Date.parse(before.lastTriedAt);
  return {
    householdId,
    status: outcome === 'guided' || before?.status === 'covered' ? 'covered' : 'come_back',
    lastTriedAt: later ? at : before?.lastTriedAt,
    lastOutcome: later ? outcome : before?.lastOutcome,
  };
}

function addMilestone(resident: { milestones: string[] } | undefined, kind: string): void {
  if (resident && !resident.milestones.includes(kind)) resident.milestones.push(kind);
}

/** Reads everything the view needs in one go; run inside a live query to follow every change. */
export async function loadVillageView(villageCode: string, userId: string, milestoneKinds: readonly string[]): Promise<VillageView> {
  const [households, residents, visited, outbox, assigned] = await Promise.all([
    db.households.where('villageCode').equals(villageCode).toArray(),
    db.residents.toArray(),
    db.visited.toArray(),
    db.outbox.where('userId').equals(userId).sortBy('id'),
    readValue<string[]>(assignedKey(villageCode)),
  ]);
  return buildVillageView({ villageCode, households, residents, visited, outbox, milestoneKinds, assigned });
}

/** The merged village, following every change to the copy and the outbox. */
export function useVillageView(villageCode: string, userId: string, milestoneKinds: readonly string[]): VillageView | undefined {
  const key = milestoneKinds.join(',');
  return useLiveQuery(() => loadVillageView(villageCode, userId, milestoneKinds), [villageCode, userId, key]);
}
