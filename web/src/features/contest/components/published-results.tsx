import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useResource } from '../../../lib/use-resource';
import { fetchResults } from '../api/contest-api';
import { NS } from './contest-i18n';

/** Units shown before "show all": a province has about a hundred communes, too long for a phone. */
const TOP_UNITS = 10;

/** A published phase's results for anyone: the individual prizes and the units by prize score. */
export function PublishedResults({ contestId, phase }: { contestId: string; phase: number }) {
  const { t, i18n } = useTranslation(NS);
  const [all, setAll] = useState(false);
  const results = useResource(`results:${contestId}:${phase}`, (signal) => fetchResults(contestId, phase, { language: i18n.language, signal }));
  if (!results.data) return null;
  const { winners, units, participantCount } = results.data;
  return (
    <section className="contest-card" data-testid={`contest-results-${phase}`}>
      <h2>{t('results.heading', { phase })}</h2>
      <p className="muted">{t('board.participants', { count: participantCount })}</p>
      <ol>{winners.map((w) => <li key={w.rank}>{t('results.prize', { prize: w.prize })}: {w.fullName} ({w.unitName})</li>)}</ol>
      <table className="contest-table">
        <thead><tr><th>{t('board.unit')}</th><th>{t('results.rate')}</th><th>{t('results.score')}</th></tr></thead>
        <tbody>
          {(all ? units : units.slice(0, TOP_UNITS)).map((u) => (
            <tr key={u.unitCode}><td>{u.unitName}</td><td>{u.participationPercent === null ? '–' : `${u.participationPercent}%`}</td><td>{u.prizeScore}</td></tr>
          ))}
        </tbody>
      </table>
      {units.length > TOP_UNITS && (
        <Button variant="quiet" aria-expanded={all} onClick={() => setAll(!all)} data-testid="units-toggle">
          {all ? t('results.showTop', { count: TOP_UNITS }) : t('results.showAll', { count: units.length })}
        </Button>
      )}
    </section>
  );
}
