import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ApiError } from '../../../lib/api';
import { navigate } from '../../../lib/navigation';
import { useResource } from '../../../lib/use-resource';
import { enrol, getCourse, myCourses } from '../api/learning-api';
import { NS } from './learning-i18n';

/** A course: what it teaches, its lessons, and one button to enrol or to continue. */
export function CourseView({ courseId, csrfToken }: { courseId: string; csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const ctx = { language: i18n.language, csrfToken };
  const course = useResource(`course:${courseId}:${i18n.language}`, (signal) => getCourse(courseId, { ...ctx, signal }));
  const mine = useResource(`mine:${i18n.language}`, (signal) => myCourses({ ...ctx, signal }));
  const [error, setError] = useState<string>();
  if (course.error) return <p className="field-error" role="alert">{course.error.message}</p>;
  if (!course.data || !mine.data) return <p className="muted" role="status">{t('loading')}</p>;
  const { lessons } = course.data;
  const enrolment = mine.data.items.find((c) => c.id === courseId);
  const first = lessons[0]?.id;
  const start = async () => {
    setError(undefined);
    try {
      await enrol(courseId, ctx);
      if (first) navigate(`/learn/lesson/${first}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <article className="stack" data-testid="course-view">
      <a href="#/learn">← {t('back')}</a>
      <h2>{course.data.title}</h2>
      <p>{course.data.summary}</p>
      {enrolment?.completedOn && <p className="learn-progress">{t('completed')}</p>}
      {enrolment
        ? <a className="btn btn-primary btn-wide" href={`#/learn/lesson/${enrolment.lastLessonId ?? first}`}>{t('resume')}</a>
        : <Button wide onClick={() => void start()}>{t('enrol')}</Button>}
      {error && <p className="field-error" role="alert">{error}</p>}
      <h3>{t('lessonList')}</h3>
      <ol className="learn-lessons">
        {lessons.map((lesson) => (
          <li key={lesson.id}>
            {enrolment ? <a href={`#/learn/lesson/${lesson.id}`}>{lesson.title}</a> : lesson.title}
            <span className="muted"> · {t('minutes', { count: lesson.minutes })}{lesson.hasQuiz ? ` · ${t('quizTag')}` : ''}</span>
          </li>
        ))}
      </ol>
    </article>
  );
}
