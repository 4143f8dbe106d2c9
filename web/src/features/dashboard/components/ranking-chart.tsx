import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparisonChart } from '../../../../../shared/charts/comparison-chart.js';
import { useFormat } from '../../../components/ui/use-format';
import type { ChildProgress, IndicatorProgress } from '../api/dashboard-api';
import { rankRows } from '../api/figures';
import { NS } from './dashboard-i18n';

// ECharts' bar chart is fetched only when someone opens the chart.
const RankingCanvas = lazy(() => import('./ranking-canvas'));

interface ChartProps {
  units: readonly ChildProgress[];
  indicator: IndicatorProgress;
  childrenLabel: string;
}

/** The ranking as a bar chart behind a disclosure: the table above stays the accessible original. */
export function RankingChart({ units, indicator, childrenLabel }: ChartProps) {
  const { t } = useTranslation(NS);
  const { measure, number } = useFormat();
  const [open, setOpen] = useState(false);
  const chart = useMemo<ComparisonChart>(() => ({
    bars: rankRows(units, indicator.code).map((row) => ({
      label: row.unit.name, value: row.figure.value, status: row.figure.status, display: row.figure.value === null ? '–' : measure(row.figure.value, indicator),
    })),
    // An absolute target is the unit's own, not each child's share: only percentages get the line.
    target: indicator.percent ? indicator.target : null,
    axisFormat: (value) => (indicator.percent ? `${number(value, 0)}%` : number(value, 0)),
  }), [units, indicator, measure, number]);

  if (chart.bars.length === 0) return null;
  return (
    <details className="ranking-chart" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('ranking.asChart')}</summary>
      {open && (
        <Suspense fallback={<p className="muted">{t('trend.loadingChart')}</p>}>
          <RankingCanvas chart={chart} label={t('ranking.chartLabel', { children: childrenLabel, name: indicator.name })} />
        </Suspense>
      )}
    </details>
  );
}
