import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/ui/status-badge';
import { useFormat } from '../../../components/ui/use-format';
import type { PublicRanking as Ranking } from '../api/public-api';
import { NS } from './public-i18n';

interface PublicRankingProps {
  ranking: Ranking;
  /** The unit the page shows: its row is marked when it is a commune. */
  current: string;
  linkTo: (unitCode: string) => string;
}

/** The province's communes on one indicator, in the server's order (best first, equal values share a rank). */
export function PublicRanking({ ranking, current, linkTo }: PublicRankingProps) {
  const { t } = useTranslation(NS);
  const { measure } = useFormat();
  if (ranking.units.length === 0) return <p className="muted">{t('ranking.empty')}</p>;
  const captionId = `public-ranking-${ranking.indicatorCode}`;
  return (
    <div className="table-wrap table-tall" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="ranking" data-testid="public-ranking">
        <caption id={captionId}>{t('ranking.caption', { name: ranking.name })}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">{t('ranking.rank')}</th>
            <th scope="col">{t('ranking.unit')}</th>
            <th scope="col" className="num">{t('ranking.value')}</th>
            <th scope="col">{t('ranking.status')}</th>
          </tr>
        </thead>
        <tbody>
          {ranking.units.map((unit) => (
            <tr key={unit.code} className={unit.code === current ? 'public-current' : undefined}
              data-testid="public-ranking-row" data-unit={unit.code}>
              <td className="num" data-testid="public-rank">{unit.rank ?? '–'}</td>
              <th scope="row">
                {unit.code === current
                  ? <span aria-current="page">{unit.name} <span className="muted small">({t('ranking.here')})</span></span>
                  : <a href={`#${linkTo(unit.code)}`}>{unit.name}</a>}
              </th>
              <td className="num" data-testid="public-ranking-value">{measure(unit.value, ranking)}</td>
              <td><StatusBadge status={unit.status} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
