import type { Database } from '../db/database.js';
import { createUnit } from '../modules/units/units.service.js';
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
