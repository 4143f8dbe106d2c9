import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Role } from '../db/types.js';
import { createUser, findUserByUsername } from '../modules/auth/auth.service.js';
import type { Viewer } from '../http/access.js';
import { countUnits } from '../modules/units/units.service.js';
import { buildDemoContest } from './demo-contest.js';
import { seedStarterCourses } from '../modules/learning/starter-courses.js';
import { DEMO } from './demo-province.js';
import { buildDemoEvents, buildDemoMaterials } from './demo-events.js';
import { addDemoConflicts, addDemoDifficulties, buildDemoCampaign } from './living-demo.js';
import { addDemoTeamDesk } from './demo-team-desk.js';
import { createSystem } from '../modules/xapi/xapi.service.js';

export interface StartupLogin {
  username: string;
  role: Role;
  scopeUnitCode: string | null;
  /** Only when it was generated on this start; it is never stored in clear and never shown again. */
  password?: string;
}

export interface StartupReport {
  demoBuilt: boolean;
  logins: StartupLogin[];
  /** Where the demo accounts' password comes from, for the start-up message. */
  demoPasswordSource: 'env' | 'generated' | 'earlier';
}

/** A demo account as a team member is listed: by its display name. */
function withName(viewers: Map<string, Viewer>, username: string): Viewer & { displayName: string } {
  const viewer = viewers.get(username)!;
  return { ...viewer, displayName: username === 'leader' ? 'Y Blu Niê' : 'H Hoa Mlô' };
}

const generatePassword = () => randomBytes(12).toString('base64url');

/** The demo accounts: one per role, scoped to the province, its first commune and that commune's first village (all with data). */
function demoAccounts(units: { province: string; commune: string; village: string }): { username: string; displayName: string; role: Role; scope: string }[] {
  return [
    { username: 'province', displayName: 'Cán bộ Sở Khoa học và Công nghệ', role: 'province_officer', scope: units.province },
    { username: 'commune', displayName: 'Cán bộ UBND xã', role: 'commune_officer', scope: units.commune },
    { username: 'leader', displayName: 'Tổ trưởng Tổ công nghệ số cộng đồng', role: 'team_leader', scope: units.village },
    { username: 'member', displayName: 'Thành viên Tổ công nghệ số cộng đồng', role: 'team_member', scope: units.village },
    { username: 'learner', displayName: 'Người học', role: 'learner', scope: units.village },
  ];
}

/**
 * Makes a fresh installation usable: an administrator account always, and on an empty database
 * (unless DOORSTEP_DEMO=false) the demo province with its campaign under way (living-demo.ts)
 * and one account per role, whose units hold data.
 */
export async function prepareFirstStart(db: Database, config: Config, secretKey: string): Promise<StartupReport> {
  const logins: StartupLogin[] = [];
  if (!(await findUserByUsername(db, 'admin'))) {
    const password = config.adminPassword ?? generatePassword();
    await createUser(db, { username: 'admin', displayName: 'Quản trị hệ thống', password, role: 'admin', scopeUnitCode: null }, null);
    logins.push({ username: 'admin', role: 'admin', scopeUnitCode: null, password: config.adminPassword ? undefined : password });
  } else {
    logins.push({ username: 'admin', role: 'admin', scopeUnitCode: null });
  }

  let demoBuilt = false;
  let demoPasswordSource: StartupReport['demoPasswordSource'] = config.demoPassword ? 'env' : 'earlier';
  if (config.demo && (await countUnits(db)) === 0) {
    const demo = await buildDemoCampaign(db, secretKey);
    const firstCommune = demo.scenario.plan.communes[0]!;
    const units = { province: DEMO.provinceCode, commune: firstCommune.code, village: firstCommune.villages[0]!.code };
    const password = config.demoPassword ?? generatePassword();
    if (!config.demoPassword) demoPasswordSource = 'generated';
    const viewers = new Map<string, Viewer>();
    for (const account of demoAccounts(units)) {
      const { id } = await createUser(db, { username: account.username, displayName: account.displayName, password, role: account.role, scopeUnitCode: account.scope }, null);
      viewers.set(account.username, { id, username: account.username, role: account.role, scopeUnitCode: account.scope });
      logins.push({ username: account.username, role: account.role, scopeUnitCode: account.scope, password: config.demoPassword ? undefined : password });
    }
    await addDemoDifficulties(db, viewers.get('province')!, demo.scenario.plan.communes);
    await addDemoConflicts(db, { leader: viewers.get('leader')!, member: viewers.get('member')! }, units.village, secretKey);
    await addDemoTeamDesk(db, { leader: withName(viewers, 'leader'), member: withName(viewers, 'member') }, units.village, secretKey);
    await seedStarterCourses(db, DEMO.provinceCode, viewers.get('province')!.id);
    await buildDemoEvents(db, viewers.get('province')!, demo.scenario.plan.communes, secretKey);
    await buildDemoMaterials(db, viewers.get('province')!, demo.scenario.plan.communes);
    const villages = demo.scenario.plan.communes.flatMap((c) => c.villages.map((v) => v.code));
    await buildDemoContest(db, DEMO.provinceCode, { secretKey, villages });
    if (config.demoXapiKey && config.demoXapiSecret) {
      await createSystem(db, null, { name: 'Moodle (demo)', unitCode: DEMO.provinceCode }, { key: config.demoXapiKey, secret: config.demoXapiSecret });
    }
    demoBuilt = true;
  } else {
    for (const username of ['province', 'commune', 'leader', 'member', 'learner']) {
      const user = await findUserByUsername(db, username);
      if (user) logins.push({ username, role: user.role, scopeUnitCode: user.scopeUnitCode });
    }
  }
  return { demoBuilt, logins, demoPasswordSource };
}
