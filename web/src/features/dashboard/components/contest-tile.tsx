import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/ui/use-format';
import { formatDay } from '../../../lib/figures';
import { useResource } from '../../../lib/use-resource';
import { fetchContestSummary } from '../api/dashboard-api';
import { NS } from './dashboard-i18n';

/**
 * The province's quiz contest at a glance: who took part today and in the open phase, with the
 * way to the results. Only organisers (province officers) are answered; anyone else sees nothing.
 */
export function ContestTile({ provinceCode, enabled, refresh }: { provinceCode: string; enabled: boolean; refresh: number }) {
  const { t } = useTranslation(NS);
  const { number, language } = useFormat();
  const summary = useResource(enabled ? `contest-tile|${provinceCode}|${language}` : null, (signal) => fetchContestSummary(provinceCode, { language, signal }), refresh);
  const contest = summary.data?.contest;
  if (!contest) return null;
  return (
    <section className="panel" aria-labelledby="contest-tile-heading" data-testid="contest-tile">
      <h3 id="contest-tile-heading">{t('contest.heading')}</h3>
      <p>{contest.title}</p>
      {contest.phase ? (
        <>
          <p className="muted">{t('contest.phase', { number: contest.phase.number, from: formatDay(contest.phase.startsOn), to: formatDay(contest.phase.endsOn) })}</p>
          <dl className="contest-tile-figures">
            <div><dt>{t('contest.today')}</dt><dd data-testid="contest-tile-today">{number(contest.participantsToday, 0)}</dd></div>
            <div><dt>{t('contest.thisPhase')}</dt><dd data-testid="contest-tile-phase">{number(contest.participantsThisPhase, 0)}</dd></div>
          </dl>
        </>
      ) : <p className="muted">{t('contest.noPhase')}</p>}
      <p>
        <a className="text-link" href="#/contest-admin">{t('contest.manage')}</a>
        {contest.lastPublishedPhase !== null && <> · <a className="text-link" href="#/contest">{t('contest.results', { number: contest.lastPublishedPhase })}</a></>}
      </p>
    </section>
  );
}
