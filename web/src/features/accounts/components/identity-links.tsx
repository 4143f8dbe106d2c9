import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf, type FormErrors } from '../../../lib/form-errors';
import { useResource } from '../../../lib/use-resource';
import { fetchIdentities, fetchSsoIssuer, linkIdentity, unlinkIdentity, type Account } from '../api/accounts-api';
import { Field } from './account-fields';
import { localTime, NS } from './accounts-i18n';

interface Props {
  account: Account;
  csrfToken: string;
  onDone: (message: string) => void;
}

/**
 * The administrator's view of an account's single sign-on links: who at which provider may log
 * in as this account. Linking takes the provider's subject as the provider gives it; only its
 * last characters are shown afterwards.
 */
export function IdentityLinks({ account, csrfToken, onDone }: Props) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const [refresh, setRefresh] = useState(0);
  const links = useResource(`identities|${account.id}|${language}`, (signal) => fetchIdentities(account.id, { language, signal }), refresh);
  const [draft, setDraft] = useState({ issuer: '', subject: '' });
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // The configured provider is what almost every link names; the field stays editable.
    fetchSsoIssuer(language).then((issuer) => setDraft((d) => (d.issuer === '' && issuer ? { ...d, issuer } : d)), () => undefined);
  }, [language]);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      onDone(await work());
      setErrors({ fields: {} });
      setRefresh((n) => n + 1);
      return true;
    } catch (error) {
      setErrors(formErrorsOf(error, (path) => (path === 'issuer' || path === 'subject' ? path : undefined)));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (draft.issuer.trim() === '') fields.issuer = t('required');
    if (draft.subject.trim() === '') fields.subject = t('required');
    if (Object.keys(fields).length > 0) return setErrors({ fields });
    const done = await run(async () => {
      await linkIdentity(account.id, { issuer: draft.issuer.trim(), subject: draft.subject.trim() }, { language, csrfToken });
      return t('sso.linked', { username: account.username });
    });
    if (done) setDraft((d) => ({ ...d, subject: '' }));
  };

  return (
    <div className="stack" data-testid="identity-links">
      <h3>{t('sso.title')}</h3>
      {links.error && <p className="banner" role="alert">{t('failed', { message: links.error.message })}</p>}
      {links.data && links.data.length === 0 && <p className="muted">{t('sso.none')}</p>}
      {links.data && links.data.length > 0 && (
        <ul className="list">
          {links.data.map((link) => (
            <li key={link.id} className="row-top" data-testid="identity-link">
              <span>
                {link.issuer} · …{link.subjectHint}
                <br />
                <span className="muted">{link.lastLoginAt ? t('sso.lastLogin', { at: localTime(link.lastLoginAt, language) }) : t('sso.never')}</span>
              </span>
              <button type="button" className="btn btn-danger" disabled={busy}
                onClick={() => void run(async () => { await unlinkIdentity(account.id, link.id, { language, csrfToken }); return t('sso.unlinked', { username: account.username }); })}>
                {t('sso.unlink')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
      <form className="workbench-filters" onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('sso.issuer')} value={draft.issuer} onChange={(issuer) => setDraft({ ...draft, issuer })} error={errors.fields.issuer} />
        <Field label={t('sso.subject')} value={draft.subject} hint={t('sso.subjectHint')} onChange={(subject) => setDraft({ ...draft, subject })} error={errors.fields.subject} />
        <button type="submit" className="btn btn-primary" disabled={busy}>{t('sso.link')}</button>
      </form>
    </div>
  );
}
