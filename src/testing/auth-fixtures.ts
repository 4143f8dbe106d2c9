import type { App } from '../app.js';
import type { Database } from '../db/database.js';
import { createUnit } from '../modules/units/units.service.js';
import { createUserAndLogin, type TestUser } from './login.js';
import { startTestApp, type TestApp } from './test-app.js';

/** A province with two communes and a village in the first: enough to test scope. */
export const TREE = {
  province: '66',
  communeA: '24100',
  villageA: '2410001',
  communeB: '24200',
} as const;

export type AuthTestContext = TestApp;

async function createScopeTree(db: Database): Promise<void> {
  const validFrom = '2025-07-01';
  await createUnit(db, { code: TREE.province, name: 'Đắk Lắk', type: 'tỉnh', parentCode: null, validFrom }, null);
  await createUnit(db, { code: TREE.communeA, name: 'Xã Ea Kao', type: 'xã', parentCode: TREE.province, validFrom }, null);
  await createUnit(db, { code: TREE.villageA, name: 'Buôn Kao', type: 'buôn', parentCode: TREE.communeA, validFrom }, null);
  await createUnit(db, { code: TREE.communeB, name: 'Phường Tân An', type: 'phường', parentCode: TREE.province, validFrom }, null);
}

/** Opens a fresh database with the scope tree and an app over it. Close it in afterAll. */
export function startAuthTestApp(env: Record<string, string> = {}): Promise<AuthTestContext> {
  return startTestApp({ env, seed: createScopeTree });
}

export interface TreeOfficers {
  /** `root`, an administrator (no scope). */
  admin: TestUser;
  /** `province`, the province's officer. */
  province: TestUser;
  /** `officer.a`, the officer of commune A. */
  officerA: TestUser;
  /** `officer.b`, the officer of commune B. */
  officerB: TestUser;
}

/**
 * The officers of the scope tree, signed in, under fixed usernames: what account and user-list
 * tests act as and look for in the lists they read.
 */
export async function loginTreeOfficers(app: App): Promise<TreeOfficers> {
  return {
    admin: await createUserAndLogin(app, { role: 'admin', scopeUnitCode: null, username: 'root' }),
    province: await createUserAndLogin(app, { role: 'province_officer', scopeUnitCode: TREE.province, username: 'province' }),
    officerA: await createUserAndLogin(app, { role: 'commune_officer', scopeUnitCode: TREE.communeA, username: 'officer.a' }),
    officerB: await createUserAndLogin(app, { role: 'commune_officer', scopeUnitCode: TREE.communeB, username: 'officer.b' }),
  };
}
