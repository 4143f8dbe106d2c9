import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf, type FormErrors } from '../../../lib/form-errors';
import { useResource } from '../../../lib/use-resource';
import { ACTIVITY_KINDS, fetchActivities, recordActivity, type ActivityKind } from '../api/communication-api';
import type { Unit } from '../api/events-api';
import { NS } from './events-i18n';

const FIELDS: Record<string, string> = { unitCode: 'unit', kind: 'kind', day: 'day', reach: 'reach', note: 'note' };

/**
 * Communication activities of the officer's unit and its units (conferences, banners,
 * loudspeaker broadcasts, posts…): record one, see the latest and the totals per kind. Each
 * counts in the indicators like other facts (communication_activities, communication_reach).
 */
export function CommunicationPanel({ scope, units, csrfToken }: { scope: string; units: Unit[]; csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const id = useId();
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
  const [refresh, setRefresh] = useState(0);
  const list = useResource(`activities:${scope}`, (signal) => fetchActivities(scope, { language: i18n.language, signal }), refresh);
  const [form, setForm] = useState({ unitCode: '', kind: 'loudspeaker' as ActivityKind, day: today, reach: '', note: '' });
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [result, setResult] = useState('');
  const unitName = new Map(units.map((u) => [u.code, u.name]));
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN');

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setResult('');
    const unitCode = form.unitCode || units[0]?.code || scope;
    const fields: Record<string, string> = {};
    if (!form.day) fields.day = t('communication.dayRequired');
    else if (form.day > today) fields.day = t('communication.dayFuture');
    const reach = form.reach.trim() === '' ? undefined : Number(form.reach);
    if (reach !== undefined && (!Number.isInteger(reach) || reach < 0)) fields.reach = t('communication.reachInvalid');
    if (Object.keys(fields).length > 0) return setErrors({ fields });
    try {
      await recordActivity({ unitCode, kind: form.kind, day: form.day, ...(reach !== undefined ? { reach } : {}), ...(form.note.trim() ? { note: form.note.trim() } : {}) },
        { language: i18n.language, csrfToken });
      setErrors({ fields: {} });
      setResult(t('communication.saved', { kind: t(`communication.kind.${form.kind}`) }));
      setForm({ ...form, reach: '', note: '' });
      setRefresh((n) => n + 1);
    } catch (error) {
      setErrors(formErrorsOf(error, (path) => FIELDS[path]));
    }
  };
  const err = (field: string) => errors.fields[field] && <p id={`${id}-${field}-error`} className="field-error" role="alert">{errors.fields[field]}</p>;
  const described = (field: string) => (errors.fields[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {});

  return (
    <section aria-labelledby={`${id}-h`} className="stack" data-testid="communication">
      <h3 id={`${id}-h`}>{t('communication.title')}</h3>
      {list.error && <p className="error-text" role="alert">{list.error.message}</p>}
      {list.data && (
        <div className="table-scroll">
          <table className="workbench-table" data-testid="communication-totals">
            <caption>{t('communication.totals')}</caption>
            <thead><tr><th scope="col">{t('communication.kindLabel')}</th><th scope="col">{t('communication.activities')}</th><th scope="col">{t('communication.reach')}</th></tr></thead>
            <tbody>
              {list.data.totals.length === 0 && <tr><td colSpan={3} className="muted">{t('communication.none')}</td></tr>}
              {list.data.totals.map((total) => (
                <tr key={total.kind}><th scope="row">{t(`communication.kind.${total.kind}`)}</th><td>{number(total.activities)}</td><td>{number(total.reach)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="card workbench-form" onSubmit={(e) => void submit(e)} noValidate>
        <h4>{t('communication.record')}</h4>
        {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
        <div className="workbench-filters">
          <div className="field">
            <label htmlFor={`${id}-unit`}>{t('communication.unit')}</label>
            <select id={`${id}-unit`} value={form.unitCode || units[0]?.code || ''} onChange={(e) => setForm({ ...form, unitCode: e.target.value })} {...described('unit')}>
              {units.map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
            </select>
            {err('unit')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('communication.kindLabel')}</label>
            <select id={`${id}-kind`} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as ActivityKind })} {...described('kind')}>
              {ACTIVITY_KINDS.map((k) => <option key={k} value={k}>{t(`communication.kind.${k}`)}</option>)}
            </select>
            {err('kind')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-day`}>{t('communication.day')}</label>
            <input id={`${id}-day`} type="date" value={form.day} max={today} onChange={(e) => setForm({ ...form, day: e.target.value })} {...described('day')} />
            {err('day')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-reach`}>{t('communication.reachLabel')}</label>
            <input id={`${id}-reach`} type="number" inputMode="numeric" min={0} value={form.reach} onChange={(e) => setForm({ ...form, reach: e.target.value })} {...described('reach')} />
            {err('reach')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('communication.note')}</label>
            <input id={`${id}-note`} value={form.note} maxLength={1000} onChange={(e) => setForm({ ...form, note: e.target.value })} {...described('note')} />
            {err('note')}
          </div>
        </div>
        <button type="submit" className="btn btn-secondary">{t('communication.save')}</button>
        <p role="status" aria-live="polite">{result}</p>
      </form>
      {list.data && list.data.items.length > 0 && (
        <ul className="plain-list stack" data-testid="communication-list">
          {list.data.items.map((a) => (
            <li key={a.id}>
              <strong>{t(`communication.kind.${a.kind}`)}</strong> · {a.day} · {unitName.get(a.unitCode) ?? a.unitCode}
              {a.reach !== null && ` · ${t('communication.reached', { n: number(a.reach) })}`}
              {a.note && <span className="muted"> · {a.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
