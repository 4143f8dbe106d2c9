import { apiFetch } from '../../../lib/api';
import type { IndicatorFigure, Status, Tier } from '../../../lib/progress-types';

// The shapes of GET /api/public/… (src/modules/reports/public/public.routes.ts): aggregates and unit names only.

/** An indicator's figure as anyone may see it: the shared figure, without the officers' projection and pace. */
export type PublicIndicator = IndicatorFigure;

export interface PublicRankedUnit {
  /** null: no figure yet, unranked. */
  rank: number | null;
  code: string;
  name: string;
  value: number | null;
  status: Status;
}

export interface PublicRanking {
  indicatorCode: string;
  name: string;
  unitLabel: string;
  percent: boolean;
  units: PublicRankedUnit[];
}

export interface PublicProgress {
  unit: { code: string; name: string; type: string; tier: Tier; provinceCode: string };
  day: string;
  indicators: PublicIndicator[];
  ranking: PublicRanking[];
  summary: { lead: string; sentences: { indicatorCode: string; text: string }[]; noData: string | null; paragraph: string };
}

export interface PublicProvince {
  code: string;
  name: string;
}

interface Call {
  language: string;
  signal?: AbortSignal;
}

export const fetchPublicProvinces = (call: Call) => apiFetch<{ items: PublicProvince[] }>('/api/public/provinces', call);
export const fetchPublicProgress = (unit: string, call: Call) =>
  apiFetch<PublicProgress>(`/api/public/progress?unit=${encodeURIComponent(unit)}`, call);
