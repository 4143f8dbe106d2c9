import { apiFetch } from '../../../lib/api';

/** The shapes of /api/users and the own-account routes under /api/auth. */
export const ROLES = ['team_member', 'team_leader', 'commune_officer', 'province_officer', 'admin', 'learner'] as const;
export type Role = (typeof ROLES)[number];

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scopeUnitCode: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface SessionItem { id: string; createdAt: string; expiresAt: string; current: boolean }

interface Call { language: string; signal?: AbortSignal }
interface Write { language: string; csrfToken: string }

/** The accounts of the officer's subtree, every page (by username). */
export async function fetchAccounts({ language, signal }: Call): Promise<Account[]> {
  const all: Account[] = [];
  let after: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '200' });
    if (after) query.set('after', after);
    const page: { items: Account[]; next: string | null } = await apiFetch(`/api/users?${query}`, { language, signal });
    all.push(...page.items);
    after = page.next;
  } while (after && all.length < 5000);
  return all;
}

export interface NewAccount { username: string; displayName: string; password: string; role: Role; scopeUnitCode: string | null }

export const createAccount = (body: NewAccount, { language, csrfToken }: Write) =>
  apiFetch<{ id: string }>('/api/users', { method: 'POST', body, language, csrfToken });

export const updateAccount = (id: string, body: Partial<Pick<Account, 'displayName' | 'role' | 'scopeUnitCode' | 'disabled'>>, { language, csrfToken }: Write) =>
  apiFetch<Account>(`/api/users/${id}`, { method: 'PATCH', body, language, csrfToken });

export const issueResetCode = (id: string, { language, csrfToken }: Write) =>
  apiFetch<{ code: string; expiresAt: string }>(`/api/users/${id}/reset-code`, { method: 'POST', language, csrfToken });

export const changePassword = (currentPassword: string, newPassword: string, { language, csrfToken }: Write) =>
  apiFetch<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword }, language, csrfToken });

export const fetchSessions = ({ language, signal }: Call) => apiFetch<{ items: SessionItem[] }>('/api/auth/sessions', { language, signal }).then((r) => r.items);

export const logoutEverywhere = ({ language, csrfToken }: Write) =>
  apiFetch<void>('/api/auth/logout-everywhere', { method: 'POST', language, csrfToken });

/** A single sign-on link: the provider and the last characters of the subject, never the subject. */
export interface Identity { id: string; issuer: string; subjectHint: string; createdAt: string; lastLoginAt: string | null }

export const fetchIdentities = (userId: string, { language, signal }: Call) =>
  apiFetch<{ items: Identity[] }>(`/api/users/${userId}/identities`, { language, signal }).then((r) => r.items);

export const linkIdentity = (userId: string, body: { issuer: string; subject: string }, { language, csrfToken }: Write) =>
  apiFetch<Identity>(`/api/users/${userId}/identities`, { method: 'POST', body, language, csrfToken });

export const unlinkIdentity = (userId: string, identityId: string, { language, csrfToken }: Write) =>
  apiFetch<void>(`/api/users/${userId}/identities/${identityId}`, { method: 'DELETE', language, csrfToken });

/** The provider the server is configured with, to fill in the issuer of a new link. */
export const fetchSsoIssuer = (language: string) =>
  apiFetch<{ enabled: boolean; issuer: string | null }>('/api/auth/sso', { language }).then((r) => r.issuer);
