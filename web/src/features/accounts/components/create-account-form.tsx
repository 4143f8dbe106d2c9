import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../lib/session';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { createAccount, type Role } from '../api/accounts-api';
import { Field, grantableRoles, RoleField } from './account-fields';
import { NS } from './accounts-i18n';

const FIELDS = new Set(['username', 'displayName', 'password', 'role', 'scopeUnitCode']);
const MIN_PASSWORD = 8;

/** A new account at or below the officer's role, in their subtree (the scope defaults to their own unit). */
export function CreateAccountForm({ user, csrfToken, onCreated }: { user: SessionUser; csrfToken: string; onCreated: (message: string) => void }) {
  const { t, i18n } = useTranslation(NS);
  const roles = grantableRoles(user.role);
  const [form, setForm] = useState({ username: '', displayName: '', password: '', role: (roles.includes('team_member') ? 'team_member' : roles[0]) as Role, scopeUnitCode: user.scopeUnitCode ?? '' });
  const { errors, busy, onSubmit } = useFormSubmit();
  const set = (key: keyof typeof form) => (value: string) => setForm((previous) => ({ ...previous, [key]: value }));

  const submit = onSubmit({
    validate: () => {
      const fields: Record<string, string> = {};
      if (form.username.trim().length < 3) fields.username = t('tooShort', { count: 3 });
      if (form.displayName.trim() === '') fields.displayName = t('required');
      if (form.password.length < MIN_PASSWORD) fields.password = t('tooShort', { count: MIN_PASSWORD });
      if (form.role !== 'admin' && form.scopeUnitCode.trim() === '') fields.scopeUnitCode = t('required');
      return fields;
    },
    send: async () => {
      await createAccount({
        username: form.username.trim(), displayName: form.displayName.trim(), password: form.password, role: form.role,
        scopeUnitCode: form.scopeUnitCode.trim() === '' ? null : form.scopeUnitCode.trim(),
      }, { language: i18n.language, csrfToken });
      onCreated(t('created', { username: form.username.trim() }));
      setForm((previous) => ({ ...previous, username: '', displayName: '', password: '' }));
    },
    fieldOf: (path) => (FIELDS.has(path) ? path : undefined),
  });

  return (
    <form className="card workbench-form" onSubmit={submit} noValidate aria-label={t('create')}>
      <h3>{t('create')}</h3>
      {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
      <div className="workbench-filters">
        <Field label={t('username')} value={form.username} onChange={set('username')} error={errors.fields.username} autoComplete="off" />
        <Field label={t('displayName')} value={form.displayName} onChange={set('displayName')} error={errors.fields.displayName} />
        <Field label={t('password')} type="password" value={form.password} onChange={set('password')} error={errors.fields.password} autoComplete="new-password" />
        <RoleField value={form.role} roles={roles} onChange={(role) => setForm((previous) => ({ ...previous, role }))} error={errors.fields.role} />
        <Field label={t('scope')} value={form.scopeUnitCode} onChange={set('scopeUnitCode')} error={errors.fields.scopeUnitCode} hint={t('scopeHint')} />
      </div>
      <div className="workbench-actions"><button type="submit" className="btn btn-primary" disabled={busy}>{t('create')}</button></div>
    </form>
  );
}
