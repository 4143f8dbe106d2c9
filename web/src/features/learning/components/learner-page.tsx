import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { keepEnrolledLessons } from '../api/keep-lessons';
import { CertificatesView } from './certificates-view';
import { CourseList } from './course-list';
import { CourseView } from './course-view';
import './learning.css';
import { NS } from './learning-i18n';
import { LessonView } from './lesson-view';
import { SkillChecksView } from './skill-checks-view';

interface Props {
  path: string;
  csrfToken: string;
  displayName: string;
  actions: ReactNode;
  signOut: ReactNode;
}

/**
 * The learner's half of Doorstep (a lazy chunk: the field app's first download carries none of
 * it): courses, lessons and their quizzes, skill checks, certificates. Phone first.
 */
export default function LearnerPage({ path, csrfToken, displayName, actions, signOut }: Props) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  // The learner's courses, kept for reading offline: once per opening, in the background.
  useEffect(() => {
    const controller = new AbortController();
    void keepEnrolledLessons({ language, csrfToken }, controller.signal).catch(() => 0);
    return () => controller.abort();
  }, [language, csrfToken]);
  const parts = path.split('/').filter(Boolean);
  let content;
  if (parts[1] === 'course' && parts[2]) content = <CourseView key={parts[2]} courseId={parts[2]} csrfToken={csrfToken} />;
  else if (parts[1] === 'lesson' && parts[2]) content = <LessonView key={parts[2]} lessonId={parts[2]} csrfToken={csrfToken} />;
  else if (parts[1] === 'checks') content = <SkillChecksView csrfToken={csrfToken} />;
  else if (parts[1] === 'certificates') content = <CertificatesView csrfToken={csrfToken} />;
  else content = <CourseList csrfToken={csrfToken} />;
  const tab = parts[1] === 'checks' ? 'checks' : parts[1] === 'certificates' ? 'certificates' : 'home';
  return (
    <div className="app learn">
      <header className="topbar">
        <h1>{t('title')}<small>{displayName}</small></h1>
        {actions}
        {signOut}
      </header>
      <nav className="learn-tabs" aria-label={t('title')}>
        {(['home', 'checks', 'certificates'] as const).map((name) => (
          <a key={name} href={name === 'home' ? '#/learn' : `#/learn/${name}`} aria-current={tab === name ? 'page' : undefined}>{t(`nav.${name}`)}</a>
        ))}
      </nav>
      <main>{content}</main>
    </div>
  );
}
