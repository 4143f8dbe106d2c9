import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Pill } from '../../../components/ui/pill';
import { useField } from '../../../lib/field-context';
import { FoldedIndex } from '../../../lib/fold-search';
import { navigate } from '../../../lib/navigation';
import { useReferenceData } from '../../../lib/reference-data';
import { useVillageView, type Coverage, type HouseholdView } from '../../../lib/village-view';
import { CoveragePill, LastTry } from './coverage-pill';

type Filter = 'all' | Coverage | 'mine';
const FILTERS: readonly Filter[] = ['all', 'never', 'come_back', 'covered'];

/**
 * The village's households by coverage: never visited, to come back to (tried, nobody guided
 * yet) and covered; and a search by name, address or last 4 ID digits that ignores case and
 * Vietnamese diacritics.
 */
export function HouseholdList() {
  const { t } = useTranslation();
  const { user, village } = useField();
  const { milestoneKinds } = useReferenceData();
  const view = useVillageView(village.code, user.id, milestoneKinds.map((k) => k.code));
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');

  // One index per copy of the village: a household is found by its label, head, address and by
  // each of its people (name and last 4 ID digits).
  const index = useMemo(() => new FoldedIndex((view?.households ?? []).flatMap((h) => [
    { id: h.id, name: h.label, alsoNames: [h.headName ?? ''], address: h.address },
    ...h.residents.map((r) => ({ id: `${h.id}/${r.id}`, name: r.fullName, address: h.address, idLast4: r.nationalIdLast4 })),
  ])), [view]);

  const shown = useMemo(() => {
    const households = view?.households ?? [];
    const inFilter = (h: HouseholdView) => filter === 'all' || h.coverage === filter || (filter === 'mine' && h.assignedToMe);
    if (!search.trim()) {
      const list = households.filter(inFilter);
      // The longest waiting first: the doors to come back to soonest.
      if (filter === 'come_back') list.sort((a, b) => (a.lastTriedAt ?? '').localeCompare(b.lastTriedAt ?? ''));
      return list;
    }
    const byId = new Map(households.map((h) => [h.id, h]));
    const seen = new Set<string>();
    const ranked: HouseholdView[] = [];
    for (const hit of index.search(search, 200)) {
      const id = hit.id.split('/')[0]!;
      const household = byId.get(id);
      if (!household || seen.has(id) || !inFilter(household)) continue;
      seen.add(id);
      ranked.push(household);
    }
    return ranked;
  }, [view, index, filter, search]);

  if (!view) return <p className="muted">{t('common.loading')}</p>;
  const total = view.households.length;
  const mine = view.households.filter((h) => h.assignedToMe).length;
  const counts: Record<Filter, number> = { all: total, ...view.counts, mine };
  // "Mine" shows once the team leader has assigned this member some households.
  const filters = mine > 0 ? [...FILTERS, 'mine' as const] : FILTERS;
  return (
    <section className="stack" aria-labelledby="households-title">
      <div className="row-top">
        <h2 id="households-title">{t('households.title')}</h2>
        <span data-testid="coverage">{t('households.coverage', { covered: view.counts.covered, total })}</span>
      </div>
      <Button wide onClick={() => navigate('/household/new')}>+ {t('households.add')}</Button>
      {total > 0 && (
        <>
          <div className="filters" role="group" aria-label={t('households.filter')}>
            {filters.map((f) => (
              <Button key={f} data-testid={`filter-${f}`} variant={filter === f ? 'primary' : 'secondary'} aria-pressed={filter === f} onClick={() => setFilter(f)}>
                {t(`households.filters.${f}`, { count: counts[f] })}
              </Button>
            ))}
          </div>
          <div className="field">
            <input type="search" data-testid="household-search" aria-label={t('households.search')} placeholder={t('households.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
        </>
      )}
      {total === 0 && <p className="muted">{t('households.empty')}</p>}
      {total > 0 && shown.length === 0 && <p className="muted" role="status">{t('households.noMatch')}</p>}
      <ul className="list">
        {shown.map((household) => <HouseholdRow key={household.id} household={household} />)}
      </ul>
    </section>
  );
}

function HouseholdRow({ household }: { household: HouseholdView }) {
  const { t } = useTranslation();
  const lacking = household.residents.reduce((sum, r) => sum + r.lacking.length, 0);
  return (
    <li>
      <button type="button" className="row-button" data-testid="household-row" data-coverage={household.coverage} onClick={() => navigate(`/household/${household.id}`)}>
        <span className="row-top">
          <strong>{household.label}</strong>
          <CoveragePill coverage={household.coverage} />
        </span>
        {(household.headName || household.address) && (
          <span className="row-sub">{[household.headName, household.address].filter(Boolean).join(' · ')}</span>
        )}
        {household.coverage === 'come_back' && <LastTry household={household} />}
        <span className="row-sub">
          {t('households.people', { count: household.residents.length })}
          {household.residents.length > 0 && ` · ${lacking > 0 ? t('households.lacking', { count: lacking }) : t('households.complete')}`}
        </span>
        <span className="chips">
          {household.assignedToMe && <Pill tone="ok">{t('households.assignedToMe')}</Pill>}
          {household.pending && <Pill tone="wait">{t('sync.waitingOne')}</Pill>}
          {household.error && <Pill tone="error">{t('sync.rejectedOne')}</Pill>}
        </span>
      </button>
    </li>
  );
}
