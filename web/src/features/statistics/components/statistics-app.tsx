import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { fetchChildren, fetchProposals, fetchUnit, type ProposalStatus } from '../api/statistics-api';
import { ProposalCard } from './proposal-card';
import { ProposalForm } from './proposal-form';
import { NS } from './statistics-i18n';
import './statistics.css';

interface StatisticsProps {
  user: SessionUser;
  csrfToken: string;
}

/**
 * Unit statistics (the denominators): a commune officer proposes figures for the commune and
 * its villages; a province officer approves or rejects them with a reason. Nothing counts
 * before approval.
 */
export default function StatisticsApp({ user, csrfToken }: StatisticsProps) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const root = user.scopeUnitCode ?? '';
  const decides = user.role === 'province_officer' || user.role === 'admin';
  const [status, setStatus] = useState<ProposalStatus | ''>(decides ? 'pending' : '');
  const [version, setVersion] = useState(0);
  const [announcement, setAnnouncement] = useState('');

  const proposals = useResource(root ? `proposals|${root}|${status}|${language}|${version}` : null,
    (signal) => fetchProposals(root, status || undefined, { language, signal }));
  // The commune proposes for itself and its villages; the province reads the names of its communes.
  const units = useResource(root ? `units|${root}|${language}` : null, async (signal) =>
    [await fetchUnit(root, { language, signal }), ...(await fetchChildren(root, { language, signal }))]);
  const unitName = (code: string) => units.data?.find((unit) => unit.code === code)?.name ?? code;
  const kinds = proposals.data?.kinds ?? [];

  if (!root) return <section className="dash-section workbench"><h2>{t('title')}</h2><p className="muted">{t('noScope')}</p></section>;
  return (
    <section className="dash-section workbench statistics-screen" aria-labelledby="statistics-title">
      <h2 id="statistics-title">{t('title')}</h2>
      <p className="muted">{t(decides ? 'introProvince' : 'introCommune')}</p>
      <p className="workbench-result" role="status" aria-live="polite" data-testid="statistics-result">{announcement}</p>
      {!decides && units.data && kinds.length > 0 && (
        <ProposalForm units={units.data} kinds={kinds} csrfToken={csrfToken}
          onProposed={() => { setAnnouncement(t('sent')); setVersion((n) => n + 1); }} />
      )}
      <div className="field statistics-filter">
        <label htmlFor="proposal-status">{t('filter')}</label>
        <select id="proposal-status" value={status} onChange={(event) => setStatus(event.target.value as ProposalStatus | '')}>
          <option value="">{t('status.all')}</option>
          {(['pending', 'approved', 'rejected'] as const).map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
      </div>
      {proposals.error && <p className="banner" role="alert">{proposals.error.message}</p>}
      {proposals.data && proposals.data.items.length === 0 && <p className="muted">{t(decides && status === 'pending' ? 'nonePending' : 'none')}</p>}
      <ul className="proposal-list">
        {proposals.data?.items.map((proposal) => (
          <ProposalCard key={`${proposal.id}${proposal.status}`} proposal={proposal} kinds={kinds} unitName={unitName(proposal.unitCode)}
            canDecide={decides} csrfToken={csrfToken}
            onDecided={(decision) => { setAnnouncement(t(`decided.${decision}`)); setVersion((n) => n + 1); }} />
        ))}
      </ul>
    </section>
  );
}
