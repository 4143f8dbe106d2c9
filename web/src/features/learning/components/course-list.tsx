import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../../lib/use-resource';
import { listCourses, myCourses, type CourseSummary, type MyCourse } from '../api/learning-api';
import { NS } from './learning-i18n';

interface Props { csrfToken: string }

function CourseCard({ course, mine }: { course: CourseSummary; mine?: MyCourse }) {
  const { t } = useTranslation(NS);
  const href = mine?.lastLessonId && !mine.completedOn ? `#/learn/lesson/${mine.lastLessonId}` : `#/learn/course/${course.id}`;
  return (
    <li className="learn-card">
      <h3><a href={`#/learn/course/${course.id}`}>{course.title}</a></h3>
      <p>{course.summary}</p>
      <p className="muted">{t('lessons', { count: course.lessonCount })} · {t('minutes', { count: course.minutes })}</p>
      {mine && <p className="learn-progress">{mine.completedOn ? t('completed') : t('progress', { read: mine.lessonsRead, total: course.lessonCount })}</p>}
      <a className="btn btn-secondary" href={href}>{mine ? (mine.completedOn ? t('open') : t('resume')) : t('open')}</a>
    </li>
  );
}

/** The learner's home: their courses first (with where to resume), then the catalogue. */
export function CourseList({ csrfToken }: Props) {
  const { t, i18n } = useTranslation(NS);
  const [refresh] = useState(0);
  const ctx = { language: i18n.language, csrfToken };
  const all = useResource(`courses:${i18n.language}`, (signal) => listCourses({ ...ctx, signal }), refresh);
  const mine = useResource(`mine:${i18n.language}`, (signal) => myCourses({ ...ctx, signal }), refresh);
  if (all.error || mine.error) return <p className="field-error" role="alert">{(all.error ?? mine.error)!.message}</p>;
  if (!all.data || !mine.data) return <p className="muted" role="status">{t('loading')}</p>;
  const enrolled = new Map(mine.data.items.map((c) => [c.id, c]));
  return (
    <div className="stack">
      <section aria-labelledby="my-courses">
        <h2 id="my-courses">{t('myCourses')}</h2>
        {mine.data.items.length === 0 ? <p className="muted">{t('noCourses')}</p> : (
          <ul className="learn-list" data-testid="my-courses">{mine.data.items.map((c) => <CourseCard key={c.id} course={c} mine={c} />)}</ul>
        )}
      </section>
      <section aria-labelledby="catalogue">
        <h2 id="catalogue">{t('catalogue')}</h2>
        <ul className="learn-list" data-testid="catalogue">
          {all.data.items.filter((c) => !enrolled.has(c.id)).map((c) => <CourseCard key={c.id} course={c} />)}
        </ul>
      </section>
    </div>
  );
}
