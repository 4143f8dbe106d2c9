import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf } from '../../../lib/form-errors';
import { useResource } from '../../../lib/use-resource';
import { auditExportUrl, auditQuery, fetchAudit, type AuditEntry, type AuditFilters } from '../api/supervision-api';
import { localTime, NS } from './supervision-i18n';

const HEADER = ['at', 'action', 'actor', 'unit', 'subject', 'detail'] as const;
const FIELDS = ['action', 'actor', 'unit', 'from', 'to'] as const;
const NONE: AuditFilters = { action: '', actor: '', unit: '', from: '', to: '' };
/** Actions officers look for most: reads and exports of people's data, sign-ins, account changes. */
const COMMON_ACTIONS = ['people.', 'report.export', 'sync.conflicts.read', 'auth.', 'user.', 'audit.export'];

/**
 * The audit log of the officer's subtree, newest first, narrowed on the server by action, actor,
 * unit and days; the export is built by the server from the same filters and is itself logged.
 * Entries hold ids, codes and user names, never the data that was read.
 */
export function AuditPanel() {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const formId = useId();
  const [draft, setDraft] = useState<AuditFilters>(NONE);
  const [filters, setFilters] = useState<AuditFilters>(NONE);
  const [extra, setExtra] = useState<{ items: AuditEntry[]; next: number | null } | null>(null);
  const first = useResource(`audit|${language}|${auditQuery(filters)}`, (signal) => fetchAudit(filters, null, { language, signal }));
  const entries = [...(first.data?.items ?? []), ...(extra?.items ?? [])];
  const next = extra ? extra.next : first.data?.next ?? null;
  const errors = first.error ? formErrorsOf(first.error, (path) => (FIELDS as readonly string[]).includes(path) ? path : undefined) : undefined;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setExtra(null);
    setFilters(draft);
  };
  const more = async () => {
    if (!next) return;
    const page = await fetchAudit(filters, next, { language });
    setExtra((previous) => ({ items: [...(previous?.items ?? []), ...page.items], next: page.next }));
  };
  const field = (name: (typeof FIELDS)[number], type: 'text' | 'date', extraProps: Record<string, string> = {}) => {
    const id = `${formId}-${name}`;
    const error = errors?.fields[name];
    return (
      <div className="field" key={name}>
        <label htmlFor={id}>{t(`audit.filters.${name}`)}</label>
        <input id={id} type={type} value={draft[name]} onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
          aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...extraProps} />
        {error && <p id={`${id}-error`} className="field-error" role="alert">{error}</p>}
      </div>
    );
  };

  return (
    <section className="workbench" aria-labelledby="audit-title">
      <h3 id="audit-title">{t('audit.title')}</h3>
      <p className="muted">{t('audit.intro')}</p>
      <form className="workbench-actions" onSubmit={apply} aria-label={t('audit.filter')}>
        {field('action', 'text', { list: `${formId}-actions`, placeholder: 'people.' })}
        <datalist id={`${formId}-actions`}>{COMMON_ACTIONS.map((name) => <option key={name} value={name} />)}</datalist>
        {field('actor', 'text', { autoComplete: 'off' })}
        {field('unit', 'text', { inputMode: 'numeric' })}
        {field('from', 'date')}
        {field('to', 'date')}
        <button type="submit" className="btn btn-primary">{t('audit.apply')}</button>
        <a className="btn btn-secondary" href={auditExportUrl(filters)} download data-testid="audit-export">{t('audit.export')}</a>
      </form>
      <p className="muted">{t('audit.exportHint')}</p>
      {errors?.general && <p className="banner" role="alert">{t('failed', { message: errors.general })}</p>}
      {first.data && entries.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {entries.length > 0 && (
        <div className="table-scroll">
          <table className="workbench-table audit-table">
            <thead><tr>{HEADER.map((key) => <th key={key} scope="col">{t(`audit.header.${key}`)}</th>)}</tr></thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="audit-row">
                  <td>{localTime(entry.at, language)}</td><td>{entry.action}</td><td>{entry.actorUsername ?? entry.actorUserId ?? '—'}</td>
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
