import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../lib/navigation';
import type { SessionUser } from '../../../lib/session';
import { vietnamDay } from '../../../lib/time';
import { useResource } from '../../../lib/use-resource';
import { fetchChildren, fetchTeams, fetchUnit } from '../api/teams-api';
import { CommitteePanel } from './committee-panel';
import { NewTeamForm } from './new-team-form';
import { TeamCard } from './team-card';
import { TeamImport } from './team-import';
import { NS } from './teams-i18n';

interface TeamsProps {
  user: SessionUser;
  csrfToken: string;
  /** /teams or /teams/<commune>: the commune is in the address. */
  path: string;
}

/** A commune's steering committee and its village teams; the province picks the commune. */
export default function TeamsApp({ user, csrfToken, path }: TeamsProps) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const pickId = useId();
  const scope = user.scopeUnitCode ?? '';
  const [refresh, setRefresh] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const scopeUnit = useResource(scope ? `unit|${scope}|${language}` : null, (signal) => fetchUnit(scope, { language, signal }));
  const isProvince = scopeUnit.data?.tier === 'province';
  const communes = useResource(isProvince ? `communes|${scope}|${language}` : null, (signal) => fetchChildren(scope, { language, signal }));
  const commune = decodeURIComponent(path.split('/')[2] ?? '') || (isProvince ? communes.data?.[0]?.code ?? '' : scope);
  const villages = useResource(commune ? `villages|${commune}|${language}` : null, (signal) => fetchChildren(commune, { language, signal }));
  const teams = useResource(commune ? `teams|${commune}|${language}` : null, (signal) => fetchTeams(commune, { language, signal }), refresh);
  const changed = (message: string) => { setAnnouncement(message); setRefresh((n) => n + 1); };
  const nameOf = (code: string) => villages.data?.find((v) => v.code === code)?.name ?? (code === commune ? t('communeTeam') : code);

  if (scopeUnit.error?.status === 401) return <p className="banner" role="alert">{t('sessionEnded')} <a href="#/login">{t('signInAgain')}</a></p>;
  const withoutTeam = (villages.data ?? []).filter((v) => !(teams.data ?? []).some((team) => team.unitCode === v.code));
  return (
    <section className="dash-section workbench" aria-labelledby="teams-title">
      <h2 id="teams-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {isProvince && communes.data && (
        <div className="field">
          <label htmlFor={pickId}>{t('commune')}</label>
          <select id={pickId} value={commune} onChange={(e) => navigate(`/teams/${encodeURIComponent(e.target.value)}`, { replace: true })}>
            {communes.data.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
          </select>
        </div>
      )}
      <p className="workbench-result" role="status" aria-live="polite" data-testid="teams-result">{announcement}</p>
      {commune && <CommitteePanel key={commune} unitCode={commune} csrfToken={csrfToken} />}
      <section aria-labelledby="village-teams-title">
        <h3 id="village-teams-title">{t('teamsTitle')}</h3>
        {teams.error && <p className="banner" role="alert">{teams.error.message}</p>}
        {teams.data && (
          <>
            <p>{t('teamCount', { teams: teams.data.length, villages: villages.data?.length ?? 0 })}</p>
            <ul className="list">
              {teams.data.map((team) => (
                <TeamCard key={team.id} team={team} unitName={nameOf(team.unitCode)} others={teams.data!.filter((o) => o.id !== team.id)} csrfToken={csrfToken} onChanged={changed} />
              ))}
            </ul>
          </>
        )}
      </section>
      {withoutTeam.length > 0 && <NewTeamForm villages={withoutTeam} csrfToken={csrfToken} day={vietnamDay()} onCreated={(name) => changed(t('newTeam.done', { name }))} />}
      {commune && <TeamImport villageCode={villages.data?.[0]?.code ?? commune} csrfToken={csrfToken} onImported={changed} />}
    </section>
  );
}
