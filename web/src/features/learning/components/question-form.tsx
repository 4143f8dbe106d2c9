import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ApiError } from '../../../lib/api';
import type { Paper } from '../api/learning-api';
import { NS } from './learning-i18n';

type Answers = { questionId: string; optionId: string }[];

/** Questions with one choice each, big touch targets; the server scores them. */
export function QuestionForm({ paper, onSubmit, header, testId }: {
  paper: Paper; onSubmit: (answers: Answers) => Promise<void>; header?: ReactNode; testId: string;
}) {
  const { t } = useTranslation(NS);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(Object.entries(choices).map(([questionId, optionId]) => ({ questionId, optionId })));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e)));
    } finally {
      setBusy(false);
    }
  };
  const unanswered = paper.questions.filter((q) => !choices[q.id]).length;
  return (
    <form className="learn-questions stack" onSubmit={(e) => void send(e)} data-testid={testId}>
      {header}
      {paper.questions.map((question, index) => (
        <fieldset key={question.id} className="learn-card">
          <legend>{t('question', { number: index + 1, total: paper.questions.length })}</legend>
          <p className="learn-question-text">{question.text}</p>
          {question.options.map((option) => (
            <label key={option.id} className="learn-option">
              <input type="radio" name={question.id} value={option.id} checked={choices[question.id] === option.id}
                onChange={() => setChoices({ ...choices, [question.id]: option.id })} />
              <span>{option.text}</span>
            </label>
          ))}
        </fieldset>
      ))}
      {unanswered > 0 && <p className="muted">{t('unanswered', { count: unanswered })}</p>}
      {error && <p className="field-error" role="alert">{error.message}</p>}
      <Button type="submit" wide disabled={busy}>{busy ? t('submitting') : t('submit')}</Button>
    </form>
  );
}
