import { apiFetch } from '../../../lib/api';

/** The shapes of the alerts, sync conflicts and audit routes this screen reads. */
export interface Alert {
  id: number; indicatorCode: string; unitCode: string; previousStatus: string | null; status: string;
  raisedAt: string; acknowledgedAt: string | null; acknowledgedBy: string | null;
}
export interface Conflict {
  id: string; recordKind: string; recordId: string; villageCode: string; losingSide: 'incoming' | 'stored';
  lostData: Record<string, unknown>; lostRecordedAt: string; wonRecordedAt: string; detectedAt: string;
}
export interface AuditEntry { id: number; at: string; actorUserId: string | null; action: string; unitCode: string | null; subject: string | null; detail: Record<string, unknown> }

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
export const fetchAudit = (after: number | null, { language, signal }: Call) =>
  apiFetch<{ items: AuditEntry[]; next: number | null }>(`/api/audit?limit=200${after ? `&after=${after}` : ''}`, { language, signal });
export const fetchIndicatorNames = ({ language, signal }: Call) =>
  apiFetch<{ items: { code: string; name: string }[] }>('/api/indicators', { language, signal }).then((r) => new Map(r.items.map((i) => [i.code, i.name])));

/** The audit entries on screen as CSV (UTF-8 with a BOM, CRLF, formula-looking cells quoted off), as the server's CSV exports are. */
export function auditCsv(entries: readonly AuditEntry[], header: readonly string[]): string {
  const cell = (value: unknown) => {
    let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    if (/^[=+\-@]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = entries.map((e) => [e.at, e.action, e.actorUserId, e.unitCode, e.subject, e.detail].map(cell).join(','));
  return `\uFEFF${[header.map(cell).join(','), ...rows].join('\r\n')}\r\n`;
}
