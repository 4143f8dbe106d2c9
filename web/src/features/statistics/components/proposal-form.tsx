import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/text-field';
import { formErrorsOf } from '../../../lib/form-errors';
import { propose, type StatisticKind, type Unit } from '../api/statistics-api';
import { NS } from './statistics-i18n';

interface ProposalFormProps {
  units: Unit[];
  kinds: StatisticKind[];
  csrfToken: string;
  onProposed: () => void;
}

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** A commune officer's proposal: a unit of the commune, a day, and the figures the province is to approve. */
export function ProposalForm({ units, kinds, csrfToken, onProposed }: ProposalFormProps) {
  const { t, i18n } = useTranslation(NS);
  const [unitCode, setUnitCode] = useState(units[0]?.code ?? '');
  const [asOf, setAsOf] = useState(today());
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const statistics: Record<string, number> = {};
    for (const [kind, text] of Object.entries(values)) {
      if (text.trim() === '') continue;
      if (!/^\d{1,12}$/.test(text.trim())) found[`statistics.${kind}`] = t('form.wholeNumber');
      else statistics[kind] = Number(text.trim());
    }
    if (Object.keys(statistics).length === 0 && Object.keys(found).length === 0) found.general = t('form.atLeastOne');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await propose({ unitCode, asOf, statistics }, { language: i18n.language, csrfToken });
      setValues({});
      onProposed();
    } catch (error) {
      const mapped = formErrorsOf(error, (path) => (path === 'unitCode' || path === 'asOf' || path.startsWith('statistics') ? path.replace('/', '.') : undefined));
      setErrors({ ...mapped.fields, general: mapped.general });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card statistics-form" onSubmit={(event) => void submit(event)} noValidate data-testid="proposal-form">
      <h3>{t('form.title')}</h3>
      <p className="muted">{t('form.intro')}</p>
      {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
      <div className="field">
        <label htmlFor="proposal-unit">{t('form.unit')}</label>
        <select id="proposal-unit" value={unitCode} onChange={(event) => setUnitCode(event.target.value)}
          aria-invalid={errors.unitCode ? true : undefined} aria-describedby={errors.unitCode ? 'proposal-unit-error' : undefined}>
          {units.map((unit) => <option key={unit.code} value={unit.code}>{unit.name} ({unit.code})</option>)}
        </select>
        {errors.unitCode && <p id="proposal-unit-error" className="field-error" role="alert">{errors.unitCode}</p>}
      </div>
      <TextField label={t('form.asOf')} type="date" value={asOf} onChange={(event) => setAsOf(event.target.value)} error={errors.asOf} required />
      <div className="statistics-grid">
        {kinds.map((kind) => (
          <TextField key={kind.code} label={kind.name} inputMode="numeric" autoComplete="off" value={values[kind.code] ?? ''}
            onChange={(event) => setValues((current) => ({ ...current, [kind.code]: event.target.value }))}
            error={errors[`statistics.${kind.code}`]} data-kind={kind.code} />
        ))}
      </div>
      <button type="submit" className="btn btn-primary" disabled={busy || !unitCode}>{t('form.send')}</button>
    </form>
  );
}
