import { useTranslation } from 'react-i18next';
import type { FormErrors } from '../../../lib/form-errors';
import { NS } from './units-i18n';

/** The sentence beside a field, tied to it for screen readers by `${id}-error`. */
export function FieldError({ id, errors, field }: { id: string; errors: FormErrors; field: string }) {
  const message = errors.fields[field];
  return message ? <p id={`${id}-error`} className="field-error" role="alert">{message}</p> : null;
}

/** aria attributes of a field that may carry an error. */
export const invalidProps = (id: string, errors: FormErrors, field: string) =>
  errors.fields[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};

/** The day the change takes effect; the tree keeps its earlier days as they were. */
export function EffectiveDate({ id, value, onChange, errors }: { id: string; value: string; onChange: (day: string) => void; errors: FormErrors }) {
  const { t } = useTranslation(NS);
  return (
    <div className="field">
      <label htmlFor={id}>{t('form.effectiveDate')}</label>
      <input id={id} type="date" value={value} required onChange={(event) => onChange(event.target.value)} {...invalidProps(id, errors, 'effectiveDate')} />
      <FieldError id={id} errors={errors} field="effectiveDate" />
    </div>
  );
}

/** The refusal that belongs to no one field, as a sentence above the form. */
export function GeneralError({ errors }: { errors: FormErrors }) {
  return errors.general ? <p className="error-text" role="alert" data-testid="operation-error">{errors.general}</p> : null;
}
