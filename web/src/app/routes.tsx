import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { HouseholdForm } from '../features/households/components/household-form';
import { HouseholdList } from '../features/households/components/household-list';
import { HouseholdScreen } from '../features/households/components/household-screen';
import { ResidentForm } from '../features/households/components/resident-form';
import { TodayTally } from '../features/tally/components/today-tally';
import { VisitScreen } from '../features/visits/components/visit-screen';

// Event check-in (and its QR decoder) is a chunk of its own: most days a team checks no one in.
const CheckInScreen = lazy(() => import('../features/events/components/check-in-screen'));
const MaterialsScreen = lazy(() => import('../features/events/components/materials-screen'));
const RegisterResidentScreen = lazy(() => import('../features/events/components/register-resident-screen'));

/*
 * The field app's screens, all in the first download so they work offline from the first visit.
 *
 * The officers' dashboard is the other part of the app and stays out of this bundle (the field
 * app's budget is 150 KB of gzipped JS): app.tsx routes /dashboard/… to it through React.lazy,
 * so its code (and ECharts) loads only for the people who open it. The public progress page
 * (/public/…, no login) is lazy in the same way.
 */
// The team leader's screen is a chunk of its own: members never download it, and the field
// app's first load stays within its budget. Once opened it is cached like the rest for offline use.
const TeamDeskScreen = lazy(() => import('../features/team-desk/components/team-desk-screen'));

function Loading() {
  const { t } = useTranslation();
  return <p className="muted" role="status">{t('common.loading')}</p>;
}

export function FieldRoutes({ path, role }: { path: string; role?: string }) {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'team' && role === 'team_leader') {
    return <Suspense fallback={<Loading />}><TeamDeskScreen /></Suspense>;
  }
  if (parts[0] === 'check-in') return <Suspense fallback={null}><CheckInScreen /></Suspense>;
  if (parts[0] === 'event-register') return <Suspense fallback={null}><RegisterResidentScreen /></Suspense>;
  if (parts[0] === 'materials') return <Suspense fallback={null}><MaterialsScreen /></Suspense>;
  if (parts[0] === 'household' && parts[1] === 'new') return <HouseholdForm />;
  if (parts[0] === 'household' && parts[1]) {
    if (parts[2] === 'visit') return <VisitScreen householdId={parts[1]} />;
    if (parts[2] === 'resident' && parts[3] === 'new') return <ResidentForm householdId={parts[1]} />;
    if (parts[2] === 'resident' && parts[3]) return <ResidentForm householdId={parts[1]} residentId={parts[3]} />;
    return <HouseholdScreen householdId={parts[1]} />;
  }
  return (
    <>
      <TodayTally />
      <HouseholdList />
    </>
  );
}
