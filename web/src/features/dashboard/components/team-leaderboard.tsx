import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/ui/use-format';
import { vietnamDay } from '../../../lib/time';
import { useResource } from '../../../lib/use-resource';
import { fetchTeams } from '../api/dashboard-api';
import { NS } from './dashboard-i18n';

type Period = 'all' | 'week' | 'month';
const PERIODS: { period: Period; days: number | null; label: string }[] = [
  { period: 'week', days: 7, label: 'teams.lastWeek' },
  { period: 'month', days: 30, label: 'teams.lastMonth' },
  { period: 'all', days: null, label: 'teams.allTime' },
];

const daysAgo = (days: number) => vietnamDay(new Date(Date.now() - (days - 1) * 86_400_000));

interface TeamsProps {
  unitCode: string;
  refresh: number;
}

/** Community digital technology teams ranked by visits, with households reached and services done, over a chosen period. */
export function TeamLeaderboard({ unitCode, refresh }: TeamsProps) {
  const { t } = useTranslation(NS);
  const { number, language } = useFormat();
  const [period, setPeriod] = useState<Period>('all');
  const from = PERIODS.find((p) => p.period === period)?.days;
  const fromDay = from ? daysAgo(from) : undefined;
  const board = useResource(`teams|${unitCode}|${fromDay ?? ''}|${language}`, (signal) => fetchTeams(unitCode, fromDay, { language, signal }), refresh);

  return (
    <>
      <div className="segmented" role="group" aria-label={t('teams.period')}>
        {PERIODS.map((p) => (
          <button key={p.period} type="button" aria-pressed={period === p.period} onClick={() => setPeriod(p.period)}>{t(p.label)}</button>
        ))}
      </div>
      {!board.data && <p className="muted">{board.error ? t('failed', { message: board.error.message }) : t('loading')}</p>}
      {board.data && board.data.items.length === 0 && <p className="muted">{t('teams.none')}</p>}
      {board.data && board.data.items.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby="teams-caption" tabIndex={0}>
          <table className="ranking team-board" data-testid="team-leaderboard">
            <caption id="teams-caption">{t('teams.caption')} · {t('teams.of', { shown: board.data.items.length, total: board.data.teams })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">#</th>
                <th scope="col">{t('teams.team')} <span className="muted">· {t('teams.unit')}</span></th>
                <th scope="col" className="num">{t('teams.members')}</th>
                <th scope="col" className="num">{t('teams.visits')}</th>
                <th scope="col" className="num">{t('teams.households')}</th>
                <th scope="col" className="num"><abbr title={t('teams.helpedHint')}>{t('teams.helped')}</abbr></th>
              </tr>
            </thead>
            <tbody>
              {board.data.items.map((team, index) => (
                <tr key={team.teamId}>
                  <td className="num">{index + 1}</td>
                  {/* The unit under the team's name: one column fewer, so the figures fit beside long names. */}
                  <th scope="row">{team.name}<br /><small className="muted">{team.unitName}</small></th>
                  <td className="num">{number(team.activeMembers, 0)}</td>
                  <td className="num">{number(team.visits, 0)}</td>
                  <td className="num">{number(team.householdsVisited, 0)}</td>
                  <td className="num">{number(team.milestones, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
