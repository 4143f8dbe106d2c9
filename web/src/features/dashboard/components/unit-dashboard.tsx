import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { IndicatorTiles } from '../../../components/ui/indicator-tiles';
import { useFormat } from '../../../components/ui/use-format';
import { formatDay } from '../../../lib/figures';
import { navigate } from '../../../lib/navigation';
import { useFocusOnArrival } from '../../../lib/use-focus-on-arrival';
import { useResource } from '../../../lib/use-resource';
import { fetchChildren, fetchOpenDifficulties, fetchProgress, fetchSeries, type IndicatorProgress } from '../api/dashboard-api';
import { changedFigures } from '../api/figures';
import { useLiveVersion } from '../api/live-version';
import { useRefreshes, useThrottled } from '../api/throttle';
import { Breadcrumb } from './breadcrumb';
import { CoveragePanel } from './coverage-panel';
import { ContestTile } from './contest-tile';
import { NS } from './dashboard-i18n';
import { DifficultiesPanel } from './difficulties-panel';
import { LaggingPanel } from './lagging-panel';
import { RankingChart } from './ranking-chart';
import { RankingTable } from './ranking-table';
import { MoreExports } from './more-exports';
import { ReportExports } from './report-exports';
import { StatusGrid } from './status-grid';
import { TeamLeaderboard } from './team-leaderboard';
import { TrendChart } from './trend-chart';

export const dashboardPath = (unitCode: string, indicatorCode?: string) =>
  `/dashboard/${encodeURIComponent(unitCode)}${indicatorCode ? `/${encodeURIComponent(indicatorCode)}` : ''}`;

/**
 * One unit's dashboard: its indicators as tiles, and for the chosen one the trend, the lagging
 * children, the ranking and the status grid; then open difficulties and the team leaderboard.
 * Everything refetches when the live version stamp changes.
 */
export function UnitDashboard({ unitCode, indicatorCode, scope }: { unitCode: string; indicatorCode?: string; scope: string | null }) {
  const { t } = useTranslation(NS);
  const { measure, language } = useFormat();
  const [retry, setRetry] = useState(0);
  const live = useLiveVersion(unitCode, language);
  const refresh = live.refresh + retry;
  const call = (signal: AbortSignal) => ({ language, signal });

  // In stages, each after the one before has answered: the tiles first, then the children's
  // figures, then the trend and the leaderboard. On the embedded database requests share one
  // connection, so asking for everything at once would hold the tiles back until all is done.
  const progressKey = `progress|${unitCode}|${language}`;
  const progress = useResource(progressKey, (signal) => fetchProgress(unitCode, call(signal)), refresh);
  const stage1 = useRefreshes(progress.data, progressKey);
  const ready = progress.data?.unit.code === unitCode;
  const childrenKey = ready ? `children|${unitCode}|${language}` : null;
  const children = useResource(childrenKey, (signal) => fetchChildren(unitCode, call(signal)), stage1);
  const difficulties = useResource(ready ? `difficulties|${unitCode}|${language}` : null,
    (signal) => fetchOpenDifficulties(unitCode, call(signal)), stage1);
  // The trend's last point, target and projection come from the live tiles; its history and the
  // leaderboard follow live changes at most once a minute.
  const stage2 = useThrottled(useRefreshes(children.data, childrenKey), 60_000);
  const indicators = progress.data?.indicators;
  const selected = indicators?.find((i) => i.code === indicatorCode) ?? indicators?.[0];
  const series = useResource(ready && selected ? `series|${unitCode}|${selected.code}|${language}` : null,
    (signal) => fetchSeries(unitCode, selected!.code, call(signal)), stage2);

  const linkTo = (code: string) => dashboardPath(code, selected?.code);
  const names = useMemo(() => new Map([
    ...(progress.data ? [[progress.data.unit.code, progress.data.unit.name] as const] : []),
    ...(children.data?.children ?? []).map((c) => [c.unit.code, c.unit.name] as const),
  ]), [progress.data, children.data]);

  // Tell screen readers what a live refresh changed, in a polite status message.
  const previous = useRef<{ unit: string; indicators: IndicatorProgress[] }>(undefined);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (!progress.data) return;
    const before = previous.current;
    previous.current = { unit: progress.data.unit.code, indicators: progress.data.indicators };
    if (!before || before.unit !== progress.data.unit.code) return;
    const changes = changedFigures(before.indicators, progress.data.indicators);
    if (changes.length === 0) return;
    setAnnouncement(changes.slice(0, 3)
      .map((c) => t('changed', { name: c.after.name, before: measure(c.before.value, c.before), after: measure(c.after.value, c.after) }))
      .join('. '));
    // `measure` and `t` follow the language, which is part of the data's key already.
  }, [progress.data]);

  // After a drill-down, the focus goes to the new unit's name so a screen reader announces where it landed.
  const heading = useFocusOnArrival(unitCode, Boolean(progress.data));

  if (!progress.data) {
    const error = progress.error;
    if (!error) return <p className="muted" role="status">{t('loading')}</p>;
    if (error.status === 401) {
      return <p className="banner" role="alert">{t('sessionEnded')} <a href="#/login">{t('signInAgain')}</a></p>;
    }
    if (error.status === 404) return <p className="banner" role="alert">{t('notFound')}</p>;
    return (
      <div className="stack">
        <p className="banner" role="alert">{t('failed', { message: error.message })}</p>
        <Button variant="secondary" onClick={() => setRetry((n) => n + 1)}>{t('retry')}</Button>
      </div>
    );
  }

  const { unit, day } = progress.data;
  const units = children.data?.children ?? [];
  const childrenLabel = t(`children.${unit.tier}`);
  // The time the figures are current at, as the server says: on a lagging read replica that is
  // earlier than the moment they arrived, and the officer should see so.
  const { figuresAt } = progress.data;
  const current = figuresAt === null ? null : new Date(figuresAt);
  const time = current?.toLocaleTimeString(language === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

  return (
    <>
      <Breadcrumb unit={unit} scope={scope} linkTo={linkTo} />
      <div className="dash-title">
        <h2 ref={heading} tabIndex={-1} data-testid="dashboard-unit">{unit.name}</h2>
        <p className="muted">{t(`tier.${unit.tier}`)} · {unit.code} · {t('asOf', { day: formatDay(day) })}</p>
        <p className={`live${live.stale ? ' live-stale' : ''}`} data-testid="live-status">
          <span><span className="live-dot" aria-hidden="true" /> {live.stale ? t('stale') : time ? `${t('live')} · ${t('updatedAt', { time })}` : t('live')}</span>
          <Button variant="quiet" className="btn-small" onClick={() => setRetry((n) => n + 1)}>{t('refresh')}</Button>
        </p>
        <p className="sr-only" role="status" aria-live="polite" data-testid="live-announcement">{announcement}</p>
        <ReportExports unitCode={unit.code} day={day} />
        <MoreExports unitCode={unit.code} day={day} />
      </div>

      <section aria-labelledby="tiles-heading" className="dash-section">
        <h3 id="tiles-heading">{t('tiles.heading')}</h3>
        <IndicatorTiles indicators={progress.data.indicators} selected={selected?.code}
          onSelect={(code) => navigate(dashboardPath(unit.code, code), { replace: true })} />
      </section>

      {unit.tier === 'province' && <ContestTile provinceCode={unit.code} enabled={Boolean(children.data)} refresh={stage2} />}

      {selected && (
        <section aria-labelledby="detail-heading" className="dash-section">
          <h3 id="detail-heading">{t('detail.heading', { name: selected.name })}</h3>
          <div className="dash-columns">
            <section className="panel" aria-labelledby="trend-heading">
              <h4 id="trend-heading">{t('trend.heading')}</h4>
              {series.data ? <TrendChart series={series.data} live={selected} day={day} />
                : <p className="muted">{series.error ? t('failed', { message: series.error.message }) : t('loading')}</p>}
            </section>
            {units.length > 0 && (
              <section className="panel" aria-labelledby="lagging-heading">
                <h4 id="lagging-heading">{t('lagging.heading')}</h4>
                <p className="muted">{t('lagging.help')}</p>
                <LaggingPanel units={units} indicator={selected} linkTo={linkTo} />
              </section>
            )}
          </div>
          {units.length > 0 && (
            <>
              <section className="panel" aria-labelledby="grid-heading">
                <h4 id="grid-heading">{t('grid.heading', { children: childrenLabel })}</h4>
                <StatusGrid units={units} indicator={selected} linkTo={linkTo} />
              </section>
              <section className="panel" aria-labelledby="ranking-heading">
                <h4 id="ranking-heading">{t('ranking.heading', { children: childrenLabel })}</h4>
                <RankingTable units={units} indicator={selected} childrenLabel={childrenLabel} linkTo={linkTo} />
                <RankingChart units={units} indicator={selected} childrenLabel={childrenLabel} />
              </section>
            </>
          )}
        </section>
      )}

      <section className="panel dash-section" aria-labelledby="coverage-heading" data-testid="coverage-panel">
        <h3 id="coverage-heading">{t('coverage.heading')}</h3>
        <CoveragePanel unitCode={unit.code} refresh={stage2} linkTo={linkTo} />
      </section>

      <div className="dash-columns dash-columns-teams">
        <section className="panel" aria-labelledby="difficulties-heading">
          <h3 id="difficulties-heading">{t('difficulties.heading')}</h3>
          <DifficultiesPanel items={difficulties.data?.items} error={difficulties.error?.message} more={Boolean(difficulties.data?.next)}
            unitName={(code) => names.get(code) ?? code} linkTo={linkTo} listHref={`#/difficulties/${encodeURIComponent(unitCode)}`} />
        </section>
        <section className="panel" aria-labelledby="teams-heading">
          <h3 id="teams-heading">{t('teams.heading')}</h3>
          <TeamLeaderboard unitCode={unit.code} refresh={stage2} />
        </section>
      </div>
    </>
  );
}
