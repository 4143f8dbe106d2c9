import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/ui/status-badge';
import { useFormat } from '../../../components/ui/use-format';
import type { ChildProgress, IndicatorProgress } from '../api/dashboard-api';
import { rankRows, sortRows, type SortDirection, type SortKey } from '../api/figures';
import { NS } from './dashboard-i18n';

interface RankingProps {
  units: readonly ChildProgress[];
  indicator: IndicatorProgress;
  childrenLabel: string;
  linkTo: (unitCode: string) => string;
}

const COLUMNS: { key: SortKey; numeric: boolean }[] = [
  { key: 'rank', numeric: true },
  { key: 'name', numeric: false },
  { key: 'value', numeric: true },
  { key: 'target', numeric: true },
  { key: 'status', numeric: false },
  { key: 'gap', numeric: true },
  { key: 'neededPerWeek', numeric: true },
  { key: 'openDifficulties', numeric: true },
];

const LABEL: Record<SortKey, string> = {
  rank: 'ranking.rank', name: 'ranking.unit', value: 'ranking.value', target: 'ranking.target', status: 'ranking.status',
  gap: 'ranking.gap', neededPerWeek: 'ranking.neededPerWeek', openDifficulties: 'ranking.openDifficulties',
};

/** Every child unit on one indicator, sortable by any column with real header buttons and aria-sort. */
export function RankingTable({ units, indicator, childrenLabel, linkTo }: RankingProps) {
  const { t } = useTranslation(NS);
  const { measure, number } = useFormat();
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'rank', direction: 'ascending' });
  const rows = useMemo(() => sortRows(rankRows(units, indicator.code), sort.key, sort.direction), [units, indicator.code, sort]);
  const captionId = `ranking-caption-${indicator.code}`;

  const toggle = (key: SortKey) => setSort((current) => ({
    key,
    // A new column starts the way people read it: names A→Z, rank 1 first, amounts largest first.
    direction: current.key === key
      ? (current.direction === 'ascending' ? 'descending' : 'ascending')
      : key === 'name' || key === 'rank' || key === 'status' ? 'ascending' : 'descending',
  }));

  if (rows.length === 0) return <p className="muted">{t('ranking.empty')}</p>;
  return (
    <div className="table-wrap table-tall" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="ranking" data-testid="ranking-table">
        <caption id={captionId}>{t('ranking.caption', { children: childrenLabel, name: indicator.name })}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? 'num' : undefined}
                aria-sort={sort.key === column.key ? sort.direction : undefined}>
                <button type="button" className="sort" onClick={() => toggle(column.key)} data-testid={`sort-${column.key}`}>
                  {t(LABEL[column.key])}
                  <span aria-hidden="true" className="sort-mark">{sort.key === column.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unit.code} data-testid="ranking-row" data-unit={row.unit.code}>
              <td className="num">{row.rank}</td>
              <th scope="row"><a href={`#${linkTo(row.unit.code)}`}>{row.unit.name}</a></th>
              <td className="num">{measure(row.figure.value, indicator)}</td>
              <td className="num">{row.figure.target === null ? '–' : measure(row.figure.target, indicator)}</td>
              <td><StatusBadge status={row.figure.status} /></td>
              <td className="num">{row.figure.gap === null ? '–' : measure(row.figure.gap, indicator)}</td>
              <td className="num">{row.figure.neededPerWeek === null ? '–' : measure(row.figure.neededPerWeek, indicator, 1)}</td>
              <td className="num">{number(row.openDifficulties, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
