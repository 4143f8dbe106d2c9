import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Role } from '../db/types.js';
import { createUser, findUserByUsername } from '../modules/auth/auth.service.js';
import { DAKLAK_2025_PLAN } from '../modules/targets/daklak-2025-plan.js';
import { installPlan } from '../modules/targets/indicators.service.js';
import { countUnits } from '../modules/units/units.service.js';
import { buildDemoContest } from './demo-contest.js';
import { buildDemoProvince, DEMO } from './demo-province.js';

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

const generatePassword = () => randomBytes(12).toString('base64url');

/** The demo accounts: one per role, scoped to the province, its first commune and that commune's first village. */
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
 * (unless DOORSTEP_DEMO=false) the demo province with one account per role.
 */
export async function prepareFirstStart(db: Database, config: Config): Promise<StartupReport> {
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
    const units = await db.transaction().execute(async (trx) => {
      const built = await buildDemoProvince(trx);
      await installPlan(trx, DAKLAK_2025_PLAN, DEMO.provinceCode);
      await buildDemoContest(trx, DEMO.provinceCode);
      return built;
    });
    const password = config.demoPassword ?? generatePassword();
    if (!config.demoPassword) demoPasswordSource = 'generated';
    for (const account of demoAccounts({ province: DEMO.provinceCode, commune: units.firstCommune, village: units.firstVillage })) {
      await createUser(db, { username: account.username, displayName: account.displayName, password, role: account.role, scopeUnitCode: account.scope }, null);
      logins.push({ username: account.username, role: account.role, scopeUnitCode: account.scope, password: config.demoPassword ? undefined : password });
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
