import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { removeTarget, saveTarget, type Indicator, type Target } from '../api/targets-api';
import { NS } from './targets-i18n';

interface TargetFormProps {
  indicator: Indicator;
  unitCode: string;
  current: Target | undefined;
  csrfToken: string;
  onSaved: (message: string) => void;
}

const FIELDS: Record<string, string> = { targetValue: 'targetValue', deadline: 'deadline' };

/** The unit's target for one indicator: checked as the API checks it, refusals beside the field. */
export function TargetForm({ indicator, unitCode, current, csrfToken, onSaved }: TargetFormProps) {
  const { t, i18n } = useTranslation(NS);
  const id = useId();
  const [value, setValue] = useState(current ? String(current.targetValue) : '');
  const [deadline, setDeadline] = useState(current?.deadline ?? '');
  const { errors, busy, run, onSubmit } = useFormSubmit();
  const write = { language: i18n.language, csrfToken };
  const fieldOf = (path: string) => FIELDS[path];
  const number = Number(value.replace(',', '.'));

  const submit = onSubmit({
    validate: () => {
      const fields: Record<string, string> = {};
      if (value.trim() === '' || !Number.isFinite(number) || number < 0) fields.targetValue = t('form.valueInvalid');
      else if (indicator.percent && number > 100) fields.targetValue = t('form.percentTooHigh');
      if (!deadline) fields.deadline = t('form.deadlineRequired');
      return fields;
    },
    send: async () => {
      await saveTarget({ indicatorCode: indicator.code, unitCode, targetValue: number, deadline }, write);
      onSaved(t('form.saved', { name: indicator.name }));
    },
    fieldOf,
  });
  const remove = () => void run({
    send: async () => {
      await removeTarget(indicator.code, unitCode, write);
      onSaved(t('form.removed', { name: indicator.name }));
    },
    fieldOf,
  });
  const err = (field: string) => errors.fields[field] && <p id={`${id}-${field}-error`} className="field-error" role="alert">{errors.fields[field]}</p>;
  const aria = (field: string) => (errors.fields[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {});

  return (
    <form className="workbench-form" onSubmit={submit} noValidate aria-label={t('form.title', { name: indicator.name })}>
      {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
      <div className="workbench-filters">
        <div className="field"><label htmlFor={`${id}-value`}>{t(indicator.percent ? 'form.valuePercent' : 'form.value', { unit: indicator.unitLabel })}</label>
          <input id={`${id}-value`} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} {...aria('targetValue')} />{err('targetValue')}</div>
        <div className="field"><label htmlFor={`${id}-deadline`}>{t('form.deadline')}</label>
          <input id={`${id}-deadline`} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} {...aria('deadline')} />{err('deadline')}</div>
      </div>
      <div className="workbench-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={busy}>{t('form.save')}</button>
        {current && (
          <button type="button" className="btn btn-secondary btn-small" disabled={busy}
            onClick={remove}>{t('form.remove')}</button>
        )}
      </div>
    </form>
  );
}
