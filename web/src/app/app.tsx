import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/ui/button';
import { PaintedLesson } from '../components/ui/painted-lesson';
import { PaintedPublic } from '../components/ui/painted-public';
import { LoginScreen } from '../features/session/components/login-screen';
import { LogoutButton } from '../features/session/components/logout-button';
import { VillagePicker } from '../features/session/components/village-picker';
import { resetSyncEngine, startSyncEngine, syncNow } from '../features/sync/api/sync-engine';
import { readSyncStatus } from '../features/sync/api/sync-status';
import { SyncBar } from '../features/sync/components/sync-bar';
import { SyncScreen } from '../features/sync/components/sync-screen';
import { bootFormShown, rememberSignedIn } from '../lib/boot-shell';
import { db } from '../lib/db';
import { paintedLesson } from '../lib/early-lesson';
import { paintedPublic } from '../lib/early-public';
import { FieldContext } from '../lib/field-context';
import { useLiveQuery } from '../lib/live-query';
import { navigate, useHashPath } from '../lib/navigation';
import { readSession, readVillage } from '../lib/session';
import { useOnline } from '../lib/use-online';
import i18n, { switchLanguage } from './i18n';
import { isOfficer, isOfficerPath } from './officer-paths';
import { FieldRoutes } from './routes';

// The officers' shell (the dashboard, ECharts and the workbench screens inside it) is a chunk of
// its own, fetched only when opened: the field app's first download stays within its budget
// (web/build/entry-budget.ts).
const OfficerShell = lazy(() => import('./officer-shell'));
// The public progress page, for anyone without login: a lazy chunk too, for the same reason.
const PublicPage = lazy(() => import('../features/public-progress/components/public-page'));
const isPublicPath = (path: string) => path === '/public' || path.startsWith('/public/');
// The public quiz contest, no login, phone first: a lazy chunk as well.
const ContestPage = lazy(() => import('../features/contest/components/contest-page'));
const isContestPath = (path: string) => path === '/contest' || path.startsWith('/contest/');
// The public certificate check (what a certificate's QR code opens) and the learner's own
// certificates: lazy chunks too.
const CheckPage = lazy(() => import('../features/certificates/components/check-page'));
const isCheckPath = (path: string) => path === '/check' || path.startsWith('/check/');
const MyCertificates = lazy(() => import('../features/certificates/components/my-certificates'));
// The province officer's contest administration, another lazy chunk.
const ContestAdmin = lazy(() => import('../features/contest-admin/components/contest-admin-page'));
// The learner's courses, quizzes and skill checks: a lazy chunk too, loaded only for learners.
const LearnerPage = lazy(() => import('../features/learning/components/learner-page'));
// The public registration form of an event (#/event/<id>), no login: a lazy chunk, light on 3G.
const RegisterPage = lazy(() => import('../features/events/components/register-page'));
const eventIdOf = (path: string) => /^\/event\/([0-9a-f-]{36})$/i.exec(path)?.[1];

/** A screen opened from the menu closes the menu over it. */
const closeMenu = (event: { currentTarget: HTMLElement }) => event.currentTarget.closest('details')?.removeAttribute('open');

const landingPath = (role: string | undefined) => (isOfficer(role) ? '/dashboard' : role === 'learner' ? '/learn' : '/');

const loadShell = async () => {
  const session = await readSession();
  rememberSignedIn(Boolean(session));
  return {
    session,
    village: await readVillage(),
    needsVillage: (await readSyncStatus()).needsVillage ?? false,
    waiting: session ? await db.outbox.where('userId').equals(session.user.id).filter((i) => i.state === 'pending').count() : 0,
  };
};

/** Before IndexedDB has answered: nobody signed in as far as the app knows yet. */
const NO_SHELL = { session: undefined, village: undefined, needsVillage: false, waiting: 0 };

const afterLogin = () => {
  resetSyncEngine();
  void readSession().then((session) => navigate(landingPath(session?.user.role), { replace: true }));
  void syncNow(i18n.language, { force: true });
};

/** The field app shell: everything it needs to open comes from IndexedDB, so it opens offline. */
export function App() {
  const { t } = useTranslation();
  const path = useHashPath();
  const online = useOnline();
  const shell = useLiveQuery(loadShell, []);
  const userId = shell?.session?.user.id;

  const role = shell?.session?.user.role;
  // Learners sync nothing: the field app's engine runs for field roles only.
  useEffect(() => (userId && role !== 'learner' ? startSyncEngine(() => i18n.language) : undefined), [userId, role]);
  useEffect(() => {
    // Opening the app's bare address (no #route yet) takes an officer to the dashboard.
    if ((isOfficer(role) || role === 'learner') && location.hash === '') navigate(landingPath(role), { replace: true });
  }, [role]);
  useEffect(() => {
    // Unsent work lives in IndexedDB: ask the browser not to evict it when the phone runs low on space.
    if (userId) void navigator.storage?.persist?.().catch(() => false);
  }, [userId]);

  const other = i18n.language === 'vi' ? 'en' : 'vi';
  const languageButton = (
    <Button variant="quiet" lang={other} onClick={() => void switchLanguage(other).then(() => syncNow(other, { force: true }))}>
      {t('app.otherLanguage')}
    </Button>
  );
  // A lesson index.html already painted stays on screen while the app and the lesson screen load.
  const painted = paintedLesson(path.split('/')[3], i18n.language);
  const loading = painted && path === `/learn/lesson/${painted.id}`
    ? <div className="app"><header className="topbar"><h1>{t('app.name')}</h1></header><main><PaintedLesson lesson={painted} /></main></div>
    : <div className="app"><main><p className="muted" role="status">{t('common.loading')}</p></main></div>;

  // The public page needs no session: it opens for anyone, signed in or not. Figures index.html
  // already painted stay on screen while its chunk loads.
  if (isPublicPath(path)) {
    const figures = paintedPublic(undefined, i18n.language);
    return (
      <Suspense fallback={figures ? <div className="app"><header className="topbar"><h1>{t('app.name')}</h1></header><main><PaintedPublic node={figures} /></main></div> : loading}>
        <PublicPage path={path} signedIn={Boolean(shell?.session)} actions={languageButton} />
      </Suspense>
    );
  }
  if (isContestPath(path)) {
    return (
      <Suspense fallback={loading}>
        <ContestPage actions={languageButton} />
      </Suspense>
    );
  }
  const registerFor = eventIdOf(path);
  if (registerFor) {
    return (
      <Suspense fallback={loading}>
        <RegisterPage eventId={registerFor} actions={languageButton} />
      </Suspense>
    );
  }
  if (isCheckPath(path)) {
    return (
      <Suspense fallback={loading}>
        <CheckPage path={path} actions={languageButton} />
      </Suspense>
    );
  }
  // The sign-in form index.html painted stays a sign-in form while IndexedDB opens: no flash of "loading".
  if (!shell && !bootFormShown()) return loading;
  const { session, village, waiting, needsVillage } = shell ?? NO_SHELL;

  const provinceOfficer = session?.user.role === 'province_officer' && session.user.scopeUnitCode;
  if (session && provinceOfficer && path === '/contest-admin') {
    return (
      <Suspense fallback={loading}>
        <ContestAdmin province={session.user.scopeUnitCode!} csrfToken={session.csrfToken} actions={languageButton} />
      </Suspense>
    );
  }
  // A learner has no field work: every path of theirs opens their own part of the app.
  if (session && session.user.role === 'learner' && path !== '/login') {
    return (
      <Suspense fallback={loading}>
        <LearnerPage path={path} csrfToken={session.csrfToken} displayName={session.user.displayName} actions={languageButton}
          signOut={<LogoutButton waiting={waiting} compact />} />
      </Suspense>
    );
  }
  if (session && isOfficer(session.user.role) && isOfficerPath(path)) {
    return (
      <Suspense fallback={loading}>
        <OfficerShell session={session} path={path} language={languageButton} signOut={<LogoutButton waiting={waiting} compact />} />
      </Suspense>
    );
  }

  let content;
  if (!session) content = <LoginScreen onLoggedIn={afterLogin} />;
  else if (path === '/login') content = <LoginScreen username={session.user.username} onLoggedIn={afterLogin} />;
  else if (path === '/certificates') content = <Suspense fallback={loading}><MyCertificates /></Suspense>;
  else if (path === '/sync') content = <SyncScreen userId={session.user.id} footer={<LogoutButton waiting={waiting} />} />;
  else if (!village && needsVillage && session.user.scopeUnitCode) {
    content = <VillagePicker scope={session.user.scopeUnitCode} onPicked={() => void syncNow(i18n.language, { force: true })} />;
  } else if (!village) content = <p className="banner" role="status">{online ? t('village.loading') : t('village.needsNetwork')}</p>;
  else {
    content = (
      <FieldContext.Provider value={{ user: session.user, village }}>
        <FieldRoutes path={path} role={session.user.role} />
      </FieldContext.Provider>
    );
  }

  return (
    <div className="app">
      <header className="topbar">
        <h1>
          {village?.name ?? t('app.name')}
          {session && <small>{session.user.displayName}</small>}
        </h1>
        {session && isOfficer(session.user.role) && <a className="btn btn-quiet topbar-link" href="#/dashboard">{t('app.dashboard')}</a>}
        {languageButton}
        {session && (
          <details className="menu">
            <summary className="btn btn-quiet" data-testid="menu">{t('menu.open')}</summary>
            <div className="menu-panel stack">
              {session.user.role === 'team_leader' && <a className="btn btn-secondary" href="#/team" data-testid="menu-team" onClick={closeMenu}>{t('menu.team')}</a>}
              <a className="btn btn-secondary" href="#/sync" onClick={closeMenu}>{t('menu.sync')}</a>
              <a className="btn btn-secondary" href="#/check-in" onClick={closeMenu}>{t('menu.checkIn')}</a>
              <a className="btn btn-secondary" href="#/event-register" onClick={closeMenu}>{t('menu.eventRegister')}</a>
              <a className="btn btn-secondary" href="#/materials" onClick={closeMenu}>{t('menu.materials')}</a>
              <a className="btn btn-secondary" href="#/certificates" onClick={closeMenu}>{t('menu.certificates')}</a>
              <LogoutButton waiting={waiting} />
            </div>
          </details>
        )}
      </header>
      {session && <SyncBar userId={session.user.id} expired={session.expired} />}
      <main>{content}</main>
    </div>
  );
}
