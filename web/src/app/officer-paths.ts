/** Roles that land on the dashboard after login; they can still open the field app from it. */
const OFFICER_ROLES = new Set(['province_officer', 'commune_officer', 'admin']);
export const isOfficer = (role: string | undefined) => role !== undefined && OFFICER_ROLES.has(role);

/** The first segments of the officers' screens, all inside the lazily loaded officers' shell. */
const OFFICER_SCREENS = new Set(['dashboard', 'figures', 'difficulties', 'accounts', 'account', 'supervision', 'units', 'teams', 'targets', 'dhis2', 'events', 'learning-admin', 'statistics', 'milestone-kinds']);
export const isOfficerPath = (path: string) => OFFICER_SCREENS.has(path.split('/')[1] ?? '');
