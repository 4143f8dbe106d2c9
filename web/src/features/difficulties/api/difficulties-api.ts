import { apiFetch } from '../../../lib/api';

/** The shapes of the difficulties routes (src/modules/targets/supervision.schema.ts). */
export const CATEGORIES = ['weak_network', 'no_devices', 'no_trainers', 'no_materials', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export const STATUSES = ['open', 'assigned', 'answered', 'closed'] as const;
export type DifficultyStatus = (typeof STATUSES)[number];

export interface Difficulty {
  id: string;
  unitCode: string;
  category: Category;
  description: string;
  status: DifficultyStatus;
  reportedBy: string | null;
  reportedAt: string;
  assigneeUserId: string | null;
  answer: string | null;
  answeredAt: string | null;
  closedAt: string | null;
}

export interface Unit { code: string; name: string; tier: string }

interface Call { language: string; signal?: AbortSignal }
interface Write { language: string; csrfToken: string }

export const fetchUnit = (code: string, { language, signal }: Call) => apiFetch<Unit>(`/api/units/${encodeURIComponent(code)}`, { language, signal });

export const fetchChildren = (code: string, { language, signal }: Call) =>
  apiFetch<{ items: Unit[] }>(`/api/units/${encodeURIComponent(code)}/children?limit=500`, { language, signal }).then((page) => page.items);

/** One page of a subtree's difficulties, newest first, with the statuses asked for (none: all). */
export function fetchDifficulties(unit: string, statuses: readonly DifficultyStatus[], after: string | null, { language, signal }: Call) {
  const query = new URLSearchParams({ unit, limit: '100' });
  for (const status of statuses) query.append('status', status);
  if (after) query.set('after', after);
  return apiFetch<{ items: Difficulty[]; next: string | null }>(`/api/difficulties?${query}`, { language, signal });
}

export const raiseDifficulty = (body: { unitCode: string; category: Category; description: string }, { language, csrfToken }: Write) =>
  apiFetch<Difficulty>('/api/difficulties', { method: 'POST', body, language, csrfToken });

export type DifficultyAction = { action: 'assign'; assigneeUserId: string } | { action: 'answer'; answer: string } | { action: 'close' };

export const actOnDifficulty = (id: string, body: DifficultyAction, { language, csrfToken }: Write) =>
  apiFetch<Difficulty>(`/api/difficulties/${id}`, { method: 'POST', body, language, csrfToken });
