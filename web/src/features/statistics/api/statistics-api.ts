import { apiFetch } from '../../../lib/api';

/** The shapes of the statistics proposal routes (src/modules/units/statistic-proposals.routes.ts). */
export type ProposalStatus = 'pending' | 'approved' | 'rejected';

export interface Proposal {
  id: string;
  unitCode: string;
  asOf: string;
  statistics: Record<string, number>;
  status: ProposalStatus;
  proposedBy: string | null;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

export interface StatisticKind { code: string; name: string }
export interface ProposalPage { items: Proposal[]; next: string | null; kinds: StatisticKind[] }
export interface Unit { code: string; name: string; tier: 'province' | 'commune' | 'village' }

interface Call { language: string; signal?: AbortSignal }
interface Write { language: string; csrfToken: string }

export function fetchProposals(unit: string, status: ProposalStatus | undefined, { language, signal }: Call) {
  const query = new URLSearchParams({ unit, limit: '200' });
  if (status) query.set('status', status);
  return apiFetch<ProposalPage>(`/api/statistic-proposals?${query}`, { language, signal });
}

export const fetchUnit = (code: string, { language, signal }: Call) =>
  apiFetch<Unit>(`/api/units/${encodeURIComponent(code)}`, { language, signal });

export const fetchChildren = (code: string, { language, signal }: Call) =>
  apiFetch<{ items: Unit[] }>(`/api/units/${encodeURIComponent(code)}/children?limit=500`, { language, signal }).then((page) => page.items);

export const propose = (body: { unitCode: string; asOf: string; statistics: Record<string, number> }, { language, csrfToken }: Write) =>
  apiFetch<Proposal>('/api/statistic-proposals', { method: 'POST', body, language, csrfToken });

export const approveProposal = (id: string, { language, csrfToken }: Write) =>
  apiFetch<Proposal>(`/api/statistic-proposals/${id}/approve`, { method: 'POST', body: {}, language, csrfToken });

export const rejectProposal = (id: string, reason: string, { language, csrfToken }: Write) =>
  apiFetch<Proposal>(`/api/statistic-proposals/${id}/reject`, { method: 'POST', body: { reason }, language, csrfToken });
