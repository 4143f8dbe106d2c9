import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { CATEGORIES, raiseDifficulty, type Category, type Unit } from '../api/difficulties-api';
import { NS } from './difficulties-i18n';

interface RaiseFormProps {
  units: readonly Unit[];
  csrfToken: string;
  onRaised: () => void;
}

const FIELDS: Record<string, string> = { unitCode: 'unitCode', category: 'category', description: 'description' };

/** Reports a difficulty for a unit in the officer's scope; the province sees it in its list at once. */
export function RaiseForm({ units, csrfToken, onRaised }: RaiseFormProps) {
  const { t, i18n } = useTranslation(NS);
  const ids = { unit: useId(), category: useId(), description: useId() };
  const [unitCode, setUnitCode] = useState(units[0]?.code ?? '');
  const [category, setCategory] = useState<Category>('weak_network');
  const [description, setDescription] = useState('');
  const [result, setResult] = useState('');
  const { errors, busy, run } = useFormSubmit();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setResult('');
    void run({
      // The API's rule: a description of 1 to 2000 characters (the field caps the length).
      validate: (): Record<string, string> => (description.trim() === '' ? { description: t('raise.descriptionRequired') } : {}),
      send: async () => {
        await raiseDifficulty({ unitCode, category, description: description.trim() }, { language: i18n.language, csrfToken });
        setDescription('');
        setResult(t('raise.sent'));
        onRaised();
      },
      fieldOf: (path) => FIELDS[path],
    });
  };

  const errorOf = (field: string, id: string) => errors.fields[field] && <p id={`${id}-error`} className="field-error" role="alert">{errors.fields[field]}</p>;
  return (
    <form className="card workbench-form" onSubmit={submit} aria-labelledby={`${ids.unit}-title`} noValidate>
      <h3 id={`${ids.unit}-title`}>{t('raise.title')}</h3>
      {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
      <div className="workbench-filters">
        <div className="field">
          <label htmlFor={ids.unit}>{t('raise.unit')}</label>
          <select id={ids.unit} value={unitCode} onChange={(event) => setUnitCode(event.target.value)}
            aria-invalid={errors.fields.unitCode ? true : undefined} aria-describedby={errors.fields.unitCode ? `${ids.unit}-error` : undefined}>
            {units.map((unit) => <option key={unit.code} value={unit.code}>{unit.name}</option>)}
          </select>
          {errorOf('unitCode', ids.unit)}
        </div>
        <div className="field">
          <label htmlFor={ids.category}>{t('raise.category')}</label>
          <select id={ids.category} value={category} onChange={(event) => setCategory(event.target.value as Category)}>
            {CATEGORIES.map((code) => <option key={code} value={code}>{t(`category.${code}`)}</option>)}
          </select>
          {errorOf('category', ids.category)}
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.description}>{t('raise.description')}</label>
        <textarea id={ids.description} rows={3} maxLength={2000} value={description} onChange={(event) => setDescription(event.target.value)}
          aria-invalid={errors.fields.description ? true : undefined}
          aria-describedby={errors.fields.description ? `${ids.description}-error` : `${ids.description}-hint`} />
        {!errors.fields.description && <p id={`${ids.description}-hint`} className="hint">{t('raise.descriptionHint')}</p>}
        {errorOf('description', ids.description)}
      </div>
      <div className="workbench-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !unitCode}>{t('raise.submit')}</button>
        <p className="workbench-result" role="status" aria-live="polite">{result}</p>
      </div>
    </form>
  );
}
