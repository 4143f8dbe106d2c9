import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ApiError } from '../../../lib/api';
import { useResource } from '../../../lib/use-resource';
import { fetchContests, fetchMe, startAttempt, type AttemptResult, type Contest, type Paper, type Participant } from '../api/contest-api';
import { AttemptView } from './attempt-view';
import { clock, NS } from './contest-i18n';
import { LeaderboardView } from './leaderboard-view';
import { PublishedResults } from './published-results';
import { RegisterForm } from './register-form';
import '../../../components/ui/contest-views.css';

/** The phase open on the phone's Vietnam local day, if any. */
function openPhase(contest: Contest): Contest['phases'][number] | undefined {
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  return contest.phases.find((p) => p.startsOn <= today && today <= p.endsOn);
}

/**
 * The public contest page, phone first, no account: register, start (or resume) an attempt,
 * answer against the server's deadline, predict, submit, see the score and the leaderboard.
 * Loaded on demand (React.lazy in app/app.tsx), so the field app's first download carries none of it.
 */
export default function ContestPage({ actions }: { actions?: ReactNode }) {
  const { t, i18n } = useTranslation(NS);
  const main = useRef<HTMLElement>(null);
  const contests = useResource('contests', (signal) => fetchContests({ language: i18n.language, signal }));
  const [participant, setParticipant] = useState<Participant | null>();
  const [paper, setPaper] = useState<Paper>();
  const [result, setResult] = useState<AttemptResult>();
  const [error, setError] = useState<ApiError>();
  const [refresh, setRefresh] = useState(0);

  useEffect(() => {
    document.title = `${t('title')} · Doorstep`;
    fetchMe({ language: i18n.language }).then(setParticipant, () => setParticipant(null));
    return () => {
      document.title = 'Doorstep';
    };
  }, [t, i18n.language]);
  useEffect(() => {
    // After a submission the leaderboard is read again now and then: the others' results come in.
    // (The participant's own place is in the first read: the server sets it among a kept ranking.)
    if (!result) return undefined;
    const timer = setInterval(() => setRefresh((n) => n + 1), 12_000);
    return () => clearInterval(timer);
  }, [result]);

  const contest = contests.data?.items.find((c) => openPhase(c)) ?? contests.data?.items[0];
  const phase = contest ? openPhase(contest) : undefined;

  const begin = async () => {
    if (!contest) return;
    setError(undefined);
    try {
      setPaper(await startAttempt(contest.id, { language: i18n.language }));
      setResult(undefined);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e)));
    }
  };

  let body: ReactNode;
  if (contests.error) body = <p className="field-error" role="alert">{t('failed', { message: contests.error.message })}</p>;
  else if (!contests.data || participant === undefined) body = <p className="muted" role="status">{t('loading')}</p>;
  else if (!contest) body = <p>{t('none')}</p>;
  else {
    body = (
      <>
        <section className="contest-card">
          <h2>{contest.title}</h2>
          {phase && <p>{t('phase', { number: phase.number, from: phase.startsOn, to: phase.endsOn })}</p>}
          <p className="muted">{t('rules', { questions: contest.rules.questionsPerAttempt, minutes: Math.round(contest.rules.timeLimitSeconds / 60), attempts: contest.rules.attemptsPerDay })}</p>
        </section>
        {!participant && phase && <RegisterForm contestId={contest.id} onRegistered={setParticipant} />}
        {participant && phase && !paper && (
          <section className="contest-card">
            <p>{t('hello', { name: participant.fullName })}</p>
            <Button wide onClick={() => void begin()} data-testid="contest-start">{t('start')}</Button>
            {error && <p className="field-error" role="alert">{error.message}</p>}
          </section>
        )}
        {paper && !result && <AttemptView paper={paper} onDone={(r) => { setResult(r); setRefresh((n) => n + 1); }} />}
        {paper && result && (
          <section className="contest-card contest-result" data-testid="contest-result">
            <h2>{t('result.heading')}</h2>
            <p className="contest-score">{t('result.score', { score: result.score })}</p>
            <p>{t('result.correct', { correct: result.correct, total: paper.questions.length })}</p>
            <p>{t('result.time', { time: clock(result.durationMs) })}</p>
          </section>
        )}
        {phase && <LeaderboardView contestId={contest.id} phase={phase.number} refresh={refresh} />}
        {contest.phases.filter((p) => p.publishedAt).map((p) => <PublishedResults key={p.number} contestId={contest.id} phase={p.number} />)}
      </>
    );
  }

  return (
    <div className="contest">
      <header className="topbar">
        <h1>{t('title')}<small>{t('movement')}</small></h1>
        {actions}
      </header>
      <main ref={main} tabIndex={-1}>
        {body}
        <p><a className="text-link" href="#/">{t('back')}</a></p>
      </main>
    </div>
  );
}
