import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf, type FormErrors } from '../../../lib/form-errors';
import type { SessionUser } from '../../../lib/session';
import { issueResetCode, updateAccount, type Account, type Role } from '../api/accounts-api';
import { Field, grantableRoles, RoleField } from './account-fields';
import { IdentityLinks } from './identity-links';
import { localTime, NS } from './accounts-i18n';

interface RowProps {
  account: Account;
  user: SessionUser;
  csrfToken: string;
  /** A sentence for the page's live region, and whether the list must be read again. */
  onDone: (message: string, reload: boolean) => void;
}

/** One account: its role and scope, edited in place; disable or enable; a one-time reset code. */
export function AccountRow({ account, user, csrfToken, onDone }: RowProps) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const roles = grantableRoles(user.role);
  const manageable = roles.includes(account.role);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ displayName: account.displayName, role: account.role, scopeUnitCode: account.scopeUnitCode ?? '' });
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const [linking, setLinking] = useState(false);

  const run = async (work: () => Promise<string>, reload: boolean) => {
    setBusy(true);
    try {
      const message = await work();
      setErrors({ fields: {} });
      onDone(message, reload);
      return true;
    } catch (error) {
      setErrors(formErrorsOf(error, (path) => (['displayName', 'role', 'scopeUnitCode'].includes(path) ? path : undefined)));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    if (draft.displayName.trim() === '') return setErrors({ fields: { displayName: t('required') } });
    const done = await run(async () => {
      await updateAccount(account.id, {
        displayName: draft.displayName.trim(), role: draft.role as Role,
        scopeUnitCode: draft.scopeUnitCode.trim() === '' ? null : draft.scopeUnitCode.trim(),
      }, { language, csrfToken });
      return t('saved', { username: account.username });
    }, true);
    if (done) setEditing(false);
  };
  const toggleDisabled = () => run(async () => {
    await updateAccount(account.id, { disabled: !account.disabled }, { language, csrfToken });
    return t('saved', { username: account.username });
  }, true);
  const resetCode = () => run(async () => {
    const issued = await issueResetCode(account.id, { language, csrfToken });
    return t('codeIssued', { username: account.username, code: issued.code, at: localTime(issued.expiresAt, language) });
  }, false);

  return (
    <li className="card" data-testid="account" data-username={account.username} data-disabled={account.disabled}>
      <div className="row-top">
        <strong>{account.displayName} <span className="muted">({account.username})</span></strong>
        <span className={`pill ${account.disabled ? 'pill-error' : 'pill-ok'}`}>{account.disabled ? t('disabled') : t('active')}</span>
      </div>
      <span>{t(`roles.${account.role}`)}{account.scopeUnitCode ? ` · ${account.scopeUnitCode}` : ''}</span>
      {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
      {editing && (
        <div className="workbench-filters">
          <Field label={t('displayName')} value={draft.displayName} onChange={(v) => setDraft({ ...draft, displayName: v })} error={errors.fields.displayName} />
          <RoleField value={draft.role as Role} roles={roles} onChange={(role) => setDraft({ ...draft, role })} error={errors.fields.role} />
          <Field label={t('scope')} value={draft.scopeUnitCode} onChange={(v) => setDraft({ ...draft, scopeUnitCode: v })} error={errors.fields.scopeUnitCode} />
        </div>
      )}
      {manageable && (
        <div className="workbench-actions">
          {editing ? (
            <>
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void save()}>{t('save')}</button>
              <button type="button" className="btn btn-quiet" onClick={() => setEditing(false)}>{t('cancel')}</button>
            </>
          ) : (
            <button type="button" className="btn btn-secondary" onClick={() => setEditing(true)} aria-label={`${t('edit')} ${account.username}`}>{t('edit')}</button>
          )}
          <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void resetCode()}>{t('resetCode')}</button>
          {user.role === 'admin' && (
            <button type="button" className="btn btn-secondary" aria-expanded={linking} onClick={() => setLinking(!linking)}>{t('sso.open')}</button>
          )}
          {account.id !== user.id && (
            <button type="button" className={`btn ${account.disabled ? 'btn-secondary' : 'btn-danger'}`} disabled={busy} onClick={() => void toggleDisabled()}>
              {account.disabled ? t('enable') : t('disable')}
            </button>
          )}
        </div>
      )}
      {linking && <IdentityLinks account={account} csrfToken={csrfToken} onDone={(message) => onDone(message, false)} />}
    </li>
  );
}
