import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf, type FormErrors } from '../../../lib/form-errors';
import { useResource } from '../../../lib/use-resource';
import { changePassword, fetchSessions, logoutEverywhere } from '../api/accounts-api';
import { Field } from './account-fields';
import { localTime, NS } from './accounts-i18n';

const MIN_PASSWORD = 8;

/** One's own account: change the password (the other sessions end), see the open sessions, sign out everywhere. */
export function OwnAccount({ csrfToken, onSignedOutEverywhere }: { csrfToken: string; onSignedOutEverywhere: () => void }) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [result, setResult] = useState('');
  const [refresh, setRefresh] = useState(0);
  const sessions = useResource(`sessions|${language}`, (signal) => fetchSessions({ language, signal }), refresh);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult('');
    if (next.length < MIN_PASSWORD) return setErrors({ fields: { newPassword: t('tooShort', { count: MIN_PASSWORD }) } });
    try {
      await changePassword(current, next, { language, csrfToken });
      setErrors({ fields: {} });
      setCurrent('');
      setNext('');
      setResult(t('own.changed'));
      setRefresh((n) => n + 1);
    } catch (error) {
      setErrors(formErrorsOf(error, (path) => (path === 'currentPassword' || path === 'newPassword' ? path : undefined)));
    }
  };
  const everywhere = async () => {
    await logoutEverywhere({ language, csrfToken }).catch(() => undefined);
    onSignedOutEverywhere();
  };

  return (
    <section className="dash-section workbench" aria-labelledby="own-title">
      <h2 id="own-title">{t('own.title')}</h2>
      <form className="card workbench-form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('own.changePassword')}>
        <h3>{t('own.changePassword')}</h3>
        {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
        <div className="workbench-filters">
          <Field label={t('own.current')} type="password" autoComplete="current-password" value={current} onChange={setCurrent} error={errors.fields.currentPassword} />
          <Field label={t('own.new')} type="password" autoComplete="new-password" value={next} onChange={setNext} error={errors.fields.newPassword} />
        </div>
        <div className="workbench-actions">
          <button type="submit" className="btn btn-primary">{t('own.changePassword')}</button>
          <p className="workbench-result" role="status" aria-live="polite">{result}</p>
        </div>
      </form>
      <h3>{t('own.sessions')}</h3>
      {sessions.error && <p className="banner" role="alert">{t('failed', { message: sessions.error.message })}</p>}
      <ul className="list" data-testid="sessions">
        {sessions.data?.map((session) => (
          <li key={session.id} className="card">
            <span>{t('own.since', { at: localTime(session.createdAt, language), until: localTime(session.expiresAt, language) })}</span>
            {session.current && <strong>{t('own.thisDevice')}</strong>}
          </li>
        ))}
      </ul>
      <div className="workbench-actions">
        <button type="button" className="btn btn-danger" onClick={() => void everywhere()}>{t('own.logoutEverywhere')}</button>
      </div>
    </section>
  );
}
