import { apiFetch } from '../../../lib/api';

/** The shapes of /api/team-desk (src/modules/outreach/team-desk.schema.ts). */
export interface Tally { visits: number; peopleGuided: number; milestones: number }

export interface DeskMember {
  memberId: string;
  userId: string | null;
  fullName: string;
  isLeader: boolean;
  lastSyncedAt: string | null;
  assignedHouseholds: number;
  day: Tally;
  week: Tally;
}

export interface TeamDesk {
  villageCode: string;
  day: string;
  weekFrom: string;
  members: DeskMember[];
  others: { day: Tally; week: Tally };
  assignments: { householdId: string; userId: string }[];
}

export interface OpenDifficulty {
  id: string;
  category: string;
  description: string;
  status: 'open' | 'assigned' | 'answered' | 'closed';
  reportedAt: string;
  answer: string | null;
  hasPhoto: boolean;
}

export const fetchDesk = (village: string, language: string, signal?: AbortSignal) =>
  apiFetch<TeamDesk>(`/api/team-desk?village=${encodeURIComponent(village)}`, { language, signal });

export const assignHouseholds = (body: { village: string; householdIds: string[]; userId: string | null }, language: string, csrfToken: string) =>
  apiFetch<{ assigned: number }>('/api/team-desk/assignments', { method: 'POST', body, language, csrfToken });

/** The village's difficulties not yet closed, newest first. */
export function fetchOpenDifficulties(village: string, language: string, signal?: AbortSignal) {
  const query = new URLSearchParams({ unit: village, limit: '100' });
  for (const status of ['open', 'assigned', 'answered']) query.append('status', status);
  return apiFetch<{ items: OpenDifficulty[] }>(`/api/difficulties?${query}`, { language, signal }).then((page) => page.items);
}

export const photoUrl = (id: string) => `/api/difficulties/${id}/photo`;
