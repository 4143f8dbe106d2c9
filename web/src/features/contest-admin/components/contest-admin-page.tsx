import { useState, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../../lib/use-resource';
import { fetchBanks, fetchContests } from '../api/contest-admin-api';
import { BankImport } from './bank-import';
import { NS } from './contest-admin-i18n';
import { ContestForm } from './contest-form';
import { PhaseResults } from './phase-results';
import '../../../components/ui/contest-views.css';
import './contest-admin.css';

/**
 * The province officer's contest screens: banks (with the per-row report of a refused file),
 * a new contest with phases and rules, and for each phase the unit standings, prizes, suspicious
 * patterns and publishing. Loaded on demand (React.lazy in app/app.tsx).
 */
export default function ContestAdminPage({ province, csrfToken, actions }: { province: string; csrfToken: string; actions?: ReactNode }) {
  const { t, i18n } = useTranslation(NS);
  const call = { language: i18n.language, csrfToken };
  const [refresh, setRefresh] = useState(0);
  const banks = useResource(`banks:${province}`, (signal) => fetchBanks(province, { ...call, signal }), refresh);
  const contests = useResource(`contests:${province}`, (signal) => fetchContests(province, { ...call, signal }), refresh);
  const again = () => setRefresh((n) => n + 1);
  const [editing, setEditing] = useState<string>();

  return (
    <div className="contest contest-admin-wide">
      <header className="topbar">
        <h1>{t('title')}</h1>
        {actions}
      </header>
      <main>
        <p><a className="text-link" href="#/dashboard">{t('back')}</a></p>
        <BankImport province={province} call={call} banks={banks.data?.items ?? []} onImported={again} />
        <ContestForm province={province} call={call} banks={banks.data?.items ?? []} onSaved={again} />
        <h2>{t('contests')}</h2>
        {!contests.data && <p className="muted" role="status">{t('loading')}</p>}
        {contests.data?.items.map((contest) => (
          <section key={contest.id}>
            <h3>{contest.title}</h3>
            {editing === contest.id
              ? <ContestForm key={contest.id} province={province} call={call} banks={banks.data?.items ?? []} contest={contest} onSaved={again} onCancel={() => setEditing(undefined)} />
              : <Button variant="secondary" onClick={() => setEditing(contest.id)} data-testid={`edit-contest-${contest.id}`}>{t('edit')}</Button>}
            {contest.phases.map((phase) => <PhaseResults key={phase.number} contest={contest} phase={phase} call={call} onPublished={again} />)}
          </section>
        ))}
      </main>
    </div>
  );
}
