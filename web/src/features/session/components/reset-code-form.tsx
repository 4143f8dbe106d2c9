import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api';
import { saveSession } from '../../../lib/session';
import { login, resetPassword } from '../api/session-api';

const MIN_PASSWORD = 8;

/**
 * Signing in with a one-time code an officer handed out: the code alone never opens a session,
 * the person chooses a new password here and is then signed in with it.
 */
export function ResetCodeForm({ onLoggedIn, onCancel }: { onLoggedIn: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const [username, setUsername] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ code?: string; newPassword?: string; general?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The API's rule for a new password, checked before sending.
    if (password.length < MIN_PASSWORD) {
      setErrors({ newPassword: t('reset.tooShort', { count: MIN_PASSWORD }) });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await resetPassword(username.trim(), code.trim(), password, i18n.language);
      const answer = await login(username.trim(), password, i18n.language);
      await saveSession({ user: answer.user, csrfToken: answer.csrfToken, expired: false });
      onLoggedIn();
    } catch (caught) {
      if (!(caught instanceof ApiError) || caught.status === 0) setErrors({ general: t('login.networkError') });
      else if (caught.field === 'code' || caught.field === 'newPassword') setErrors({ [caught.field]: caught.message });
      else setErrors({ general: caught.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <h2>{t('reset.title')}</h2>
      <p className="muted">{t('reset.help')}</p>
      <TextField label={t('login.username')} name="username" autoComplete="username" autoCapitalize="none" required
        value={username} onChange={(e) => setUsername(e.target.value)} />
      <TextField label={t('reset.code')} name="code" autoComplete="one-time-code" autoCapitalize="characters" required
        value={code} onChange={(e) => setCode(e.target.value)} error={errors.code} />
      <TextField label={t('reset.newPassword')} name="new-password" type="password" autoComplete="new-password" required
        hint={t('reset.tooShort', { count: MIN_PASSWORD })} value={password} onChange={(e) => setPassword(e.target.value)} error={errors.newPassword} />
      {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
      <Button type="submit" wide disabled={busy}>{busy ? t('login.busy') : t('reset.submit')}</Button>
      <Button variant="quiet" onClick={onCancel}>{t('reset.back')}</Button>
    </form>
  );
}
