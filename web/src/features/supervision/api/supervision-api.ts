import { apiFetch } from '../../../lib/api';

/** The shapes of the alerts, sync conflicts and audit routes this screen reads. */
export interface Alert {
  id: number; indicatorCode: string; unitCode: string; previousStatus: string | null; status: string;
  raisedAt: string; acknowledgedAt: string | null; acknowledgedBy: string | null;
}
export interface Conflict {
  id: string; recordKind: 'household' | 'resident'; recordId: string; villageCode: string; losingSide: 'incoming' | 'stored';
  lostData: Record<string, unknown>; lostRecordedAt: string; wonRecordedAt: string; detectedAt: string;
  current: { revision: number; data: Record<string, unknown>; recordedAt: string; status: string } | null;
  resolution: 'kept' | 'restored' | null; resolvedAt: string | null;
}
export interface AuditEntry {
  id: number; at: string; actorUserId: string | null; actorUsername: string | null; action: string; unitCode: string | null;
  subject: string | null; detail: Record<string, unknown>;
}
/** The log's filters as the form holds them: empty means not narrowed. */
export interface AuditFilters { action: string; actor: string; unit: string; from: string; to: string }

interface Call { language: string; signal?: AbortSignal }
interface Write { language: string; csrfToken: string }
const unitQuery = (unit: string) => `unit=${encodeURIComponent(unit)}`;

export const fetchAlerts = (unit: string, { language, signal }: Call) =>
  apiFetch<{ items: Alert[]; next: number | null }>(`/api/alerts?${unitQuery(unit)}&limit=200`, { language, signal });
export const refreshAlerts = (unit: string, { language, csrfToken }: Write) =>
  apiFetch<{ raised: number }>('/api/alerts/refresh', { method: 'POST', body: { unit }, language, csrfToken });
export const acknowledgeAlert = (id: number, { language, csrfToken }: Write) =>
  apiFetch<Alert>(`/api/alerts/${id}/acknowledge`, { method: 'POST', language, csrfToken });
export const fetchConflicts = (unit: string, { language, signal }: Call) =>
  apiFetch<{ items: Conflict[]; next: string | null }>(`/api/sync/conflicts?${unitQuery(unit)}&limit=100`, { language, signal });
/** The query string of the filters that are set, shared by the list and its export. */
export function auditQuery(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value.trim()) params.set(key, value.trim());
  return params.toString();
}
export const resolveConflict = (id: string, choice: 'keep' | 'restore', { language, csrfToken }: Write) =>
  apiFetch<Conflict>(`/api/sync/conflicts/${id}/resolve`, { method: 'POST', body: { choice }, language, csrfToken });
export const fetchAudit = (filters: AuditFilters, after: number | null, { language, signal }: Call) =>
  apiFetch<{ items: AuditEntry[]; next: number | null }>(
    `/api/audit?limit=200${after ? `&after=${after}` : ''}${auditQuery(filters) ? `&${auditQuery(filters)}` : ''}`, { language, signal });
/** The server builds the export (up to its cap) and records it in the log. */
export const auditExportUrl = (filters: AuditFilters) => `/api/audit/export${auditQuery(filters) ? `?${auditQuery(filters)}` : ''}`;
export const fetchIndicatorNames = ({ language, signal }: Call) =>
  apiFetch<{ items: { code: string; name: string }[] }>('/api/indicators', { language, signal }).then((r) => new Map(r.items.map((i) => [i.code, i.name])));
