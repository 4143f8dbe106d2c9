import { apiFetch } from '../../../lib/api';

/** The shapes of the milestone kind routes (src/modules/people/people.routes.ts). */
export interface MilestoneKind {
  code: string;
  name: string;
  sort: number;
  /** Null: shared by every province; else the province that owns it. */
  provinceCode: string | null;
}

export interface NewKind { code: string; nameVi: string; nameEn: string }

export const fetchKinds = ({ language, signal }: { language: string; signal?: AbortSignal }) =>
  apiFetch<{ items: MilestoneKind[] }>('/api/milestone-kinds', { language, signal }).then((page) => page.items);

export const addKind = (body: NewKind, { language, csrfToken }: { language: string; csrfToken: string }) =>
  apiFetch<MilestoneKind>('/api/milestone-kinds', { method: 'POST', body, language, csrfToken });
