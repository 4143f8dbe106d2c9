import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api';
import { forgetBootLogin, takeBootLogin } from '../../../lib/boot-shell';
import { saveSession } from '../../../lib/session';
import { useOnline } from '../../../lib/use-online';
import { login } from '../api/session-api';
import { ResetCodeForm } from './reset-code-form';
import { SsoLogin } from './sso-login';

interface LoginScreenProps {
  /** Set when the session ended: the same person signs in again and their unsent work goes out. */
  username?: string;
  onLoggedIn: () => void;
}

export function LoginScreen({ username: knownUsername, onLoggedIn }: LoginScreenProps) {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  // What was typed into the form index.html painted before this script arrived.
  const [boot] = useState(() => (knownUsername ? undefined : takeBootLogin()));
  const [username, setUsername] = useState(knownUsername ?? boot?.username ?? '');
  const [password, setPassword] = useState(boot?.password ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [withCode, setWithCode] = useState(false);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = await login(username.trim(), password, i18n.language);
      await saveSession({ user: answer.user, csrfToken: answer.csrfToken, expired: false });
      onLoggedIn();
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status !== 0 ? caught.message : t('login.networkError'));
    } finally {
      setBusy(false);
    }
  };

  // "Đăng nhập" was pressed on the painted form before the app could answer: send it now, once.
  const sentEarly = useRef(false);
  useEffect(() => {
    forgetBootLogin();
    if (!boot?.submitted || sentEarly.current) return;
    sentEarly.current = true;
    void submit();
    // Once, on arrival: `boot` never changes.
  }, []);

  if (withCode) return <ResetCodeForm onLoggedIn={onLoggedIn} onCancel={() => setWithCode(false)} />;
  return (
    <>
      <form className="stack" onSubmit={submit}>
        <h2>{knownUsername ? t('login.again') : t('login.title')}</h2>
        <p className="muted">{t('login.once')}</p>
        {!online && <p className="banner" role="status">{t('login.needsNetwork')}</p>}
        <TextField label={t('login.username')} name="username" autoComplete="username" autoCapitalize="none" required
          value={username} onChange={(e) => setUsername(e.target.value)} readOnly={Boolean(knownUsername)} />
        <TextField label={t('login.password')} name="password" type="password" autoComplete="current-password" required
          value={password} onChange={(e) => setPassword(e.target.value)} />
        {error && <p className="error-text" role="alert">{error}</p>}
        <Button type="submit" wide disabled={busy || !online}>{busy ? t('login.busy') : t('login.submit')}</Button>
        {!knownUsername && <SsoLogin online={online} onLoggedIn={onLoggedIn} />}
        {!knownUsername && <Button variant="quiet" onClick={() => setWithCode(true)}>{t('reset.open')}</Button>}
      </form>
      <p><a className="text-link" href="#/public" data-testid="public-link">{t('login.publicPage')}</a></p>
      <p><a className="text-link" href="#/contest" data-testid="contest-link">{t('login.contestPage')}</a></p>
    </>
  );
}
