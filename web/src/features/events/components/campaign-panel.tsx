import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf, type FormErrors } from '../../../lib/form-errors';
import { useResource } from '../../../lib/use-resource';
import { createCampaign, fetchCampaignProgress, type Campaign } from '../api/events-api';
import { NS } from './events-i18n';

/** One campaign: "organised in N of M communes" and the communes that have not yet. */
function CampaignProgressView({ campaign, refresh }: { campaign: Campaign; refresh: number }) {
  const { t, i18n } = useTranslation(NS);
  const progress = useResource(`progress:${campaign.id}`, (signal) => fetchCampaignProgress(campaign.id, { language: i18n.language, signal }), refresh);
  const p = progress.data;
  return (
    <li className="card" data-testid="campaign">
      <h4>{campaign.title} <small className="muted">{campaign.startsOn} – {campaign.endsOn}</small></h4>
      {p && <p data-testid="campaign-organised">{t('campaign.organised', { n: p.organised, total: p.communes })}</p>}
      {p && p.notOrganised.length > 0 && (
        <details>
          <summary>{t('campaign.notOrganised', { count: p.notOrganised.length })}</summary>
          <p>{p.notOrganised.map((c) => c.name).join(', ')}</p>
        </details>
      )}
      {progress.error && <p className="error-text" role="alert">{progress.error.message}</p>}
    </li>
  );
}

/** The province's campaigns; a province officer starts new ones here. */
export function CampaignPanel({ province, campaigns, canCreate, csrfToken, refresh, onCreated }: {
  province: string; campaigns: readonly Campaign[]; canCreate: boolean; csrfToken: string; refresh: number; onCreated: () => void;
}) {
  const { t, i18n } = useTranslation(NS);
  const id = useId();
  const [form, setForm] = useState({ title: '', startsOn: '', endsOn: '', kind: 'week' as 'week' | 'other' });
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!form.title.trim() || !form.startsOn || !form.endsOn) return setErrors({ fields: { title: t('form.required') } });
    try {
      await createCampaign({ provinceCode: province, ...form, title: form.title.trim() }, { language: i18n.language, csrfToken });
      setForm({ title: '', startsOn: '', endsOn: '', kind: 'week' });
      setErrors({ fields: {} });
      onCreated();
    } catch (error) {
      setErrors(formErrorsOf(error, (path) => (['title', 'startsOn', 'endsOn'].includes(path) ? path : undefined)));
    }
  };
  const err = (field: string) => errors.fields[field] && <p className="field-error" role="alert">{errors.fields[field]}</p>;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('campaign.title')}</h3>
      {campaigns.length === 0 && <p className="muted">{t('campaign.none')}</p>}
      <ul className="stack plain-list">{campaigns.map((c) => <CampaignProgressView key={c.id} campaign={c} refresh={refresh} />)}</ul>
      {canCreate && (
        <form className="card workbench-form" onSubmit={(event) => void submit(event)} noValidate>
          {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
          <div className="workbench-filters">
            <div className="field">
              <label htmlFor={`${id}-t`}>{t('campaign.name')}</label>
              <input id={`${id}-t`} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
              {err('title')}
            </div>
            <div className="field">
              <label htmlFor={`${id}-k`}>{t('campaign.kind')}</label>
              <select id={`${id}-k`} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as 'week' | 'other' })}>
                <option value="week">{t('campaign.kindWeek')}</option>
                <option value="other">{t('campaign.kindOther')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-s`}>{t('campaign.startsOn')}</label>
              <input id={`${id}-s`} type="date" value={form.startsOn} onChange={(e) => setForm({ ...form, startsOn: e.target.value })} />
              {err('startsOn')}
            </div>
            <div className="field">
              <label htmlFor={`${id}-e`}>{t('campaign.endsOn')}</label>
              <input id={`${id}-e`} type="date" value={form.endsOn} onChange={(e) => setForm({ ...form, endsOn: e.target.value })} />
              {err('endsOn')}
            </div>
          </div>
          <button type="submit" className="btn btn-secondary">{t('campaign.create')}</button>
        </form>
      )}
    </section>
  );
}
