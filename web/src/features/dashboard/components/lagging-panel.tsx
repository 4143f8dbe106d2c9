import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/ui/status-badge';
import { useFormat } from '../../../components/ui/use-format';
import type { ChildProgress, IndicatorProgress } from '../api/dashboard-api';
import { laggingUnits } from '../api/figures';
import { NS } from './dashboard-i18n';

interface LaggingProps {
  units: readonly ChildProgress[];
  indicator: IndicatorProgress;
  linkTo: (unitCode: string) => string;
}

/** The units to call first on one indicator, with the gap and the weekly pace they now need; each opens its own dashboard. */
export function LaggingPanel({ units, indicator, linkTo }: LaggingProps) {
  const { t } = useTranslation(NS);
  const { measure } = useFormat();
  const rows = laggingUnits(units, indicator.code);
  if (rows.length === 0) return <p className="muted">{t('lagging.none')}</p>;
  return (
    <ol className="lagging" data-testid="lagging-panel">
      {rows.map((row) => (
        <li key={row.unit.code}>
          <a href={`#${linkTo(row.unit.code)}`} className="lagging-link" data-testid="lagging-unit" data-unit={row.unit.code}>
            <span className="lagging-name">{row.unit.name}</span>
            <span className="lagging-value">{measure(row.figure.value, indicator)}</span>
          </a>
          <span className="lagging-facts">
            <StatusBadge status={row.figure.status} />
            {row.figure.gap !== null && <span>{t('lagging.gap', { value: measure(row.figure.gap, indicator) })}</span>}
            <span>
              {row.figure.neededPerWeek === null
                ? t('lagging.pastDeadline')
                : t('lagging.pace', { value: measure(row.figure.neededPerWeek, indicator, 1) })}
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}
