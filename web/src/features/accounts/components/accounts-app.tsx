import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { fetchAccounts } from '../api/accounts-api';
import { AccountRow } from './account-row';
import { NS } from './accounts-i18n';
import { CreateAccountForm } from './create-account-form';
import { OwnAccount } from './own-account';

interface AccountsProps {
  user: SessionUser;
  csrfToken: string;
  /** /accounts (the officer's subtree) or /account (one's own). */
  path: string;
  /** After "sign out everywhere": the app forgets the session on this device too. */
  onSignedOut: () => void;
}

export default function AccountsApp({ user, csrfToken, path, onSignedOut }: AccountsProps) {
  if (path.startsWith('/account/') || path === '/account') return <OwnAccount csrfToken={csrfToken} onSignedOutEverywhere={onSignedOut} />;
  return <AccountsList user={user} csrfToken={csrfToken} />;
}

/** The accounts of the officer's subtree: create, edit role and scope, disable, hand out a reset code. */
function AccountsList({ user, csrfToken }: { user: SessionUser; csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const [refresh, setRefresh] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const accounts = useResource(`accounts|${language}`, (signal) => fetchAccounts({ language, signal }), refresh);
  const done = (message: string, reload: boolean) => {
    setAnnouncement(message);
    if (reload) setRefresh((n) => n + 1);
  };
  return (
    <section className="dash-section workbench" aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <CreateAccountForm user={user} csrfToken={csrfToken} onCreated={(message) => done(message, true)} />
      <p className="workbench-result" role="status" aria-live="polite" data-testid="accounts-result">{announcement}</p>
      {accounts.error && <p className="banner" role="alert">{t('failed', { message: accounts.error.message })}</p>}
      {!accounts.data && !accounts.error && <p className="muted" role="status">{t('loading')}</p>}
      {accounts.data && (
        <>
          <p><strong>{t('count', { count: accounts.data.length })}</strong></p>
          <ul className="list">
            {accounts.data.map((account) => <AccountRow key={`${account.id}|${refresh}`} account={account} user={user} csrfToken={csrfToken} onDone={done} />)}
          </ul>
        </>
      )}
    </section>
  );
}
