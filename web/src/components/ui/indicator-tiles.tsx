import { useTranslation } from 'react-i18next';
import { formatDay, shareOfTarget } from '../../lib/figures';
import type { IndicatorFigure } from '../../lib/progress-types';
import { PROGRESS_NS } from './progress-i18n';
import { StatusBadge } from './status-badge';
import { useFormat } from './use-format';

interface TilesProps {
  /** What a tile shows: the officers' progress has more (projection, pace), the public page's answer just this. */
  indicators: readonly IndicatorFigure[];
  selected: string | undefined;
  onSelect: (code: string) => void;
}

/**
 * One tile per indicator: the value, the target, a bar of how far along it is, and the status in
 * colour, shape and words. A tile is a toggle button: pressing it shows that indicator below.
 */
export function IndicatorTiles({ indicators, selected, onSelect }: TilesProps) {
  return (
    <ul className="tiles">
      {indicators.map((indicator) => (
        <li key={indicator.code}>
          <IndicatorTile indicator={indicator} selected={indicator.code === selected} onSelect={() => onSelect(indicator.code)} />
        </li>
      ))}
    </ul>
  );
}

function IndicatorTile({ indicator, selected, onSelect }: { indicator: IndicatorFigure; selected: boolean; onSelect: () => void }) {
  const { t } = useTranslation(PROGRESS_NS);
  const { measure, number } = useFormat();
  const share = shareOfTarget(indicator.value, indicator.target);
  return (
    <button type="button" className={`tile tile-${indicator.status}`} aria-pressed={selected} onClick={onSelect}
      data-testid="indicator-tile" data-indicator={indicator.code}>
      <span className="tile-name">{indicator.name}</span>
      <span className="tile-value" data-testid="tile-value">{measure(indicator.value, indicator)}</span>
      {indicator.denominator !== null && indicator.numerator !== null && (
        <span className="tile-sub">{t('tiles.ofDenominator', { numerator: number(indicator.numerator, 0), denominator: number(indicator.denominator, 0) })}</span>
      )}
      <span className="tile-sub">
        {indicator.target !== null && indicator.deadline !== null
          ? t('tiles.target', { target: measure(indicator.target, indicator), deadline: formatDay(indicator.deadline) })
          : t('tiles.noTarget')}
      </span>
      {share !== null && (
        <span className="bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share)}
          aria-label={t('tiles.progress', { share: number(share, 0) })}>
          <span className="bar-fill" style={{ width: `${share}%` }} />
        </span>
      )}
      <StatusBadge status={indicator.status} />
      {indicator.source && <span className="tile-sub" data-testid="tile-source">{t(`tiles.source.${indicator.source}`)}</span>}
      {indicator.suspect && (
        <span className="tile-suspect" data-testid="tile-suspect" role="note">
          <span aria-hidden="true">⚠ </span>{t('tiles.suspect')}
        </span>
      )}
    </button>
  );
}
