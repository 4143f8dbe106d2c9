import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../api/accounts-api';
import { NS } from './accounts-i18n';

const RANK: Record<Role, number> = { admin: 5, province_officer: 4, commune_officer: 3, team_leader: 2, team_member: 1, learner: 0 };

/** The roles an officer may hand out (the API's rule): their own or lower; administrators only by an administrator. */
export const grantableRoles = (own: string): Role[] =>
  ROLES.filter((role) => (role === 'admin' ? own === 'admin' : RANK[role] <= (RANK[own as Role] ?? -1)));

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  type?: string;
  autoComplete?: string;
}

/** A labelled input with its hint or error sentence tied to it for screen readers. */
export function Field({ label, value, onChange, error, hint, type = 'text', autoComplete }: FieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} value={value} autoComplete={autoComplete} onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined} />
      {hint && !error && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {error && <p id={`${id}-error`} className="field-error" role="alert">{error}</p>}
    </div>
  );
}

export function RoleField({ value, roles, onChange, error }: { value: Role; roles: Role[]; onChange: (role: Role) => void; error?: string }) {
  const { t } = useTranslation(NS);
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('role')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as Role)}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {roles.map((role) => <option key={role} value={role}>{t(`roles.${role}`)}</option>)}
      </select>
      {error && <p id={`${id}-error`} className="field-error" role="alert">{error}</p>}
    </div>
  );
}
