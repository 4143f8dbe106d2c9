import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/figures';
import type { SessionUser } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { fetchChildren, fetchIndicators, fetchReportedValues, fetchUnit, type Indicator, type ReportedValue } from '../api/figures-api';
import { ApprovalItem } from './approval-item';
import { NS } from './figures-i18n';

interface QueueProps { user: SessionUser; csrfToken: string }

/** Names of the units in the queue: the officer's children in one read, any deeper unit one by one. */
async function unitNames(scope: string, codes: string[], language: string, signal: AbortSignal): Promise<Map<string, string>> {
  const names = new Map((await fetchChildren(scope, { language, signal })).map((unit) => [unit.code, unit.name]));
  const missing = codes.filter((code) => !names.has(code));
  for (const unit of await Promise.all(missing.map((code) => fetchUnit(code, { language, signal }).catch(() => null)))) {
    if (unit) names.set(unit.code, unit.name);
  }
  return names;
}

/** What awaits the officer's approval in their subtree, with counts per indicator; approve or return each. */
export function ApprovalsQueue({ user, csrfToken }: QueueProps) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const scope = user.scopeUnitCode;
  const [refresh, setRefresh] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const indicators = useResource(`indicators|${language}`, (signal) => fetchIndicators({ language, signal }));
  const queue = useResource(scope ? `queue|${scope}|${language}` : null, async (signal) => {
    // A unit's own figures are approved by the level above, so the officer's own unit is not in their queue.
    const items = (await fetchReportedValues(scope!, { status: 'submitted' }, { language, signal })).filter((item) => item.unitCode !== scope);
    return { items, names: await unitNames(scope!, [...new Set(items.map((item) => item.unitCode))], language, signal) };
  }, refresh);

  if (queue.error?.status === 401) return <p className="banner" role="alert">{t('sessionEnded')} <a href="#/login">{t('signInAgain')}</a></p>;
  const byCode = new Map<string, Indicator>((indicators.data ?? []).map((indicator) => [indicator.code, indicator]));
  const counts = new Map<string, number>();
  for (const item of queue.data?.items ?? []) counts.set(item.indicatorCode, (counts.get(item.indicatorCode) ?? 0) + 1);

  const decided = (item: ReportedValue, decision: 'approved' | 'returned') => {
    const name = byCode.get(item.indicatorCode)?.name ?? item.indicatorCode;
    setAnnouncement(t(`approvals.${decision}`, { name, unit: queue.data?.names.get(item.unitCode) ?? item.unitCode }));
    setRefresh((n) => n + 1);
  };

  return (
    <section className="dash-section workbench" aria-labelledby="approvals-heading">
      <h2 id="approvals-heading">{t('approvals.title')}</h2>
      <p className="muted">{t('approvals.intro')}</p>
      <p className="workbench-result" role="status" aria-live="polite" data-testid="approvals-result">{announcement}</p>
      {queue.error && <p className="banner" role="alert">{t('failed', { message: queue.error.message })}</p>}
      {!queue.data && !queue.error && <p className="muted" role="status">{t('loading')}</p>}
      {queue.data?.items.length === 0 && <p className="muted">{t('approvals.empty')}</p>}
      {queue.data && queue.data.items.length > 0 && (
        <>
          <p><strong data-testid="approvals-count">{t('approvals.count', { count: queue.data.items.length })}</strong></p>
          <table className="workbench-table">
            <caption>{t('approvals.byIndicator')}</caption>
            <tbody>
              {[...counts].map(([code, count]) => (
                <tr key={code}><th scope="row">{byCode.get(code)?.name ?? code}</th><td className="num">{formatNumber(count, language, 0)}</td></tr>
              ))}
            </tbody>
          </table>
          <ul className="list">
            {queue.data.items.map((item) => (
              <ApprovalItem key={item.id} item={item} indicator={byCode.get(item.indicatorCode)} unitName={queue.data!.names.get(item.unitCode) ?? item.unitCode}
                csrfToken={csrfToken} onDecided={(decision) => decided(item, decision)} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
