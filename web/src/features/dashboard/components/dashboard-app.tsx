import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../lib/navigation';
import type { SessionUser } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { fetchRoots } from '../api/dashboard-api';
import { NS } from './dashboard-i18n';
import { dashboardPath, UnitDashboard } from './unit-dashboard';
import '../../../components/ui/progress-views.css';
import './dashboard.css';

interface DashboardAppProps {
  user: SessionUser;
  /** The hash path: /dashboard, /dashboard/<unit> or /dashboard/<unit>/<indicator>. */
  path: string;
}

/**
 * The officers' dashboard, loaded on demand (React.lazy in the officers' shell) so the field app's
 * first download does not carry it; the shell holds the header, navigation and sign-out. The unit
 * and the indicator are in the URL: a link can be shared, and the browser's back button walks
 * back up the drill-down.
 */
export default function DashboardApp({ user, path }: DashboardAppProps) {
  const [, , unitCode, indicatorCode] = path.split('/').map((part) => decodeURIComponent(part));

  useEffect(() => {
    if (!unitCode && user.scopeUnitCode) navigate(dashboardPath(user.scopeUnitCode), { replace: true });
  }, [unitCode, user.scopeUnitCode]);

  return unitCode ? <UnitDashboard unitCode={unitCode} indicatorCode={indicatorCode || undefined} scope={user.scopeUnitCode} /> : <RootPicker />;
}

/** For an administrator, whose scope is the whole country: pick a province. */
function RootPicker() {
  const { t, i18n } = useTranslation(NS);
  const roots = useResource(`roots|${i18n.language}`, (signal) => fetchRoots({ language: i18n.language, signal }));
  if (roots.error?.status === 401) return <p className="banner" role="alert">{t('sessionEnded')} <a href="#/login">{t('signInAgain')}</a></p>;
  if (roots.error) return <p className="banner" role="alert">{t('failed', { message: roots.error.message })}</p>;
  if (!roots.data) return <p className="muted" role="status">{t('loading')}</p>;
  return (
    <section aria-labelledby="roots-heading" className="dash-section">
      <h2 id="roots-heading">{t('pickRoot')}</h2>
      <ul className="list">
        {roots.data.items.map((unit) => (
          <li key={unit.code}><a className="row-button" href={`#${dashboardPath(unit.code)}`}><strong>{unit.name}</strong><span className="row-sub">{unit.code}</span></a></li>
        ))}
      </ul>
    </section>
  );
}
