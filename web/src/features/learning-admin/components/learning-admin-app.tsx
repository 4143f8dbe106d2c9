import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../lib/session';
import { CertificateRevoke } from './certificate-revoke';
import { CourseEditor } from './course-editor';
import { CoursesPanel } from './courses-panel';
import { FrameworkEditor } from './framework-editor';
import { NationalImport } from './national-import';
import { SkillChecksPanel } from './skill-checks-panel';
import { XapiSystems } from './xapi-systems';
import { NS } from './learning-admin-i18n';
import './learning-admin.css';

interface Props { user: SessionUser; csrfToken: string; path: string }

const TABS = [
  { key: 'courses', href: '#/learning-admin', authors: true },
  { key: 'framework', href: '#/learning-admin/framework', authors: true },
  { key: 'checks', href: '#/learning-admin/checks', authors: true },
  { key: 'certificates', href: '#/learning-admin/certificates', authors: false },
  { key: 'import', href: '#/learning-admin/import', authors: false },
  { key: 'systems', href: '#/learning-admin/systems', authors: false },
] as const;

/**
 * The officers' learning desk: courses, the skills framework and each skill's check (province officers author them),
 * certificate revocation, the national platform's import and the xAPI systems (any officer, in
 * their units).
 */
export default function LearningAdminApp({ user, csrfToken, path }: Props) {
  const { t } = useTranslation(NS);
  const parts = path.split('/').filter(Boolean); // ['learning-admin', …]
  const author = user.role === 'province_officer';
  const section = parts[1] ?? (author ? 'courses' : 'certificates');
  const unit = user.scopeUnitCode ?? '';
  const tabs = TABS.filter((tab) => author || !tab.authors);

  let body;
  if (section === 'course' && parts[2] && author) body = <CourseEditor courseId={parts[2]} province={unit} csrfToken={csrfToken} />;
  else if (section === 'framework' && author) body = <FrameworkEditor csrfToken={csrfToken} />;
  else if (section === 'checks' && author) body = <SkillChecksPanel province={unit} csrfToken={csrfToken} />;
  else if (section === 'import') body = <NationalImport csrfToken={csrfToken} />;
  else if (section === 'systems') body = <XapiSystems unit={unit} csrfToken={csrfToken} />;
  else if (section === 'courses' && author) body = <CoursesPanel csrfToken={csrfToken} />;
  else body = <CertificateRevoke unit={unit} csrfToken={csrfToken} />;

  const current = section === 'course' ? 'courses' : section;
  return (
    <section className="stack learning-admin" aria-labelledby="learning-admin-title">
      <h2 id="learning-admin-title">{t('title')}</h2>
      <nav className="learning-admin-tabs" aria-label={t('sections')}>
        {tabs.map((tab) => (
          <a key={tab.key} href={tab.href} aria-current={current === tab.key ? 'page' : undefined}>{t(`tab.${tab.key}`)}</a>
        ))}
      </nav>
      {body}
    </section>
  );
}
