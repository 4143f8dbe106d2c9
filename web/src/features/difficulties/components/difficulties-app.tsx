import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../lib/navigation';
import type { SessionUser } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { fetchChildren, fetchDifficulties, fetchUnit, STATUSES, type Difficulty, type DifficultyStatus } from '../api/difficulties-api';
import { NS } from './difficulties-i18n';
import { DifficultyItem } from './difficulty-item';
import { RaiseForm } from './raise-form';

interface DifficultiesProps {
  user: SessionUser;
  csrfToken: string;
  /** /difficulties or /difficulties/<unit>: the unit filter is in the address, so the dashboard can link to it. */
  path: string;
}

const NOT_CLOSED: readonly DifficultyStatus[] = ['open', 'assigned', 'answered'];
type StatusFilter = 'not_closed' | 'all' | DifficultyStatus;
const statusesOf = (filter: StatusFilter): readonly DifficultyStatus[] => (filter === 'not_closed' ? NOT_CLOSED : filter === 'all' ? [] : [filter]);

/** Difficulties of the officer's subtree: raise one, filter by unit and status, and (the province) answer and close. */
export default function DifficultiesApp({ user, csrfToken, path }: DifficultiesProps) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const ids = { unit: useId(), status: useId() };
  const scope = user.scopeUnitCode;
  const unitCode = decodeURIComponent(path.split('/')[2] ?? '') || scope || '';
  const [filter, setFilter] = useState<StatusFilter>('not_closed');
  const [refresh, setRefresh] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [extra, setExtra] = useState<{ items: Difficulty[]; next: string | null } | null>(null);
  const canHandle = user.role === 'province_officer' || user.role === 'admin';

  const units = useResource(scope ? `units|${scope}|${language}` : null, async (signal) => {
    const [own, children] = await Promise.all([fetchUnit(scope!, { language, signal }), fetchChildren(scope!, { language, signal })]);
    return [own, ...children];
  });
  const key = unitCode ? `difficulties|${unitCode}|${filter}|${language}` : null;
  const list = useResource(key, async (signal) => {
    const page = await fetchDifficulties(unitCode, statusesOf(filter), null, { language, signal });
    // Units deeper than the picker's (villages under a commune) are named one by one.
    const known = new Set((units.data ?? []).map((unit) => unit.code));
    const names = new Map<string, string>();
    for (const code of [...new Set(page.items.map((item) => item.unitCode))].filter((code) => !known.has(code))) {
      const unit = await fetchUnit(code, { language, signal }).catch(() => null);
      if (unit) names.set(code, unit.name);
    }
    return { ...page, names };
  }, refresh);
  useEffect(() => setExtra(null), [key, refresh]);

  const nameOf = (code: string) => units.data?.find((unit) => unit.code === code)?.name ?? list.data?.names.get(code) ?? code;
  const items = [...(list.data?.items ?? []), ...(extra?.items ?? [])];
  const next = extra ? extra.next : list.data?.next ?? null;
  const changed = (message: string) => {
    setAnnouncement(message);
    setRefresh((n) => n + 1);
  };
  const loadMore = async () => {
    if (!next) return;
    const page = await fetchDifficulties(unitCode, statusesOf(filter), next, { language });
    setExtra((previous) => ({ items: [...(previous?.items ?? []), ...page.items], next: page.next }));
  };

  if (list.error?.status === 401) return <p className="banner" role="alert">{t('sessionEnded')} <a href="#/login">{t('signInAgain')}</a></p>;
  return (
    <section className="dash-section workbench" aria-labelledby="difficulties-title">
      <h2 id="difficulties-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {units.data && <RaiseForm units={units.data} csrfToken={csrfToken} onRaised={() => setRefresh((n) => n + 1)} />}

      <fieldset className="workbench-filters">
        <legend>{t('filters')}</legend>
        <div className="field">
          <label htmlFor={ids.unit}>{t('unit')}</label>
          <select id={ids.unit} value={unitCode} onChange={(event) => navigate(`/difficulties/${encodeURIComponent(event.target.value)}`, { replace: true })}>
            {(units.data ?? [{ code: unitCode, name: nameOf(unitCode), tier: '' }]).map((unit) => <option key={unit.code} value={unit.code}>{unit.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.status}>{t('statusFilter')}</label>
          <select id={ids.status} value={filter} onChange={(event) => setFilter(event.target.value as StatusFilter)}>
            <option value="not_closed">{t('notClosed')}</option>
            <option value="all">{t('allStatuses')}</option>
            {STATUSES.map((status) => <option key={status} value={status}>{t(`status.${status}`)}</option>)}
          </select>
        </div>
      </fieldset>

      <p className="workbench-result" role="status" aria-live="polite" data-testid="difficulties-result">{announcement}</p>
      {list.error && <p className="banner" role="alert">{t('failed', { message: list.error.message })}</p>}
      {!list.data && !list.error && <p className="muted" role="status">{t('loading')}</p>}
      {list.data && (
        <>
          <p><strong data-testid="difficulties-count">{t('count', { count: items.length, more: next ? '+' : '' })}</strong></p>
          {items.length === 0 && <p className="muted">{t('empty')}</p>}
          <ul className="list">
            {items.map((item) => (
              <DifficultyItem key={item.id} item={item} unitName={nameOf(item.unitCode)} canHandle={canHandle} userId={user.id} csrfToken={csrfToken} onChanged={changed} />
            ))}
          </ul>
          {next && <button type="button" className="btn btn-secondary" onClick={() => void loadMore()}>{t('more')}</button>}
        </>
      )}
    </section>
  );
}
