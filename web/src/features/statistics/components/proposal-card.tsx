import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf } from '../../../lib/form-errors';
import { approveProposal, rejectProposal, type Proposal, type StatisticKind } from '../api/statistics-api';
import { NS } from './statistics-i18n';

interface ProposalCardProps {
  proposal: Proposal;
  kinds: StatisticKind[];
  unitName: string;
  /** The province decides; the commune only reads. */
  canDecide: boolean;
  csrfToken: string;
  onDecided: (status: 'approved' | 'rejected') => void;
}

const PILL: Record<Proposal['status'], string> = { pending: 'pill pill-wait', approved: 'pill pill-ok', rejected: 'pill pill-error' };

/** One proposal: its figures, who proposed and decided, the reason of a rejection; approve or reject for the province. */
export function ProposalCard({ proposal, kinds, unitName, canDecide, csrfToken, onDecided }: ProposalCardProps) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; general?: string }>({});
  const [busy, setBusy] = useState(false);
  const nameOf = (code: string) => kinds.find((kind) => kind.code === code)?.name ?? code;

  const decide = async (approve: boolean) => {
    if (!approve && reason.trim() === '') {
      setErrors({ reason: t('decide.reasonRequired') });
      return;
    }
    setBusy(true);
    try {
      if (approve) await approveProposal(proposal.id, { language, csrfToken });
      else await rejectProposal(proposal.id, reason.trim(), { language, csrfToken });
      onDecided(approve ? 'approved' : 'rejected');
    } catch (error) {
      const mapped = formErrorsOf(error, (path) => (path === 'reason' ? 'reason' : undefined));
      setErrors({ reason: mapped.fields.reason, general: mapped.general });
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card proposal-card" data-testid="proposal" data-status={proposal.status} data-unit={proposal.unitCode}>
      <div className="row-top">
        <strong>{unitName}</strong>
        <span className={PILL[proposal.status]}>{t(`status.${proposal.status}`)}</span>
      </div>
      <span>{t('asOf', { day: proposal.asOf })} · {t('proposedBy', { name: proposal.proposedBy ?? '—' })}</span>
      <dl className="proposal-figures">
        {Object.entries(proposal.statistics).map(([kind, value]) => (
          <div key={kind}><dt>{nameOf(kind)}</dt><dd>{value.toLocaleString(language)}</dd></div>
        ))}
      </dl>
      {proposal.decidedBy && <span>{t(`decidedBy.${proposal.status}`, { name: proposal.decidedBy })}</span>}
      {proposal.reason && <p className="proposal-reason">{t('reason', { reason: proposal.reason })}</p>}
      {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
      {canDecide && proposal.status === 'pending' && (
        <>
          <div className="field">
            <label htmlFor={reasonId}>{t('decide.reason')}</label>
            <textarea id={reasonId} rows={2} maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)}
              aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? `${reasonId}-error` : undefined} />
            {errors.reason && <p id={`${reasonId}-error`} className="field-error" role="alert">{errors.reason}</p>}
          </div>
          <div className="workbench-actions">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void decide(true)}>{t('decide.approve')}</button>
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void decide(false)}>{t('decide.reject')}</button>
          </div>
        </>
      )}
    </li>
  );
}
