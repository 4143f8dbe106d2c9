import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Pill } from '../../../components/ui/pill';
import { useField } from '../../../lib/field-context';
import { navigate } from '../../../lib/navigation';
import { useReferenceData } from '../../../lib/reference-data';
import { useVillageView, type HouseholdView } from '../../../lib/village-view';

type Filter = 'all' | 'todo';

/** The village's households with their coverage: the doors knocked on and the doors still to knock on. */
export function HouseholdList() {
  const { t } = useTranslation();
  const { user, village } = useField();
  const { milestoneKinds } = useReferenceData();
  const view = useVillageView(village.code, user.id, milestoneKinds.map((k) => k.code));
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');

  const shown = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase('vi');
    return (view?.households ?? []).filter((h) => (filter === 'all' || !h.visited) && (!needle || matches(h, needle)));
  }, [view, filter, search]);

  if (!view) return <p className="muted">{t('common.loading')}</p>;
  const total = view.households.length;
  return (
    <section className="stack" aria-labelledby="households-title">
      <div className="row-top">
        <h2 id="households-title">{t('households.title')}</h2>
        <span data-testid="coverage">{t('households.coverage', { visited: view.visitedCount, total })}</span>
      </div>
      <Button wide onClick={() => navigate('/household/new')}>+ {t('households.add')}</Button>
      {total > 0 && (
        <>
          <div className="filters" role="group" aria-label={t('households.filter')}>
            <Button variant={filter === 'all' ? 'primary' : 'secondary'} aria-pressed={filter === 'all'} onClick={() => setFilter('all')}>
              {t('households.all', { count: total })}
            </Button>
            <Button variant={filter === 'todo' ? 'primary' : 'secondary'} aria-pressed={filter === 'todo'} onClick={() => setFilter('todo')}>
              {t('households.notVisited', { count: total - view.visitedCount })}
            </Button>
          </div>
          <div className="field">
            <input type="search" aria-label={t('households.search')} placeholder={t('households.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
        </>
      )}
      {total === 0 && <p className="muted">{t('households.empty')}</p>}
      <ul className="list">
        {shown.map((household) => <HouseholdRow key={household.id} household={household} />)}
      </ul>
    </section>
  );
}

function matches(household: HouseholdView, needle: string): boolean {
  const words = [household.label, household.headName ?? '', household.address ?? '', ...household.residents.map((r) => r.fullName)];
  return words.some((word) => word.toLocaleLowerCase('vi').includes(needle));
}

function HouseholdRow({ household }: { household: HouseholdView }) {
  const { t } = useTranslation();
  const lacking = household.residents.reduce((sum, r) => sum + r.lacking.length, 0);
  return (
    <li>
      <button type="button" className="row-button" data-testid="household-row" onClick={() => navigate(`/household/${household.id}`)}>
        <span className="row-top">
          <strong>{household.label}</strong>
          {household.visited ? <Pill tone="ok">{t('households.visited')}</Pill> : <Pill tone="todo">{t('households.toVisit')}</Pill>}
        </span>
        {(household.headName || household.address) && (
          <span className="row-sub">{[household.headName, household.address].filter(Boolean).join(' · ')}</span>
        )}
        <span className="row-sub">
          {t('households.people', { count: household.residents.length })}
          {household.residents.length > 0 && ` · ${lacking > 0 ? t('households.lacking', { count: lacking }) : t('households.complete')}`}
        </span>
        <span className="chips">
          {household.pending && <Pill tone="wait">{t('sync.waitingOne')}</Pill>}
          {household.error && <Pill tone="error">{t('sync.rejectedOne')}</Pill>}
        </span>
      </button>
    </li>
  );
}
