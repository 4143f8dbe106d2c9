import { useTranslation } from 'react-i18next';
import { useLiveQuery } from '../../../lib/live-query';
import { navigate } from '../../../lib/navigation';
import { syncFailureText } from '../../../lib/server-error';
import { minutesSince } from '../../../lib/time';
import { useNow, useOnline } from '../../../lib/use-online';
import { loadOutboxSummary } from '../api/outbox-summary';
import { readSyncStatus } from '../api/sync-status';

type Tone = 'wait' | 'ok' | 'error' | 'offline';

/** Always on screen: is my work on the server yet? One sentence, and a tap opens the details. */
export function SyncBar({ userId, expired }: { userId: string; expired: boolean }) {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const now = useNow(20_000);
  const summary = useLiveQuery(() => loadOutboxSummary(userId), [userId]);
  const status = useLiveQuery(readSyncStatus, []);
  const pending = summary?.pending ?? 0;
  const rejected = summary?.rejected ?? 0;

  let tone: Tone = 'wait';
  let text: string;
  if (expired) [tone, text] = ['error', t('sync.expired')];
  else if (!online) [tone, text] = ['offline', pending > 0 ? t('sync.offlineWaiting', { count: pending }) : t('sync.offline')];
  else if (rejected > 0) [tone, text] = ['error', t('sync.rejected', { count: rejected })];
  else if (status?.running) text = t('sync.running');
  else if (pending > 0) text = t('sync.waiting', { count: pending });
  else if (status?.error) [tone, text] = ['error', syncFailureText(t, status.error)];
  else if (status?.lastSyncedAt) {
    const minutes = minutesSince(status.lastSyncedAt, now);
    const time = new Date(status.lastSyncedAt).toLocaleTimeString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
    // What the last sync did and when; the minutes since only once it grows old.
    const said = status.lastSent ? t('sync.sentAt', { time, count: status.lastSent }) : t('sync.syncedAt', { time });
    [tone, text] = ['ok', minutes < 60 ? said : t('sync.minutesAgo', { count: minutes })];
  } else text = t('sync.never');

  const extra = [
    pending > 0 && online && !expired && status?.error ? t('sync.retrying') : undefined,
    status?.cappedMessage ? t('sync.capped', { message: status.cappedMessage }) : undefined,
    summary?.notices.length ? t('sync.conflicts', { count: summary.notices.length }) : undefined,
  ].filter(Boolean);

  return (
    <button type="button" className={`syncbar ${tone}`} onClick={() => navigate(expired ? '/login' : '/sync')}
      data-testid="sync-bar" data-pending={pending} data-rejected={rejected} aria-live="polite">
      <span>
        {text}
        {extra.map((line) => <small key={line}>{line}</small>)}
      </span>
      <span aria-hidden="true" className="chevron">›</span>
    </button>
  );
}
