import { apiFetch } from '../../../lib/api';
import { takeEarlyPublic } from '../../../lib/early-public';
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

/** GET /api/public/page: what the page shows first, in one answer. */
export interface PublicPageData {
  provinces: PublicProvince[];
  /** The asked unit's figures; without a unit, the only province's (null when there are several). */
  progress: PublicProgress | null;
}

/** Figures that came along with the page's answer, for the unit view to take instead of asking again. */
const handedOver = new Map<string, PublicProgress>();

export async function fetchPublicPage(unit: string, call: Call): Promise<PublicPageData> {
  const page = (await takeEarlyPublic<PublicPageData>(unit, call.language))
    ?? await apiFetch<PublicPageData>(`/api/public/page${unit ? `?unit=${encodeURIComponent(unit)}` : ''}`, call);
  // Asked without a unit: the page moves on to the only province, whose figures are already here.
  if (!unit && page.progress) handedOver.set(`${page.progress.unit.code}|${call.language}`, page.progress);
  return page;
}

export async function fetchPublicProgress(unit: string, call: Call): Promise<PublicProgress> {
  const key = `${unit}|${call.language}`;
  const ready = handedOver.get(key);
  if (ready) {
    // Once: a retry or a later visit asks the server for today's figures.
    handedOver.delete(key);
    return ready;
  }
  return (await fetchPublicPage(unit, call)).progress!;
}
