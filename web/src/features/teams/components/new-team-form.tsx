import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { createTeam, type Unit } from '../api/teams-api';
import { NS } from './teams-i18n';

const FIELDS: Record<string, string> = { unitCode: 'unitCode', name: 'name', establishedOn: 'establishedOn' };

/** Sets up the team of a village that has none. */
export function NewTeamForm({ villages, csrfToken, day, onCreated }: { villages: readonly Unit[]; csrfToken: string; day: string; onCreated: (name: string) => void }) {
  const { t, i18n } = useTranslation(NS);
  const id = useId();
  const [unitCode, setUnitCode] = useState(villages[0]?.code ?? '');
  const [name, setName] = useState('');
  const [established, setEstablished] = useState(day);
  const { errors, busy, onSubmit } = useFormSubmit();

  const submit = onSubmit({
    validate: (): Record<string, string> => (name.trim() ? {} : { name: t('newTeam.nameRequired') }),
    send: async () => {
      await createTeam({ unitCode, name: name.trim(), establishedOn: established }, { language: i18n.language, csrfToken });
      onCreated(name.trim());
      setName('');
    },
    fieldOf: (path) => FIELDS[path],
  });
  const err = (field: string) => errors.fields[field] && <p id={`${id}-${field}-error`} className="field-error" role="alert">{errors.fields[field]}</p>;
  const aria = (field: string) => (errors.fields[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {});
  return (
    <form className="card workbench-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('newTeam.title', { count: villages.length })}</h3>
      {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
      <div className="workbench-filters">
        <div className="field"><label htmlFor={`${id}-unit`}>{t('newTeam.village')}</label>
          <select id={`${id}-unit`} value={unitCode} onChange={(e) => setUnitCode(e.target.value)} {...aria('unitCode')}>
            {villages.map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
          </select>{err('unitCode')}</div>
        <div className="field"><label htmlFor={`${id}-name`}>{t('newTeam.name')}</label>
          <input id={`${id}-name`} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} {...aria('name')} />{err('name')}</div>
        <div className="field"><label htmlFor={`${id}-day`}>{t('newTeam.established')}</label>
          <input id={`${id}-day`} type="date" value={established} onChange={(e) => setEstablished(e.target.value)} {...aria('establishedOn')} />{err('establishedOn')}</div>
      </div>
      <div className="workbench-actions"><button type="submit" className="btn btn-primary" disabled={busy}>{t('newTeam.submit')}</button></div>
    </form>
  );
}
