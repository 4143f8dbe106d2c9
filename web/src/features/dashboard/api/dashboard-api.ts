import { apiFetch } from '../../../lib/api';
import type { IndicatorFigure, Status, Tier } from '../../../lib/progress-types';

/** The shapes of the progress routes (src/modules/targets/progress*.schema.ts) the dashboard reads. */
export type { Status, Tier };

export interface Unit {
  code: string;
  name: string;
  type: string;
  tier: Tier;
  parentCode: string | null;
  provinceCode: string;
}

/** The shared figure, and for officers how it is heading. */
export interface IndicatorProgress extends IndicatorFigure {
  projected: number | null;
  neededPerWeek: number | null;
  gap: number | null;
}

export interface UnitProgress {
  unit: Unit;
  day: string;
  indicators: IndicatorProgress[];
  openDifficulties: number;
}

/** An indicator's figures for one child, without the heading its answer gives once. */
export type IndicatorStanding = Omit<IndicatorProgress, 'name' | 'unitLabel' | 'percent'>;

export interface ChildProgress {
  unit: Unit;
  day: string;
  indicators: IndicatorStanding[];
  openDifficulties: number;
}

/** The children's figures: the indicators' headings once, each child's standings in their order. */
export interface ChildrenProgress {
  unit: Unit;
  day: string;
  indicators: Pick<IndicatorProgress, 'code' | 'name' | 'unitLabel' | 'percent'>[];
  children: ChildProgress[];
}

export interface SeriesPoint {
  day: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export interface ProgressSeries {
  indicator: { code: string; name: string; unitLabel: string; percent: boolean };
  from: string;
  to: string;
  target: number | null;
  deadline: string | null;
  status: Status;
  projected: number | null;
  points: SeriesPoint[];
}

export interface TeamScore {
  teamId: string;
  name: string;
  unitCode: string;
  unitName: string;
  activeMembers: number;
  visits: number;
  householdsVisited: number;
  milestones: number;
}

export interface TeamLeaderboard {
  teams: number;
  items: TeamScore[];
}

export interface Difficulty {
  id: string;
  unitCode: string;
  category: string;
  description: string;
  status: 'open' | 'assigned' | 'answered' | 'closed';
  reportedAt: string;
}

const q = (params: Record<string, string | undefined>) => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, value);
  return query.toString();
};

interface Call {
  language: string;
  signal?: AbortSignal;
}

export const fetchRoots = (call: Call) => apiFetch<{ items: Unit[] }>('/api/progress/roots', call);
export const fetchUnit = (code: string, call: Call) => apiFetch<Unit>(`/api/units/${encodeURIComponent(code)}`, call);
/**
 * A unit's figures, and since when they are current (ISO): the time they were read, or on a
 * lagging read replica the time of the last change it has; null when the replica cannot tell.
 */
export interface ProgressAnswer extends UnitProgress {
  figuresAt: string | null;
}

export const fetchProgress = (unit: string, call: Call) => apiFetch<ProgressAnswer>(`/api/progress?${q({ unit })}`, call);
export const fetchChildren = (unit: string, call: Call) => apiFetch<ChildrenProgress>(`/api/progress/children?${q({ unit })}`, call);
export const fetchSeries = (unit: string, indicator: string, call: Call) =>
  apiFetch<ProgressSeries>(`/api/progress/series?${q({ unit, indicator, step: 'week' })}`, call);
export const fetchVersion = (unit: string, call: Call) => apiFetch<{ version: string }>(`/api/progress/version?${q({ unit })}`, call);
export const fetchTeams = (unit: string, from: string | undefined, call: Call) =>
  apiFetch<TeamLeaderboard>(`/api/progress/teams?${q({ unit, from, limit: '10' })}`, call);

/** Difficulties not closed yet in the unit's subtree, newest first. */
export const fetchOpenDifficulties = (unit: string, call: Call) =>
  apiFetch<{ items: Difficulty[]; next: string | null }>(`/api/difficulties?unit=${encodeURIComponent(unit)}&status=open&status=assigned&status=answered&limit=30`, call);

/** The province's current contest for the officers' tile (src/modules/contest/contest-admin.routes.ts). */
export interface ContestSummary {
  contestId: string;
  title: string;
  phase: { number: number; startsOn: string; endsOn: string } | null;
  participantsToday: number;
  participantsThisPhase: number;
  lastPublishedPhase: number | null;
}
export const fetchContestSummary = (province: string, call: Call) =>
  apiFetch<{ contest: ContestSummary | null }>(`/api/contest-admin/summary?provinceCode=${encodeURIComponent(province)}`, call);
