import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { PaintedLesson } from '../../../components/ui/painted-lesson';
import { paintedLesson, takeEarlyLesson } from '../../../lib/early-lesson';
import { useResource } from '../../../lib/use-resource';
import { lessonQuiz, openLesson, submitQuiz, type Lesson, type QuizResult } from '../api/learning-api';
import { rememberLesson, rememberedLesson } from '../api/offline-lessons';
import { NS } from './learning-i18n';
import { QuestionForm } from './question-form';

/**
 * A lesson as the server rendered it from Markdown (raw HTML switched off there, so the HTML is
 * the server's own), its media links, and its short quiz. A lesson once opened is kept on the
 * device and opens offline. Opened from its link, the lesson comes with the page: index.html asked
 * for it before the app's script arrived and painted it (lib/early-lesson.ts).
 */
export function LessonView({ lessonId, csrfToken }: { lessonId: string; csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const ctx = { language: i18n.language, csrfToken };
  const lesson = useResource(`lesson:${lessonId}:${i18n.language}`, async (signal) => {
    try {
      const opened = (await takeEarlyLesson<Lesson>(lessonId, i18n.language)) ?? await openLesson(lessonId, { ...ctx, signal });
      void rememberLesson(opened);
      return { ...opened, offline: !navigator.onLine };
    } catch (error) {
      const kept = await rememberedLesson(lessonId);
      if (kept) return { ...kept, offline: true };
      throw error;
    }
  });
  const [quizOpen, setQuizOpen] = useState(false);
  const [result, setResult] = useState<QuizResult>();
  const [attempt, setAttempt] = useState(0);
  const quiz = useResource(quizOpen ? `quiz:${lessonId}:${i18n.language}:${attempt}` : null, (signal) => lessonQuiz(lessonId, { ...ctx, signal }));
  if (lesson.error) return <p className="field-error" role="alert">{lesson.error.message}</p>;
  if (!lesson.data) {
    const painted = paintedLesson(lessonId, i18n.language);
    return painted ? <PaintedLesson lesson={painted} /> : <p className="muted" role="status">{t('loading')}</p>;
  }
  const data = lesson.data;
  return (
    <article className="stack" data-testid="lesson-view">
      <a href={`#/learn/course/${data.courseId}`}>← {t('toCourse')}</a>
      {data.offline && <p className="banner" role="status">{t('offline')}</p>}
      <h2>{data.title}</h2>
      {/* The server's rendering of the author's Markdown, with raw HTML refused there. */}
      <div className="learn-lesson-body" dangerouslySetInnerHTML={{ __html: data.html }} />
      {data.media.map((m) => (
        <p key={m.url}><a href={m.url} target="_blank" rel="noopener noreferrer">{m.caption || m.url}</a></p>
      ))}
      {data.quiz && !quizOpen && !result && (
        <Button wide onClick={() => setQuizOpen(true)}>{t('quiz')}</Button>
      )}
      {quizOpen && quiz.data && !result && (
        <QuestionForm paper={quiz.data} testId="lesson-quiz" header={<><h3>{t('quiz')}</h3><p className="muted">{t('quizHint', { percent: data.quiz?.passPercent })}</p></>}
          onSubmit={async (answers) => setResult(await submitQuiz(lessonId, answers, ctx))} />
      )}
      {quiz.error && <p className="field-error" role="alert">{quiz.error.message}</p>}
      {result && (
        <div className="learn-card" role="status" data-testid="quiz-result">
          <p>{result.passed ? t('quizPassed', { correct: result.correct, total: result.total }) : t('quizFailed', { correct: result.correct, total: result.total })}</p>
          {result.courseCompleted && <p className="learn-progress">{t('courseDone')}</p>}
          {!result.passed && <Button variant="secondary" onClick={() => { setResult(undefined); setAttempt(attempt + 1); }}>{t('tryAgain')}</Button>}
        </div>
      )}
      <nav className="learn-pager">
        {data.previousLessonId && <a className="btn btn-secondary" href={`#/learn/lesson/${data.previousLessonId}`}>{t('previous')}</a>}
        {data.nextLessonId && <a className="btn btn-primary" href={`#/learn/lesson/${data.nextLessonId}`}>{t('next')}</a>}
      </nav>
    </article>
  );
}
