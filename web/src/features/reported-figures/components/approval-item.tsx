import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, formatNumber } from '../../../lib/figures';
import { formErrorsOf } from '../../../lib/form-errors';
import { approveFigure, returnFigure, type Indicator, type ReportedValue } from '../api/figures-api';
import { FigureHistory } from './figure-history';
import { NS } from './figures-i18n';

interface ApprovalItemProps {
  item: ReportedValue;
  indicator: Indicator | undefined;
  unitName: string;
  csrfToken: string;
  onDecided: (decision: 'approved' | 'returned') => void;
}

/**
 * One submitted figure: approve it, or return it with a reason. Whatever the server refuses (an
 * officer approving a figure of their own unit, a figure already decided) shows here as a sentence.
 */
export function ApprovalItem({ item, indicator, unitName, csrfToken, onDecided }: ApprovalItemProps) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const commentId = useId();
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ comment?: string; general?: string }>({});
  const [busy, setBusy] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const name = indicator?.name ?? item.indicatorCode;

  const decide = async (decision: 'approve' | 'return') => {
    // The API's rule for a return (a reason of at least one character), checked before sending.
    if (decision === 'return' && comment.trim() === '') {
      setErrors({ comment: t('approvals.commentRequired') });
      return;
    }
    setBusy(true);
    try {
      if (decision === 'approve') await approveFigure(item.id, undefined, { language, csrfToken });
      else await returnFigure(item.id, comment.trim(), { language, csrfToken });
      onDecided(decision === 'approve' ? 'approved' : 'returned');
    } catch (error) {
      const mapped = formErrorsOf(error, (path) => (path === 'comment' ? 'comment' : undefined));
      setErrors({ comment: mapped.fields.comment, general: mapped.general });
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card approval-item" data-testid="approval-item" data-indicator={item.indicatorCode} data-unit={item.unitCode}>
      <div className="row-top">
        <strong>{name}</strong>
        <span className="pill pill-wait">{t('status.submitted')}</span>
      </div>
      <span>{unitName} · {t(`period.${item.periodType}`)} {formatDay(item.periodStart)} – {formatDay(item.periodEnd)}</span>
      <span>{t('approvals.value', { value: `${formatNumber(item.value, language, 2)}${indicator && !indicator.percent ? ` ${indicator.unitLabel}` : ''}` })}</span>
      {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
      <div className="field">
        <label htmlFor={commentId}>{t('approvals.comment')}</label>
        <textarea id={commentId} rows={2} maxLength={1000} value={comment} onChange={(event) => setComment(event.target.value)}
          aria-invalid={errors.comment ? true : undefined} aria-describedby={errors.comment ? `${commentId}-error` : undefined} />
        {errors.comment && <p id={`${commentId}-error`} className="field-error" role="alert">{errors.comment}</p>}
      </div>
      <div className="workbench-actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void decide('approve')}>{t('approvals.approve')}</button>
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void decide('return')}>{t('approvals.return')}</button>
        <button type="button" className="btn btn-quiet btn-small" aria-expanded={showHistory} onClick={() => setShowHistory((open) => !open)}>{t('history')}</button>
      </div>
      {showHistory && <FigureHistory id={item.id} name={name} />}
    </li>
  );
}
