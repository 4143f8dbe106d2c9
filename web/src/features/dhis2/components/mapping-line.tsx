import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf, type FormErrors } from '../../../lib/form-errors';
import { DHIS2_UID, removeLine, saveLine } from '../api/dhis2-api';
import { localTime, NS } from './dhis2-i18n';

interface LineProps {
  kind: 'indicator' | 'unit';
  code: string;
  name: string;
  uid: string | null;
  categoryOptionCombo?: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
  csrfToken: string;
  onSaved: (message: string) => void;
}

/** One indicator or unit with its DHIS2 identifier(s): saved on its own, refused with the reason next to the field. */
export function MappingLine({ kind, code, name, uid, categoryOptionCombo, updatedAt, updatedBy, csrfToken, onSaved }: LineProps) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const id = useId();
  const [value, setValue] = useState(uid ?? '');
  const [combo, setCombo] = useState(categoryOptionCombo ?? '');
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!DHIS2_UID.test(value.trim())) local.uid = t('uidInvalid');
    if (kind === 'indicator' && combo.trim() && !DHIS2_UID.test(combo.trim())) local.categoryOptionCombo = t('uidInvalid');
    if (Object.keys(local).length > 0) return setErrors({ fields: local });
    setBusy(true);
    try {
      await saveLine(kind, code, { uid: value.trim(), ...(kind === 'indicator' ? { categoryOptionCombo: combo.trim() || null } : {}) }, { language, csrfToken });
      setErrors({ fields: {} });
      onSaved(t('saved', { name }));
    } catch (error) {
      setErrors(formErrorsOf(error, (path) => (path === 'uid' || path === 'categoryOptionCombo' ? path : undefined)));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await removeLine(kind, code, { language, csrfToken });
      setValue('');
      setCombo('');
      onSaved(t('removed', { name }));
    } catch (error) {
      setErrors(formErrorsOf(error, () => undefined));
    } finally {
      setBusy(false);
    }
  };
  const input = (field: 'uid' | 'categoryOptionCombo', current: string, set: (v: string) => void) => {
    const error = errors.fields[field];
    return (
      <div className="field">
        <label htmlFor={`${id}-${field}`}>{t(kind === 'unit' ? 'orgUnit' : field === 'uid' ? 'dataElement' : 'categoryOptionCombo')}</label>
        <input id={`${id}-${field}`} value={current} onChange={(event) => set(event.target.value)} maxLength={11} spellCheck={false} autoComplete="off"
          aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-${field}-error` : undefined} />
        {error && <p id={`${id}-${field}-error`} className="field-error" role="alert">{error}</p>}
      </div>
    );
  };

  return (
    <li className="card dhis2-line" data-testid={`dhis2-${kind}`} data-code={code}>
      <form className="workbench-actions" onSubmit={(event) => void save(event)} aria-label={name}>
        <strong className="dhis2-name">{name} <span className="muted">({code})</span></strong>
        {input('uid', value, setValue)}
        {kind === 'indicator' && input('categoryOptionCombo', combo, setCombo)}
        <button type="submit" className="btn btn-primary btn-small" disabled={busy}>{t('save')}</button>
        {uid && <button type="button" className="btn btn-quiet btn-small" disabled={busy} onClick={() => void remove()}>{t('remove')}</button>}
      </form>
      {updatedAt && <p className="muted">{t('changedBy', { who: updatedBy ?? '—', at: localTime(updatedAt, language) })}</p>}
      {errors.general && <p className="field-error" role="alert">{errors.general}</p>}
    </li>
  );
}
