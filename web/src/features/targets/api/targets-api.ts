import { apiFetch } from '../../../lib/api';

/** The shapes of the indicators and targets routes (src/modules/targets/indicators.routes.ts). */
export type Source =
  | { source: 'milestone'; kind: string }
  | { source: 'statistic'; kind: string }
  | { source: 'units'; tier: 'commune' | 'village' }
  | { source: 'reported'; over: 'latest' | 'sum' }
  | { source: 'visits' | 'households_visited' | 'households_covered' | 'households' | 'residents' | 'contest_participants' | 'committees' | 'teams' | 'team_members' };

export interface Indicator {
  code: string; name: string; explanation: string; unitLabel: string; percent: boolean;
  numerator: Source; denominator: Source | null; sort: number; active: boolean;
}
export interface Target { indicatorCode: string; unitCode: string; targetValue: number; deadline: string; setAt: string }
export interface TargetChange {
  id: number; indicatorCode: string; unitCode: string; action: 'set' | 'remove';
  targetValue: number | null; deadline: string | null; previousValue: number | null; previousDeadline: string | null;
  changedByName: string | null; changedAt: string;
}
export interface Unit { code: string; name: string; tier: string }

interface Call { language: string; signal?: AbortSignal }
interface Write { language: string; csrfToken: string }

export const fetchIndicators = ({ language, signal }: Call) => apiFetch<{ items: Indicator[] }>('/api/indicators', { language, signal }).then((r) => r.items);
export const fetchMilestoneKinds = ({ language, signal }: Call) =>
  apiFetch<{ items: { code: string; name: string }[] }>('/api/milestone-kinds', { language, signal }).then((r) => r.items);
export const fetchUnit = (code: string, { language, signal }: Call) => apiFetch<Unit>(`/api/units/${encodeURIComponent(code)}`, { language, signal });
export const fetchChildren = (code: string, { language, signal }: Call) =>
  apiFetch<{ items: Unit[] }>(`/api/units/${encodeURIComponent(code)}/children?limit=500`, { language, signal }).then((r) => r.items);
export const fetchTargets = (unit: string, { language, signal }: Call) =>
  apiFetch<{ items: Target[] }>(`/api/targets?${new URLSearchParams({ unit })}`, { language, signal }).then((r) => r.items);
export const fetchChanges = (unit: string, { language, signal }: Call) =>
  apiFetch<{ items: TargetChange[] }>(`/api/targets/changes?${new URLSearchParams({ unit })}`, { language, signal }).then((r) => r.items);

export const saveTarget = (body: { indicatorCode: string; unitCode: string; targetValue: number; deadline: string }, { language, csrfToken }: Write) =>
  apiFetch<unknown>('/api/targets', { method: 'PUT', body, language, csrfToken });
export const removeTarget = (indicator: string, unit: string, { language, csrfToken }: Write) =>
  apiFetch<unknown>(`/api/targets?${new URLSearchParams({ indicator, unit })}`, { method: 'DELETE', language, csrfToken });
