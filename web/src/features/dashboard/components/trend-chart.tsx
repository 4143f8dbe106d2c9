import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/ui/use-format';
import { formatDay } from '../../../lib/figures';
import type { IndicatorProgress, ProgressSeries } from '../api/dashboard-api';
import { NS } from './dashboard-i18n';

// ECharts is the dashboard's largest dependency: its own chunk, fetched while the tiles already show.
const TrendCanvas = lazy(() => import('./trend-canvas'));

/** The series with today's point, target and projection taken from the live tile, so the chart never lags the figures above it. */
function withLiveFigure(series: ProgressSeries, live: IndicatorProgress, day: string): ProgressSeries {
  if (live.code !== series.indicator.code || day < series.to) return series;
  const point = { day, numerator: live.numerator, denominator: live.denominator, value: live.value };
  const points = series.points.at(-1)?.day === day ? [...series.points.slice(0, -1), point] : [...series.points, point];
  return { ...series, to: day, points, target: live.target, deadline: live.deadline, status: live.status, projected: live.projected };
}

/**
 * An indicator week by week, with its target and the projection to the deadline. The chart is a
 * picture for sighted readers; the same figures are a table one click away, and the sentence
 * under the chart says where the pace leads.
 */
export function TrendChart({ series: loaded, live, day }: { series: ProgressSeries; live: IndicatorProgress; day: string }) {
  const { t } = useTranslation(NS);
  const { measure } = useFormat();
  const series = useMemo(() => withLiveFigure(loaded, live, day), [loaded, live, day]);
  const { indicator, points, target, deadline, projected } = series;
  const last = points.at(-1);
  const format = (value: number | null) => measure(value, indicator);
  const labels = {
    value: t('trend.value'),
    target: t('trend.target'),
    projection: t('trend.projection'),
    chart: t('trend.chartLabel', {
      name: indicator.name, points: points.length, from: formatDay(series.from), to: formatDay(series.to), last: format(last?.value ?? null),
    }),
  };
  const future = deadline !== null && deadline > series.to;
  const showsProjection = future && projected !== null && last?.value !== null && last !== undefined;
  return (
    <div className="trend">
      <ul className="trend-legend" aria-hidden="true">
        <li><span className="line line-value" />{labels.value}</li>
        {target !== null && <li><span className="line line-target" />{labels.target}</li>}
        {showsProjection && <li><span className="line line-projection" />{labels.projection}</li>}
      </ul>
      <Suspense fallback={<div className="trend-canvas trend-loading">{t('trend.loadingChart')}</div>}>
        <TrendCanvas series={series} labels={labels} format={format} />
      </Suspense>
      {target !== null && deadline !== null && (
        <p className="muted">
          {future && projected !== null
            ? t('trend.projected', { value: format(projected), deadline: formatDay(deadline) })
            : !future ? t('trend.pastDeadline', { deadline: formatDay(deadline) }) : null}
        </p>
      )}
      <details>
        <summary>{t('trend.asTable')}</summary>
        <div className="table-wrap" role="region" aria-label={t('trend.asTable')} tabIndex={0}>
          <table className="ranking">
            <thead>
              <tr>
                <th scope="col">{t('trend.day')}</th>
                <th scope="col" className="num">{t('trend.value')}</th>
                <th scope="col" className="num">{t('trend.target')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.day}>
                  <th scope="row">{formatDay(point.day)}</th>
                  <td className="num">{format(point.value)}</td>
                  <td className="num">{target === null ? '–' : format(target)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
