import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf } from '../../../lib/form-errors';
import { actOnDifficulty, type Difficulty, type DifficultyAction } from '../api/difficulties-api';
import { NS } from './difficulties-i18n';

interface ItemProps {
  item: Difficulty;
  unitName: string;
  /** The province answers and closes (the API allows only it); others see the status and the answer. */
  canHandle: boolean;
  userId: string;
  csrfToken: string;
  onChanged: (message: string) => void;
}

const PILL: Record<string, string> = { open: 'pill-todo', assigned: 'pill-wait', answered: 'pill-ok', closed: 'pill-ok' };
const localTime = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));

export function DifficultyItem({ item, unitName, canHandle, userId, csrfToken, onChanged }: ItemProps) {
  const { t, i18n } = useTranslation(NS);
  const answerId = useId();
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<{ answer?: string; general?: string }>({});
  const [busy, setBusy] = useState(false);

  const act = async (body: DifficultyAction, done: string) => {
    if (body.action === 'answer' && body.answer.trim() === '') {
      setErrors({ answer: t('answerRequired') });
      return;
    }
    setBusy(true);
    try {
      await actOnDifficulty(item.id, body, { language: i18n.language, csrfToken });
      setErrors({});
      setAnswer('');
      onChanged(t(done));
    } catch (error) {
      const mapped = formErrorsOf(error, (path) => (path === 'answer' ? 'answer' : undefined));
      setErrors({ answer: mapped.fields.answer, general: mapped.general });
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card" data-testid="difficulty" data-status={item.status} data-unit={item.unitCode}>
      <div className="row-top">
        <strong>{t(`category.${item.category}`, { defaultValue: item.category })}</strong>
        <span className={`pill ${PILL[item.status]}`} data-testid="difficulty-status">{t(`status.${item.status}`)}</span>
      </div>
      <span>{item.description}</span>
      <span className="muted">{t('reportedAt', { unit: unitName, at: localTime(item.reportedAt, i18n.language) })}</span>
      {item.answer && <p className="difficulty-answer">{t('answerOf', { answer: item.answer })}</p>}
      {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
      {canHandle && item.status !== 'closed' && (
        <>
          <div className="field">
            <label htmlFor={answerId}>{t('answer')}</label>
            <textarea id={answerId} rows={2} maxLength={4000} value={answer} onChange={(event) => setAnswer(event.target.value)}
              aria-invalid={errors.answer ? true : undefined} aria-describedby={errors.answer ? `${answerId}-error` : undefined} />
            {errors.answer && <p id={`${answerId}-error`} className="field-error" role="alert">{errors.answer}</p>}
          </div>
          <div className="workbench-actions">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void act({ action: 'answer', answer: answer.trim() }, 'answered')}>{t('sendAnswer')}</button>
            {item.status === 'open' && (
              <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void act({ action: 'assign', assigneeUserId: userId }, 'assigned')}>{t('assignToMe')}</button>
            )}
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void act({ action: 'close' }, 'closed')}>{t('close')}</button>
          </div>
        </>
      )}
    </li>
  );
}
