import { apiFetch } from '../../../lib/api';
import type { PeriodType } from './periods';

/** The shapes of the targets module's indicator, unit and reported-value routes this screen reads. */
export interface Indicator {
  code: string;
  name: string;
  explanation: string;
  unitLabel: string;
  percent: boolean;
  numerator: { source: string; kind?: string; over?: string };
  denominator: { source: string; kind?: string; tier?: string } | null;
  active: boolean;
}

export interface Unit { code: string; name: string; tier: 'province' | 'commune' | 'village'; parentCode: string | null }

export type ReportedStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export interface ReportedValue {
  id: number;
  indicatorCode: string;
  unitCode: string;
  periodType: PeriodType;
  periodStart: string;
  periodEnd: string;
  value: number;
  status: ReportedStatus;
  comment: string | null;
  updatedAt: string;
}

export interface HistoryEntry { action: string; value: number; status: ReportedStatus; comment: string | null; actorUserId: string | null; at: string }

interface Call { language: string; signal?: AbortSignal }
interface Write { language: string; csrfToken: string }

/** The indicators a unit reports a figure for (its numerator or denominator is a reported figure). */
export const isReported = (indicator: Indicator) => indicator.numerator.source === 'reported' || indicator.denominator?.source === 'reported';

export const fetchIndicators = ({ language, signal }: Call) =>
  apiFetch<{ items: Indicator[] }>('/api/indicators', { language, signal }).then((page) => page.items.filter(isReported));

export const fetchUnit = (code: string, { language, signal }: Call) =>
  apiFetch<Unit>(`/api/units/${encodeURIComponent(code)}`, { language, signal });

export const fetchChildren = (code: string, { language, signal }: Call) =>
  apiFetch<{ items: Unit[] }>(`/api/units/${encodeURIComponent(code)}/children?limit=500`, { language, signal }).then((page) => page.items);

export const fetchStatistics = (code: string, day: string, { language, signal }: Call) =>
  apiFetch<{ day: string; statistics: Record<string, number | null> }>(`/api/units/${encodeURIComponent(code)}/statistics?date=${day}`, { language, signal });

/** Every reported figure of a subtree, all pages (a page holds up to 500; a commune's are few). */
export async function fetchReportedValues(unit: string, filter: { status?: ReportedStatus }, { language, signal }: Call): Promise<ReportedValue[]> {
  const all: ReportedValue[] = [];
  let after: number | null = null;
  do {
    const query = new URLSearchParams({ unit, limit: '500' });
    if (filter.status) query.set('status', filter.status);
    if (after !== null) query.set('after', String(after));
    const page: { items: ReportedValue[]; next: number | null } = await apiFetch(`/api/reported-values?${query}`, { language, signal });
    all.push(...page.items);
    after = page.next;
  } while (after !== null && all.length < 5000);
  return all;
}

export const fetchHistory = (id: number, { language, signal }: Call) =>
  apiFetch<HistoryEntry[]>(`/api/reported-values/${id}/history`, { language, signal });

export interface SaveFigure {
  indicatorCode: string;
  unitCode: string;
  periodType: PeriodType;
  periodStart: string;
  value: number;
  comment?: string;
  submit?: boolean;
}

export const saveFigure = (body: SaveFigure, { language, csrfToken }: Write) =>
  apiFetch<ReportedValue>('/api/reported-values', { method: 'PUT', body, language, csrfToken });

export const submitFigure = (id: number, { language, csrfToken }: Write) =>
  apiFetch<ReportedValue>(`/api/reported-values/${id}/submit`, { method: 'POST', body: {}, language, csrfToken });

export const approveFigure = (id: number, comment: string | undefined, { language, csrfToken }: Write) =>
  apiFetch<ReportedValue>(`/api/reported-values/${id}/approve`, { method: 'POST', body: comment ? { comment } : {}, language, csrfToken });

export const returnFigure = (id: number, comment: string, { language, csrfToken }: Write) =>
  apiFetch<ReportedValue>(`/api/reported-values/${id}/return`, { method: 'POST', body: { comment }, language, csrfToken });
