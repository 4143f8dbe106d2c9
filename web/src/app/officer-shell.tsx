import { lazy, Suspense, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { clearSession, type StoredSession } from '../lib/session';
import { OFFICER_NS } from './officer-i18n';
import '../components/ui/progress-views.css';
import './officer-shell.css';

// Each screen is a chunk of its own: an officer who only reads the dashboard never downloads the forms.
const Dashboard = lazy(() => import('../features/dashboard/components/dashboard-app'));
const ReportedFigures = lazy(() => import('../features/reported-figures/components/reported-figures-app'));
const Difficulties = lazy(() => import('../features/difficulties/components/difficulties-app'));
const Accounts = lazy(() => import('../features/accounts/components/accounts-app'));
const Supervision = lazy(() => import('../features/supervision/components/supervision-app'));
const Units = lazy(() => import('../features/units/components/units-app'));
const Teams = lazy(() => import('../features/teams/components/teams-app'));
const Targets = lazy(() => import('../features/targets/components/targets-app'));
const Dhis2 = lazy(() => import('../features/dhis2/components/dhis2-app'));
const Events = lazy(() => import('../features/events/components/events-app'));
const LearningAdmin = lazy(() => import('../features/learning-admin/components/learning-admin-app'));
const Statistics = lazy(() => import('../features/statistics/components/statistics-app'));
const MilestoneKinds = lazy(() => import('../features/milestone-kinds/components/milestone-kinds-app'));

interface OfficerShellProps {
  session: StoredSession;
  path: string;
  /** The language switch, owned by the app. */
  language: ReactNode;
  /** Sign-out, owned by the app (it knows the unsent work). */
  signOut: ReactNode;
}

interface NavItem { key: string; href: string; matches: (path: string) => boolean; roles?: readonly string[] }

const NAV: readonly NavItem[] = [
  { key: 'dashboard', href: '#/dashboard', matches: (p) => p.startsWith('/dashboard') },
  { key: 'figures', href: '#/figures', matches: (p) => p === '/figures' },
  { key: 'approvals', href: '#/figures/approvals', matches: (p) => p.startsWith('/figures/approvals') },
  { key: 'difficulties', href: '#/difficulties', matches: (p) => p.startsWith('/difficulties') },
  { key: 'supervision', href: '#/supervision', matches: (p) => p.startsWith('/supervision') },
  { key: 'targets', href: '#/targets', matches: (p) => p.startsWith('/targets') },
  { key: 'teams', href: '#/teams', matches: (p) => p.startsWith('/teams') },
  { key: 'units', href: '#/units', matches: (p) => p.startsWith('/units') },
  { key: 'statistics', href: '#/statistics', matches: (p) => p.startsWith('/statistics') },
  { key: 'milestoneKinds', href: '#/milestone-kinds', matches: (p) => p.startsWith('/milestone-kinds'), roles: ['province_officer', 'admin'] },
  { key: 'dhis2', href: '#/dhis2', matches: (p) => p.startsWith('/dhis2'), roles: ['province_officer'] },
  { key: 'events', href: '#/events', matches: (p) => p.startsWith('/events') },
  { key: 'learning', href: '#/learning-admin', matches: (p) => p.startsWith('/learning-admin') },
  { key: 'accounts', href: '#/accounts', matches: (p) => p.startsWith('/accounts') },
  { key: 'myAccount', href: '#/account', matches: (p) => p === '/account' },
];

/**
 * The officers' part of the app: one header (who is signed in, the screens, the language, sign-out)
 * around the dashboard and the workbench screens. Loaded on demand, like everything it shows.
 */
export default function OfficerShell({ session, path, language, signOut }: OfficerShellProps) {
  const { t } = useTranslation(OFFICER_NS);
  const main = useRef<HTMLElement>(null);
  const { user, csrfToken } = session;
  const loading = <p className="muted" role="status">{t('loading')}</p>;

  let screen: ReactNode;
  if (path.startsWith('/figures')) screen = <ReportedFigures user={user} csrfToken={csrfToken} path={path} />;
  else if (path.startsWith('/difficulties')) screen = <Difficulties user={user} csrfToken={csrfToken} path={path} />;
  else if (path.startsWith('/account')) screen = <Accounts user={user} csrfToken={csrfToken} path={path} onSignedOut={() => void clearSession()} />;
  else if (path.startsWith('/learning-admin')) screen = <LearningAdmin user={user} csrfToken={csrfToken} path={path} />;
  else if (path.startsWith('/events')) screen = <Events user={user} csrfToken={csrfToken} />;
  else if (path.startsWith('/supervision')) screen = <Supervision user={user} csrfToken={csrfToken} path={path} />;
  else if (path.startsWith('/targets')) screen = <Targets user={user} csrfToken={csrfToken} path={path} />;
  else if (path.startsWith('/teams')) screen = <Teams user={user} csrfToken={csrfToken} path={path} />;
  else if (path.startsWith('/units')) screen = <Units user={user} csrfToken={csrfToken} path={path} />;
  else if (path.startsWith('/dhis2')) screen = <Dhis2 user={user} csrfToken={csrfToken} />;
  else if (path.startsWith('/statistics')) screen = <Statistics user={user} csrfToken={csrfToken} />;
  else if (path.startsWith('/milestone-kinds')) screen = <MilestoneKinds user={user} csrfToken={csrfToken} />;
  else screen = <Dashboard user={user} path={path} />;

  return (
    <div className="dash">
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>{t('skipToContent')}</button>
      <header className="dash-top">
        <h1>
          {t('brand')}
          <small className="officer-user" data-testid="signed-in-user">
            {t('signedInAs', { name: user.displayName, role: t(`role.${user.role}`, { defaultValue: user.role }) })}
          </small>
        </h1>
        <div className="dash-actions">
          {language}
          {signOut}
        </div>
      </header>
      <nav className="officer-nav" aria-label={t('navigation')}>
        {NAV.filter((item) => !item.roles || item.roles.includes(user.role)).map((item) => (
          <a key={item.key} href={item.href} aria-current={item.matches(path) ? 'page' : undefined}>{t(`nav.${item.key}`)}</a>
        ))}
        {user.role === 'province_officer' && <a href="#/contest-admin" data-testid="contest-admin-link">{t('nav.contest')}</a>}
        <a href="#/">{t('nav.fieldApp')}</a>
      </nav>
      {session.expired && (
        <p className="banner" role="alert">{t('sessionEnded')} <a href="#/login">{t('signInAgain')}</a></p>
      )}
      <main ref={main} tabIndex={-1} className="dash-main">
        <Suspense fallback={loading}>{screen}</Suspense>
      </main>
    </div>
  );
}
