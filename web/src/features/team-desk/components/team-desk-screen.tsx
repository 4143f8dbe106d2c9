import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Screen } from '../../../components/ui/screen';
import { useField } from '../../../lib/field-context';
import { useLiveQuery } from '../../../lib/live-query';
import { useReferenceData } from '../../../lib/reference-data';
import { readSession } from '../../../lib/session';
import { useOnline } from '../../../lib/use-online';
import { useResource } from '../../../lib/use-resource';
import { useVillageView } from '../../../lib/village-view';
import { fetchDesk } from '../api/team-desk-api';
import { AssignPanel } from './assign-panel';
import { ComeBackList } from './come-back-list';
import { DifficultiesPanel } from './difficulties-panel';
import { MemberCards } from './member-cards';
import { NS } from './team-desk-i18n';
import './team-desk.css';

/**
 * The team leader's screen: the team's day and week by member with each phone's last sync,
 * who goes to which household, the whole village's come-back list and the team's open
 * difficulties. A chunk of its own: members never download it.
 */
export default function TeamDeskScreen() {
  const { t, i18n } = useTranslation(NS);
  const { user, village } = useField();
  const online = useOnline();
  const [refresh, setRefresh] = useState(0);
  const session = useLiveQuery(readSession, []);
  const { milestoneKinds } = useReferenceData();
  const view = useVillageView(village.code, user.id, milestoneKinds.map((k) => k.code));
  const desk = useResource(online ? `desk:${village.code}:${i18n.language}` : null, (signal) => fetchDesk(village.code, i18n.language, signal), refresh);
  const members = desk.data?.members ?? [];

  return (
    <Screen title={t('title')} back="/">
      <section className="stack" aria-labelledby="desk-team">
        <h3 id="desk-team">{t('team.title')}</h3>
        {!online && !desk.data && <p className="banner" role="status">{t('needsNetwork')}</p>}
        {desk.error && <p className="error-text" role="alert">{desk.error.message}</p>}
        {desk.loading && !desk.data && <p className="muted" role="status">{t('loading')}</p>}
        {desk.data && <MemberCards desk={desk.data} />}
      </section>
      <section className="stack" aria-labelledby="desk-assign">
        <h3 id="desk-assign">{t('assign.title')}</h3>
        {desk.data && view && session
          ? <AssignPanel households={view.households} members={members} assignments={desk.data.assignments} csrfToken={session.csrfToken} onAssigned={() => setRefresh((n) => n + 1)} />
          : <p className="muted">{t('needsNetwork')}</p>}
      </section>
      <section className="stack" aria-labelledby="desk-come-back">
        <h3 id="desk-come-back">{t('comeBack.title')}</h3>
        {view && <ComeBackList households={view.households} members={members} assignments={desk.data?.assignments ?? []} />}
      </section>
      <section className="stack" aria-labelledby="desk-difficulties">
        <h3 id="desk-difficulties">{t('difficulties.title')}</h3>
        <DifficultiesPanel />
      </section>
    </Screen>
  );
}
