import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../../lib/use-resource';
import { auditCsv, fetchAudit, type AuditEntry } from '../api/supervision-api';
import { localTime, NS } from './supervision-i18n';

const HEADER = ['at', 'action', 'actor', 'unit', 'subject', 'detail'] as const;

/**
 * The audit log of the officer's subtree, newest first: filtered by action, and the entries on
 * screen saved as CSV. Entries hold ids and codes, never names, so the file carries no personal data.
 */
export function AuditPanel() {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const filterId = useId();
  const [action, setAction] = useState('');
  const [extra, setExtra] = useState<{ items: AuditEntry[]; next: number | null } | null>(null);
  const [message, setMessage] = useState('');
  const first = useResource(`audit|${language}`, (signal) => fetchAudit(null, { language, signal }));
  const entries = [...(first.data?.items ?? []), ...(extra?.items ?? [])];
  const next = extra ? extra.next : first.data?.next ?? null;
  const actions = [...new Set(entries.map((entry) => entry.action))].sort();
  const shown = action ? entries.filter((entry) => entry.action === action) : entries;

  const more = async () => {
    if (!next) return;
    const page = await fetchAudit(next, { language });
    setExtra((previous) => ({ items: [...(previous?.items ?? []), ...page.items], next: page.next }));
  };
  const exportCsv = () => {
    const blob = new Blob([auditCsv(shown, HEADER.map((key) => t(`audit.header.${key}`)))], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `nhat-ky-${new Date().toISOString().slice(0, 10)}${action ? `-${action}` : ''}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setMessage(t('audit.exported', { count: shown.length }));
  };

  return (
    <section className="workbench" aria-labelledby="audit-title">
      <h3 id="audit-title">{t('audit.title')}</h3>
      <p className="muted">{t('audit.intro')}</p>
      <div className="workbench-actions">
        <div className="field">
          <label htmlFor={filterId}>{t('audit.filter')}</label>
          <select id={filterId} value={action} onChange={(event) => setAction(event.target.value)}>
            <option value="">{t('audit.all')}</option>
            {actions.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </div>
        <button type="button" className="btn btn-secondary" disabled={shown.length === 0} onClick={exportCsv} data-testid="audit-export">{t('audit.export')}</button>
        <p className="workbench-result" role="status" aria-live="polite">{message}</p>
      </div>
      {first.error && <p className="banner" role="alert">{t('failed', { message: first.error.message })}</p>}
      {first.data && shown.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {shown.length > 0 && (
        <div className="table-scroll">
          <table className="workbench-table audit-table">
            <thead><tr>{HEADER.map((key) => <th key={key} scope="col">{t(`audit.header.${key}`)}</th>)}</tr></thead>
            <tbody>
              {shown.map((entry) => (
                <tr key={entry.id} data-testid="audit-row">
                  <td>{localTime(entry.at, language)}</td><td>{entry.action}</td><td>{entry.actorUserId ?? '—'}</td>
                  <td>{entry.unitCode ?? '—'}</td><td>{entry.subject ?? '—'}</td><td>{JSON.stringify(entry.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && <button type="button" className="btn btn-secondary" onClick={() => void more()}>{t('audit.more')}</button>}
    </section>
  );
}
