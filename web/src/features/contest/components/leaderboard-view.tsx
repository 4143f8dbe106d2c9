import { useTranslation } from 'react-i18next';
import { useResource } from '../../../lib/use-resource';
import { fetchLeaderboard } from '../api/contest-api';
import { clock, NS } from './contest-i18n';

/** A phase's top twenty, names shortened by the server, and the reader's own place. */
export function LeaderboardView({ contestId, phase, refresh }: { contestId: string; phase: number; refresh: number }) {
  const { t, i18n } = useTranslation(NS);
  const board = useResource(`board:${contestId}:${phase}`, (signal) => fetchLeaderboard(contestId, phase, { language: i18n.language, signal }), refresh);
  if (!board.data) return board.error ? <p className="field-error" role="alert">{t('failed', { message: board.error.message })}</p> : null;
  const { items, participantCount, me } = board.data;
  return (
    <section className="contest-card" data-testid="contest-leaderboard" aria-labelledby="contest-board-heading">
      <h2 id="contest-board-heading">{t('board.heading', { phase })}</h2>
      <p className="muted">{t('board.participants', { count: participantCount })}</p>
      {me && <p className="contest-rank" data-testid="contest-my-rank">{t('result.rank', { rank: me.rank, phase })}</p>}
      {items.length === 0 ? <p>{t('board.empty')}</p> : (
        <table className="contest-table">
          <thead><tr><th>{t('board.rank')}</th><th>{t('board.name')}</th><th>{t('board.score')}</th><th>{t('board.time')}</th></tr></thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.rank}>
                <td>{item.rank}</td>
                <td>{item.name}<br /><small className="muted">{item.unitName}</small></td>
                <td>{item.score}</td>
                <td>{clock(item.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
