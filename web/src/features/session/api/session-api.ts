import { apiFetch } from '../../../lib/api';
import type { SessionUser } from '../../../lib/session';

export interface UnitItem {
  code: string;
  name: string;
  tier: 'province' | 'commune' | 'village';
}

export const login = (username: string, password: string, language: string) =>
  apiFetch<{ user: SessionUser; csrfToken: string }>('/api/auth/login', { method: 'POST', body: { username, password }, language });

export const resetPassword = (username: string, code: string, newPassword: string, language: string) =>
  apiFetch<void>('/api/auth/reset', { method: 'POST', body: { username, code, newPassword }, language });

export const logout = (csrfToken: string) => apiFetch<void>('/api/auth/logout', { method: 'POST', csrfToken });

export const listChildUnits = (code: string, language: string) =>
  apiFetch<{ items: UnitItem[]; next: string | null }>(`/api/units/${encodeURIComponent(code)}/children?limit=500`, { language });

export interface SsoSettings { enabled: boolean; name: string | null; issuer: string | null }

export const fetchSsoSettings = (language: string) => apiFetch<SsoSettings>('/api/auth/sso', { language });

/** The session a single sign-on opened: the cookie is set, the app asks who it belongs to. */
export const fetchMe = (language: string) => apiFetch<{ user: SessionUser; csrfToken: string }>('/api/auth/me', { language });
