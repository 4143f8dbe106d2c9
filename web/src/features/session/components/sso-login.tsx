import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveSession } from '../../../lib/session';
import { fetchMe, fetchSsoSettings, type SsoSettings } from '../api/session-api';

/** Codes the single sign-on callback sends back with `?sso=`; each has its sentence. */
const KNOWN_OUTCOMES = new Set(['SSO_STATE_INVALID', 'SSO_REFUSED', 'SSO_ACCOUNT_UNKNOWN', 'SSO_PROVIDER_UNAVAILABLE', 'SSO_NOT_CONFIGURED']);

/** Reads the outcome the callback left in the address once, then takes it out of the address bar. */
function takeOutcome(): string | null {
  const params = new URLSearchParams(location.search);
  const outcome = params.get('sso');
  if (outcome !== null) {
    params.delete('sso');
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  }
  return outcome;
}

/**
 * "Đăng nhập bằng …": a plain link to the server, which sends the browser to the provider and
 * back. Coming back, a session is already open (its cookie set): the app asks who it is.
 */
export function SsoLogin({ online, onLoggedIn }: { online: boolean; onLoggedIn: () => void }) {
  const { t, i18n } = useTranslation();
  const [settings, setSettings] = useState<SsoSettings>();
  const [outcome] = useState(takeOutcome);
  const [error, setError] = useState<string>();
  // The outcome is handled once, whatever the parent hands in on later renders.
  const loggedIn = useRef(onLoggedIn);
  loggedIn.current = onLoggedIn;

  useEffect(() => {
    if (!online) return;
    fetchSsoSettings(i18n.language).then(setSettings, () => setSettings(undefined));
  }, [online, i18n.language]);

  useEffect(() => {
    if (outcome === null) return;
    if (outcome !== 'done') {
      setError(t(`login.sso.${KNOWN_OUTCOMES.has(outcome) ? outcome : 'failed'}`));
      return;
    }
    fetchMe(i18n.language)
      .then((answer) => saveSession({ user: answer.user, csrfToken: answer.csrfToken, expired: false }))
      .then(() => loggedIn.current(), () => setError(t('login.sso.failed')));
    // Once per outcome, in the language of the moment.
  }, [outcome]);

  return (
    <>
      {error && <p className="error-text" role="alert" data-testid="sso-error">{error}</p>}
      {/* A link, not a form: the browser leaves for the provider. Offline there is nowhere to go. */}
      {settings?.enabled && online && (
        <a className="btn btn-secondary btn-wide sso-button" href="/api/auth/sso/start" data-testid="sso-login">
          {t('login.sso.button', { name: settings.name })}
        </a>
      )}
    </>
  );
}
