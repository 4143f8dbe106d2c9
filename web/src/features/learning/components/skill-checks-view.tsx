import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ApiError } from '../../../lib/api';
import { useResource } from '../../../lib/use-resource';
import { mySkillChecks, startCheck, submitCheck, type CheckPaper, type CheckResult } from '../api/learning-api';
import { clock, NS } from './learning-i18n';
import { QuestionForm } from './question-form';

/** Time left by the server's clock: the offset between the server and this phone is measured once. */
function useRemaining(paper: CheckPaper): number {
  const [offset] = useState(() => new Date(paper.serverNow).getTime() - Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return new Date(paper.deadline).getTime() - (now + offset);
}

function CheckTimer({ paper }: { paper: CheckPaper }) {
  const { t } = useTranslation(NS);
  const remaining = useRemaining(paper);
  return <p className="learn-clock" role="timer" aria-live="off">{remaining > 0 ? t('remaining', { time: clock(remaining) }) : t('timeUp')}</p>;
}

/** The skill checks: which the learner's group requires, which are passed, and the check itself. */
export function SkillChecksView({ csrfToken }: { csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const ctx = { language: i18n.language, csrfToken };
  const [refresh, setRefresh] = useState(0);
  const checks = useResource(`checks:${i18n.language}`, (signal) => mySkillChecks({ ...ctx, signal }), refresh);
  const [paper, setPaper] = useState<CheckPaper>();
  const [result, setResult] = useState<CheckResult>();
  const [error, setError] = useState<string>();

  const begin = async (skill: string) => {
    setError(undefined);
    setResult(undefined);
    try {
      setPaper(await startCheck(skill, ctx));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  if (paper) {
    return (
      <QuestionForm paper={paper} testId="skill-check" header={<CheckTimer paper={paper} />}
        onSubmit={async (answers) => {
          setResult(await submitCheck(paper.attemptId, answers, ctx));
          setPaper(undefined);
          setRefresh((n) => n + 1);
        }} />
    );
  }
  if (checks.error) return <p className="field-error" role="alert">{checks.error.message}</p>;
  if (!checks.data) return <p className="muted" role="status">{t('loading')}</p>;
  return (
    <div className="stack" data-testid="skill-checks">
      <h2>{t('nav.checks')}</h2>
      <p>{t('checksIntro')}</p>
      {result && (
        <p className={`learn-card ${result.passed ? 'learn-pass' : ''}`} role="status" data-testid="check-result">
          {result.passed ? t('checkPassed', { correct: result.correct, total: result.total }) : t('checkFailed', { correct: result.correct, total: result.total })}
        </p>
      )}
      {checks.data.confirmed && <p className="learn-card learn-pass" role="status" data-testid="skills-confirmed">{t('confirmed')}</p>}
      {error && <p className="field-error" role="alert">{error}</p>}
      <ul className="learn-list">
        {checks.data.items.map((item) => (
          <li key={item.skillCode} className="learn-card" data-testid={`check-${item.skillCode}`}>
            <h3>{item.name}</h3>
            <p className="muted">
              {item.required ? t('required') : t('optional')}
              {item.ready ? ` · ${t('checkInfo', { questions: item.questionCount, minutes: item.minutes })}` : ` · ${t('notReady')}`}
            </p>
            {item.passed ? <p className="learn-progress">✓ {t('passed')}</p>
              : item.ready && <Button variant="secondary" onClick={() => void begin(item.skillCode)}>{t('takeCheck')}</Button>}
          </li>
        ))}
      </ul>
    </div>
  );
}
