import { apiFetch } from '../../../lib/api';
import type { CachedHousehold, CachedResident, HouseholdVisitState, ServerError, SyncKind } from '../../../lib/db';
import type { ReferenceItem } from '../../../lib/reference-data';
import type { SessionUser } from '../../../lib/session';

/** The shapes of docs/api/field-sync.md, the contract with the server. */
export interface SyncItemBody {
  id: string;
  kind: SyncKind;
  data: Record<string, unknown>;
  recordedAt: string;
}

export interface SyncResult {
  id: string;
  status: 'applied' | 'duplicate' | 'conflict' | 'rejected';
  error?: ServerError;
}

export interface PullPage {
  households: CachedHousehold[];
  residents: CachedResident[];
  visitedHouseholds: string[];
  householdStates?: Required<HouseholdVisitState>[];
  next: string | null;
  capped: boolean;
  message?: string;
  /** On the last page: the households the team leader assigned to this account. */
  assignedToMe?: string[];
}

export interface UnitSummary {
  code: string;
  name: string;
  tier: 'province' | 'commune' | 'village';
}

interface Call {
  csrfToken: string;
  language: string;
}

export const pushItems = (deviceId: string, items: SyncItemBody[], call: Call) =>
  apiFetch<{ results: SyncResult[]; serverTime: string }>('/api/sync', { method: 'POST', body: { deviceId, items }, ...call });

export function pullPage(village: string, after: string | undefined, language: string): Promise<PullPage> {
  const query = new URLSearchParams({ village, limit: '1000' });
  if (after) query.set('after', after);
  return apiFetch<PullPage>(`/api/sync/pull?${query}`, { language });
}

export const fetchMilestoneKinds = (language: string) => apiFetch<{ items: ReferenceItem[] }>('/api/milestone-kinds', { language });
export const fetchSkills = (language: string) => apiFetch<{ items: ReferenceItem[] }>('/api/skills', { language });
export const fetchMe = () => apiFetch<{ user: SessionUser; csrfToken: string }>('/api/auth/me');
export const fetchUnit = (code: string, language: string) => apiFetch<UnitSummary>(`/api/units/${encodeURIComponent(code)}`, { language });
