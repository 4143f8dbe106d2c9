import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { IndicatorTiles } from '../../../components/ui/indicator-tiles';
import { PaintedPublic } from '../../../components/ui/painted-public';
import { forgetPaintedPublic, paintedPublic } from '../../../lib/early-public';
import { formatDay } from '../../../lib/figures';
import { navigate } from '../../../lib/navigation';
import { useFocusOnArrival } from '../../../lib/use-focus-on-arrival';
import { useResource } from '../../../lib/use-resource';
import { fetchPublicProgress } from '../api/public-api';
import { NS } from './public-i18n';
import { PublicRanking } from './public-ranking';

export const publicPath = (unitCode: string, indicatorCode?: string) =>
  `/public/${encodeURIComponent(unitCode)}${indicatorCode ? `/${encodeURIComponent(indicatorCode)}` : ''}`;

/** One unit's public figures: the summary, the indicators as tiles, and the communes ranked by the chosen one. */
export function PublicUnit({ unitCode, indicatorCode }: { unitCode: string; indicatorCode?: string }) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const [retry, setRetry] = useState(0);
  const progress = useResource(`public|${unitCode}|${language}`, (signal) => fetchPublicProgress(unitCode, { language, signal }), retry);

  // After moving to another unit, the focus goes to its name so a screen reader says where it landed.
  const heading = useFocusOnArrival(unitCode, Boolean(progress.data));
  useEffect(() => {
    if (progress.data) forgetPaintedPublic();
  }, [progress.data]);

  if (!progress.data) {
    const error = progress.error;
    // The figures index.html painted for this unit stay until these come.
    const figures = paintedPublic(unitCode, language);
    if (!error && figures) return <PaintedPublic node={figures} />;
    if (!error) return <p className="muted" role="status">{t('loading')}</p>;
    if (error.status === 404) return <p className="banner" role="alert">{t('notFound')}</p>;
    return (
      <div className="stack">
        <p className="banner" role="alert">{error.status === 429 ? t('tooMany') : t('failed', { message: error.message })}</p>
        <Button variant="secondary" onClick={() => setRetry((n) => n + 1)}>{t('retry')}</Button>
      </div>
    );
  }

  const { unit, day, indicators, ranking, summary } = progress.data;
  const selected = ranking.find((r) => r.indicatorCode === indicatorCode) ?? ranking[0];
  const select = (code: string) => navigate(publicPath(unit.code, code), { replace: true });

  return (
    <>
      {unit.tier !== 'province' && (
        <nav aria-label={t('breadcrumb')}>
          <ol className="crumbs">
            <li><a href={`#${publicPath(unit.provinceCode, selected?.indicatorCode)}`}>{t('wholeProvince')}</a></li>
            <li aria-current="page">{unit.name}</li>
          </ol>
        </nav>
      )}
      <div className="dash-title">
        <h2 ref={heading} tabIndex={-1} data-testid="public-unit">{unit.name}</h2>
        <p className="muted" data-testid="public-day">
          {t(`tier.${unit.tier}`, { defaultValue: unit.type })} · {t('asOf', { day: formatDay(day) })} · {t('refreshed')}
        </p>
      </div>

      <section aria-labelledby="summary-heading" className="panel" data-testid="public-summary">
        <h3 id="summary-heading">{t('summary.heading')}</h3>
        <p data-testid="public-lead">{summary.lead}</p>
        {summary.sentences.length > 0 && (
          <ul className="public-sentences">
            {summary.sentences.map((sentence) => <li key={sentence.indicatorCode} data-testid="public-sentence">{sentence.text}</li>)}
          </ul>
        )}
        {summary.noData && <p className="muted">{summary.noData}</p>}
      </section>

      <section aria-labelledby="indicators-heading" className="dash-section">
        <h3 id="indicators-heading">{t('indicators.heading')}</h3>
        {ranking.length > 0 && <p className="muted">{t('indicators.help')}</p>}
        <IndicatorTiles indicators={indicators} selected={selected?.indicatorCode} onSelect={select} />
      </section>

      {selected && (
        <section aria-labelledby="ranking-heading" className="panel">
          <h3 id="ranking-heading">{t('ranking.heading')}</h3>
          <div className="field public-pick">
            <label htmlFor="ranking-indicator">{t('ranking.pick')}</label>
            <select id="ranking-indicator" value={selected.indicatorCode} onChange={(event) => select(event.target.value)} data-testid="public-ranking-pick">
              {ranking.map((r) => <option key={r.indicatorCode} value={r.indicatorCode}>{r.name}</option>)}
            </select>
          </div>
          <PublicRanking ranking={selected} current={unit.code} linkTo={(code) => publicPath(code, selected.indicatorCode)} />
        </section>
      )}
    </>
  );
}
