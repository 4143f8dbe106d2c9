import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ApiError } from '../../../lib/api';
import { useResource } from '../../../lib/use-resource';
import { fetchSuspicious, fetchUnits, fetchWinners, publishPhase, type AdminContest, type Call } from '../api/contest-admin-api';
import { NS } from './contest-admin-i18n';

/** Units shown before "show all": the province's hundred communes would bury the rest. */
const TOP_UNITS = 10;

/** One phase: unit standings, prizes, suspicious patterns, and publishing once it has ended. */
export function PhaseResults({ contest, phase, call, onPublished }: { contest: AdminContest; phase: AdminContest['phases'][number]; call: Call; onPublished: () => void }) {
  const { t } = useTranslation(NS);
  const [refresh, setRefresh] = useState(0);
  const [error, setError] = useState<string>();
  const [allUnits, setAllUnits] = useState(false);
  const key = `${contest.id}:${phase.number}`;
  const units = useResource(`units:${key}`, (signal) => fetchUnits(contest.id, phase.number, { ...call, signal }), refresh);
  const winners = useResource(`winners:${key}`, (signal) => fetchWinners(contest.id, phase.number, { ...call, signal }), refresh);
  const unitRows = units.data?.items ?? [];
  const suspicious = useResource(`suspicious:${key}`, (signal) => fetchSuspicious(contest.id, phase.number, { ...call, signal }), refresh);

  const publish = async () => {
    setError(undefined);
    try {
      await publishPhase(contest.id, phase.number, call);
      setRefresh((n) => n + 1);
      onPublished();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <section className="contest-card" data-testid={`phase-${phase.number}`}>
      <h3>{t('phase', { number: phase.number, from: phase.startsOn, to: phase.endsOn })}</h3>
      {phase.publishedAt ? <p className="muted">{t('published')}</p> : <Button onClick={() => void publish()}>{t('publish')}</Button>}
      {error && <p className="field-error" role="alert">{error}</p>}
      <h4>{t('winners')}</h4>
      {winners.data?.items.length ? (
        <ol>{winners.data.items.map((w) => <li key={w.rank}>{t('prize', { prize: w.prize })}: {w.fullName} ({w.unitName}), {w.score}</li>)}</ol>
      ) : <p className="muted">{t('nothing')}</p>}
      <h4>{t('units')}</h4>
      <table className="contest-table">
        <thead><tr><th>{t('unit')}</th><th>{t('participants')}</th><th>{t('rate')}</th><th>{t('prizeScore')}</th></tr></thead>
        <tbody>
          {(allUnits ? unitRows : unitRows.slice(0, TOP_UNITS)).map((u) => (
            <tr key={u.unitCode}><td>{u.unitName}</td><td>{u.participants}</td><td>{u.participationPercent === null ? '–' : `${u.participationPercent}%`}</td><td>{u.prizeScore}</td></tr>
          ))}
        </tbody>
      </table>
      {unitRows.length > TOP_UNITS && (
        <Button variant="quiet" aria-expanded={allUnits} onClick={() => setAllUnits(!allUnits)} data-testid="units-toggle">
          {allUnits ? t('showTop', { count: TOP_UNITS }) : t('showAll', { count: unitRows.length })}
        </Button>
      )}
      <h4>{t('suspicious')}</h4>
      {suspicious.data && suspicious.data.addresses.length + suspicious.data.fastAttempts.length === 0 && <p className="muted">{t('nothing')}</p>}
      <ul>
        {suspicious.data?.addresses.map((a) => <li key={a.address}>{t('busyAddress', { ...a, count: a.participants })}</li>)}
        {suspicious.data?.fastAttempts.map((f) => <li key={f.attemptId}>{t('fastAttempt', { name: f.name, score: f.score, seconds: f.secondsPerQuestion, address: f.address })}</li>)}
      </ul>
    </section>
  );
}
