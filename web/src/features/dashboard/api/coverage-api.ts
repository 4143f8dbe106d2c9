import { apiFetch } from '../../../lib/api';
import type { Unit } from './dashboard-api';

/** The shapes of the door-to-door coverage routes (src/modules/outreach/coverage.schema.ts). */
export interface CoverageFigures {
  households: number;
  householdsVisited: number;
  householdsCovered: number;
  householdsToComeBack: number;
  rate: number;
}
export interface Coverage extends CoverageFigures {
  unit: Unit;
  date: string;
  residents: number;
  milestones: Record<string, number>;
  children: (CoverageFigures & { unit: Unit })[];
}
export interface MissingPerson {
  id: string; householdId: string; householdLabel: string; fullName: string; birthYear: number | null; sex: string | null; groups: string[];
}
export interface MilestoneKind { code: string; name: string; sort: number }

interface Call { language: string; signal?: AbortSignal }
const enc = encodeURIComponent;

export const fetchCoverage = (unit: string, call: Call) => apiFetch<Coverage>(`/api/coverage?unit=${enc(unit)}`, call);
export const fetchMilestoneKinds = (call: Call) => apiFetch<{ items: MilestoneKind[] }>('/api/milestone-kinds', call);
/** Names of a village's residents who lack a milestone: a read of people's data, recorded in the audit log by the server. */
export const fetchMissing = (village: string, milestone: string, after: string | null, call: Call) =>
  apiFetch<{ items: MissingPerson[]; next: string | null }>(`/api/coverage/missing?village=${enc(village)}&milestone=${enc(milestone)}&limit=200${after ? `&after=${enc(after)}` : ''}`, call);

/** Households never visited: those with no live visit at all. */
export const neverVisited = (figures: CoverageFigures) => Math.max(0, figures.households - figures.householdsVisited);
