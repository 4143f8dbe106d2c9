import { useTranslation } from 'react-i18next';
import { useStatusLabel } from '../../../components/ui/status-badge';
import { useFormat } from '../../../components/ui/use-format';
import { STATUS_SYMBOL } from '../../../lib/figures';
import type { ChildProgress, IndicatorProgress } from '../api/dashboard-api';
import { STATUS_ORDER, statusCounts } from '../api/figures';
import { NS } from './dashboard-i18n';

interface GridProps {
  units: readonly ChildProgress[];
  indicator: IndicatorProgress;
  linkTo: (unitCode: string) => string;
}

/**
 * Every child unit as a square coloured by its status on one indicator: the province at a
 * glance without map tiles (the servers have no internet). Each square is a link that names the
 * unit, its figure and its status for screen readers; the shape in the corner carries the
 * status for readers who do not see colour.
 */
export function StatusGrid({ units, indicator, linkTo }: GridProps) {
  const { t } = useTranslation(NS);
  const { measure } = useFormat();
  const statusLabel = useStatusLabel();
  const counts = statusCounts(units, indicator.code);
  return (
    <>
      <p className="muted">{t('grid.help')}</p>
      <ul className="legend" aria-label={t('grid.legend')}>
        {STATUS_ORDER.filter((status) => counts.has(status)).map((status) => (
          <li key={status}>
            <span className={`swatch cell-${status}`} aria-hidden="true">{STATUS_SYMBOL[status]}</span>
            {statusLabel(status)}: <strong>{counts.get(status)}</strong>
          </li>
        ))}
      </ul>
      <ul className="status-grid" data-testid="status-grid">
        {units.map((unit) => {
          const figure = unit.indicators.find((i) => i.code === indicator.code);
          if (!figure) return null;
          const value = measure(figure.value, indicator);
          return (
            <li key={unit.unit.code}>
              {/* The link's name is its visible text, with the separators and the status in words for
                  screen readers only, so what is read is what is seen (no label-content mismatch). */}
              <a className={`cell cell-${figure.status}`} href={`#${linkTo(unit.unit.code)}`} title={`${unit.unit.name}: ${value} – ${statusLabel(figure.status)}`}>
                <span className="cell-name">{unit.unit.name}</span>
                <span className="sr-only">: </span>
                <span className="cell-value">{value}</span>
                <span className="sr-only">, {statusLabel(figure.status)}</span>
                <span className="cell-symbol" aria-hidden="true">{STATUS_SYMBOL[figure.status]}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </>
  );
}
