import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api';
import { submitAttempt, type AttemptResult, type Paper } from '../api/contest-api';
import { clock, NS } from './contest-i18n';

/** Chosen options survive a reload of the page: the attempt resumes with the same paper. */
const storeKey = (attemptId: string) => `doorstep.contest.${attemptId}`;

function storedChoices(attemptId: string): Record<string, string> {
  try {
    return JSON.parse(sessionStorage.getItem(storeKey(attemptId)) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** The countdown to the server's deadline, ticking each second. */
function useRemaining(deadline: string): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return new Date(deadline).getTime() - now;
}

export function AttemptView({ paper, onDone }: { paper: Paper; onDone: (result: AttemptResult) => void }) {
  const { t, i18n } = useTranslation(NS);
  const [choices, setChoices] = useState<Record<string, string>>(() => storedChoices(paper.attemptId));
  const [prediction, setPrediction] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const remaining = useRemaining(paper.deadline);

  const choose = (questionId: string, optionId: string) => {
    const next = { ...choices, [questionId]: optionId };
    setChoices(next);
    sessionStorage.setItem(storeKey(paper.attemptId), JSON.stringify(next));
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const guess = Number(prediction);
    if (prediction.trim() === '' || !Number.isInteger(guess) || guess < 0) {
      setError(new ApiError(422, 'PREDICTION_INVALID', t('predictionInvalid'), 'prediction'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const answers = Object.entries(choices).map(([questionId, optionId]) => ({ questionId, optionId }));
      const result = await submitAttempt(paper.attemptId, { answers, prediction: guess }, { language: i18n.language });
      sessionStorage.removeItem(storeKey(paper.attemptId));
      onDone(result);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e)));
    } finally {
      setBusy(false);
    }
  };

  const unanswered = paper.questions.filter((q) => !choices[q.id]).length;
  return (
    <form className="contest-attempt" onSubmit={(e) => void send(e)} data-testid="contest-attempt">
      <p className={`contest-clock${remaining < 60_000 ? ' contest-clock-low' : ''}`} role="timer" aria-live="off" data-testid="contest-clock">
        {remaining > 0 ? t('remaining', { time: clock(remaining) }) : t('timeUp')}
      </p>
      {paper.questions.map((question, index) => (
        <fieldset key={question.id} className="contest-card contest-question">
          <legend>{t('question', { number: index + 1, total: paper.questions.length })}</legend>
          <p className="contest-question-text">{question.text}</p>
          {question.options.map((option) => (
            <label key={option.id} className="contest-option">
              <input type="radio" name={question.id} value={option.id} checked={choices[question.id] === option.id} onChange={() => choose(question.id, option.id)} />
              <span>{option.text}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <div className="contest-card">
        <TextField label={t('prediction')} hint={t('predictionHint')} inputMode="numeric" name="prediction" value={prediction}
          onChange={(e) => setPrediction(e.target.value.replace(/[^\d]/g, ''))} error={error?.field === 'prediction' ? error.message : undefined} />
      </div>
      {unanswered > 0 && <p className="muted">{t('unanswered', { count: unanswered })}</p>}
      {error && error.field !== 'prediction' && <p className="field-error" role="alert">{error.message}</p>}
      <Button type="submit" wide disabled={busy}>{busy ? t('submitting') : t('submit')}</Button>
    </form>
  );
}
