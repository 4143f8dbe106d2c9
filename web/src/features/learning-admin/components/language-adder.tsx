import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NS } from './learning-admin-i18n';

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

/** Adds a language to a text by its code: en for English, ede for Ê Đê, any other an author writes in. */
export function LanguageAdder({ taken, onAdd }: { taken: readonly string[]; onAdd: (lang: string) => void }) {
  const { t } = useTranslation(NS);
  const id = useId();
  const [lang, setLang] = useState(taken.includes('en') ? '' : 'en');
  const [error, setError] = useState('');
  const add = () => {
    const code = lang.trim();
    if (!LANG.test(code)) return setError(t('language.rule'));
    if (taken.includes(code)) return setError(t('language.taken', { lang: code }));
    setError('');
    setLang('');
    onAdd(code);
  };
  return (
    <div className="row">
      <div className="field">
        <label htmlFor={id}>{t('language.add')}</label>
        <input id={id} value={lang} onChange={(e) => setLang(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-e` : `${id}-h`} />
        {error ? <p id={`${id}-e`} className="field-error" role="alert">{error}</p> : <p id={`${id}-h`} className="hint">{t('language.hint')}</p>}
      </div>
      <button type="button" className="btn" onClick={add}>{t('language.addButton')}</button>
    </div>
  );
}
