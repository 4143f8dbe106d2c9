import { apiFetch } from '../../../lib/api';

/** The shapes of the events routes (src/modules/events/events.schema.ts). */
export const EVENT_TYPES = ['week', 'class', 'festival', 'contest_ceremony', 'other'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface EventItem {
  id: string; unitCode: string; communeCode: string; type: EventType; title: string; startsAt: string; endsAt: string;
  place: string | null; capacity: number | null; skills: string[]; organiser: string | null; campaignId: string | null; registered: number;
}
export interface EventInput {
  unitCode: string; type: EventType; title: string; startsAt: string; endsAt: string;
  place?: string | null; capacity?: number | null; skills?: string[]; organiser?: string | null; campaignId?: string | null;
}
export interface Campaign { id: string; provinceCode: string; kind: 'week' | 'other'; title: string; startsOn: string; endsOn: string }
export interface CampaignProgress { campaign: Campaign; organised: number; communes: number; notOrganised: { code: string; name: string }[] }
export interface Attendance { people: number; attendances: number; headCount: number; capacity: number | null; overCapacity: boolean; bySkill: { skill: string; attendances: number }[] }
export interface PublicEvent { id: string; type: string; title: string; startsAt: string; endsAt: string; place: string | null; capacity: number | null; registered: number; unitName: string }
export interface Registration { code: string; qr?: string; event: { title: string; startsAt: string; endsAt: string; place: string | null } }
export interface UnitAttendance {
  unitCode: string; from: string | null; to: string | null; events: number; people: number; attendances: number; headCount: number;
  bySkill: { skill: string; people: number; attendances: number; events: number }[];
}
export interface Unit { code: string; name: string; tier: string; provinceCode: string }
export interface Skill { code: string; name: string }

interface Call { language: string; signal?: AbortSignal }
interface Write { language: string; csrfToken: string }

export const fetchEvents = (unit: string, { language, signal }: Call) =>
  apiFetch<{ items: EventItem[] }>(`/api/events?unit=${encodeURIComponent(unit)}`, { language, signal }).then((page) => page.items);
export const createEvent = (body: EventInput, { language, csrfToken }: Write) => apiFetch<EventItem>('/api/events', { method: 'POST', body, language, csrfToken });
export const updateEvent = (id: string, body: EventInput, { language, csrfToken }: Write) =>
  apiFetch<EventItem>(`/api/events/${id}`, { method: 'PUT', body, language, csrfToken });
export function fetchUnitAttendance(unit: string, span: { from?: string; to?: string }, { language, signal }: Call) {
  const query = new URLSearchParams({ unit, ...(span.from ? { from: span.from } : {}), ...(span.to ? { to: span.to } : {}) });
  return apiFetch<UnitAttendance>(`/api/events/attendance?${query}`, { language, signal });
}
export const fetchAttendance = (id: string, { language, signal }: Call) => apiFetch<Attendance>(`/api/events/${id}/attendance`, { language, signal });

export const fetchCampaigns = (province: string, { language, signal }: Call) =>
  apiFetch<{ items: Campaign[] }>(`/api/event-campaigns?province=${encodeURIComponent(province)}`, { language, signal }).then((page) => page.items);
export const createCampaign = (body: Omit<Campaign, 'id'>, { language, csrfToken }: Write) =>
  apiFetch<Campaign>('/api/event-campaigns', { method: 'POST', body, language, csrfToken });
export const fetchCampaignProgress = (id: string, { language, signal }: Call) => apiFetch<CampaignProgress>(`/api/event-campaigns/${id}/progress`, { language, signal });

export const fetchUnit = (code: string, { language, signal }: Call) => apiFetch<Unit>(`/api/units/${encodeURIComponent(code)}`, { language, signal });
export const fetchChildren = (code: string, { language, signal }: Call) =>
  apiFetch<{ items: Unit[] }>(`/api/units/${encodeURIComponent(code)}/children?limit=500`, { language, signal }).then((page) => page.items);
export const fetchSkills = ({ language, signal }: Call) => apiFetch<{ items: Skill[] }>('/api/skills', { language, signal }).then((page) => page.items);

export const fetchPublicEvent = (id: string, { language, signal }: Call) => apiFetch<PublicEvent>(`/api/events/${id}/public`, { language, signal });
export const registerForEvent = (id: string, body: { fullName: string; phone?: string; residentId?: string }, { language, csrfToken }: { language: string; csrfToken?: string }) =>
  apiFetch<Registration>(`/api/events/${id}/registrations`, { method: 'POST', body, language, csrfToken });

/** `datetime-local` text (the phone's own clock) ⇄ an instant with offset. */
export const toInstant = (local: string) => new Date(local).toISOString();
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
