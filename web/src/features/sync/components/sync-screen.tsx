import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Pill } from '../../../components/ui/pill';
import { Screen } from '../../../components/ui/screen';
import { db } from '../../../lib/db';
import { useLiveQuery } from '../../../lib/live-query';
import { discardItem, retryItem } from '../../../lib/outbox';
import { serverErrorText } from '../../../lib/server-error';
import { useOnline } from '../../../lib/use-online';
import { loadOutboxSummary } from '../api/outbox-summary';
import { syncNow } from '../api/sync-engine';

/** Every record still on the phone, with the server's own words for the ones it refused. */
export function SyncScreen({ userId, footer }: { userId: string; footer?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const summary = useLiveQuery(() => loadOutboxSummary(userId), [userId]);
  return (
    <Screen title={t('sync.title')} back="/">
      <Button wide disabled={!online} onClick={() => void syncNow(i18n.language, { force: true })}>{t('sync.now')}</Button>
      {summary && summary.items.length === 0 && <p className="muted">{t('sync.nothingWaiting')}</p>}
      <ul className="list">
        {summary?.items.map((item) => (
          <li key={item.id} className="card" data-testid="outbox-item">
            <div className="row-top">
              <strong>{t(`kind.${item.kind}`)}: {item.subject}</strong>
              {item.state === 'rejected' ? <Pill tone="error">{t('sync.rejectedOne')}</Pill> : <Pill tone="wait">{t('sync.waitingOne')}</Pill>}
            </div>
            {item.error && (
              <>
                <p className="error-text">{serverErrorText(t, item.error)}</p>
                {item.error.field && <p className="row-sub">{item.error.field}</p>}
              </>
            )}
            {item.state === 'rejected' && (
              <div className="filters">
                <Button variant="secondary" onClick={() => void retryItem(item.id)}>{t('sync.retry')}</Button>
                <Button variant="danger" onClick={() => { if (window.confirm(t('sync.discardConfirm'))) void discardItem(item.id); }}>{t('sync.discard')}</Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {summary && summary.notices.length > 0 && (
        <>
          <h3>{t('sync.conflictsTitle')}</h3>
          <p className="muted">{t('sync.conflictsHelp')}</p>
          <ul className="list">
            {summary.notices.map((notice) => (
              <li key={notice.id} className="card">
                <strong>{t(`kind.${notice.kind}`)}</strong>
                {notice.message && <p>{notice.message}</p>}
                <Button variant="quiet" onClick={() => void db.notices.delete(notice.id)}>{t('sync.seen')}</Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {footer}
    </Screen>
  );
}
