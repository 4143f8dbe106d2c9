import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { clearSession, readSession } from '../../../lib/session';
import { logout } from '../api/session-api';

/** Ends the session; unsent work stays in the outbox for when the same person signs in again. */
export function LogoutButton({ waiting, compact = false }: { waiting: number; compact?: boolean }) {
  const { t } = useTranslation();
  const signOut = async () => {
    if (waiting > 0 && !window.confirm(t('logout.confirmWaiting', { count: waiting }))) return;
    const session = await readSession();
    // Offline the server session simply runs out; the device forgets it either way.
    if (session && navigator.onLine) await logout(session.csrfToken).catch(() => undefined);
    await clearSession();
  };
  // Compact in a header beside the other controls; wide at the foot of the sync screen.
  return <Button variant={compact ? 'quiet' : 'danger'} wide={!compact} onClick={() => void signOut()}>{t('logout.button')}</Button>;
}
