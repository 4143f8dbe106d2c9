import { apiFetch } from '../../../lib/api';

/** The shapes of /api/communication-activities (src/modules/events/materials.routes.ts). */
export const ACTIVITY_KINDS = ['conference', 'training', 'banner', 'poster', 'leaflet', 'loudspeaker', 'news_post', 'social_post'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export interface Activity { id: string; unitCode: string; kind: ActivityKind; day: string; reach: number | null; note: string | null }
export interface ActivityTotal { kind: ActivityKind; activities: number; reach: number }
export interface ActivityInput { unitCode: string; kind: ActivityKind; day: string; reach?: number; note?: string }

export const fetchActivities = (unit: string, { language, signal }: { language: string; signal?: AbortSignal }) =>
  apiFetch<{ items: Activity[]; totals: ActivityTotal[] }>(`/api/communication-activities?unit=${encodeURIComponent(unit)}`, { language, signal });
export const recordActivity = (body: ActivityInput, { language, csrfToken }: { language: string; csrfToken: string }) =>
  apiFetch<Activity>('/api/communication-activities', { method: 'POST', body, language, csrfToken });
