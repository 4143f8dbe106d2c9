import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../app.js';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { startAuthTestApp, TREE, type AuthTestContext } from '../../testing/auth-fixtures.js';
import { recordAudit } from './audit.service.js';

let ctx: AuthTestContext;
let app: App;
let admin: TestUser;
let officerA: TestUser;
let officerB: TestUser;
let leaderA: TestUser;

interface Entry {
  id: number;
  action: string;
  unitCode: string | null;
  subject: string | null;
}

beforeAll(async () => {
  ctx = await startAuthTestApp();
  app = ctx.app;
  admin = await createUserAndLogin(app, { role: 'admin', scopeUnitCode: null });
  officerA = await createUserAndLogin(app, { role: 'commune_officer', scopeUnitCode: TREE.communeA });
  officerB = await createUserAndLogin(app, { role: 'commune_officer', scopeUnitCode: TREE.communeB });
  leaderA = await createUserAndLogin(app, { role: 'team_leader', scopeUnitCode: TREE.villageA });
  const db = ctx.database.db;
  await recordAudit(db, { actorUserId: officerA.id, action: 'test.export', unitCode: TREE.villageA, subject: 'village-a', detail: { rows: 3 } });
  await recordAudit(db, { actorUserId: officerB.id, action: 'test.export', unitCode: TREE.communeB, subject: 'commune-b' });
  await recordAudit(db, { actorUserId: null, action: 'test.system', unitCode: null, subject: 'nowhere' });
});

afterAll(async () => {
  await ctx?.close();
});

const list = async (user: TestUser, query = '') => {
  const response = await app.inject({ method: 'GET', url: `/api/audit${query}`, headers: user.headers });
  expect(response.statusCode).toBe(200);
  return response.json() as { items: Entry[]; next: number | null };
};

describe('GET /api/audit', () => {
  it('shows a commune officer the entries of their commune and its villages only', async () => {
    const { items } = await list(officerA, '?limit=200');
    const subjects = items.map((e) => e.subject);
    expect(subjects).toContain('village-a');
    expect(subjects).not.toContain('commune-b');
    expect(subjects).not.toContain('nowhere');
    expect(items.every((e) => e.unitCode === TREE.communeA || e.unitCode === TREE.villageA)).toBe(true);
    expect(items.find((e) => e.subject === 'village-a')).toMatchObject({ action: 'test.export', detail: { rows: 3 } });
  });

  it('shows the administrator everything, entries without a unit included', async () => {
    const subjects = (await list(admin, '?limit=200')).items.map((e) => e.subject);
    expect(subjects).toEqual(expect.arrayContaining(['village-a', 'commune-b', 'nowhere']));
  });

  it('lists newest first and pages by id', async () => {
    const all = (await list(admin, '?limit=200')).items.map((e) => e.id);
    expect(all).toEqual([...all].sort((a, b) => b - a));
    const first = await list(admin, '?limit=2');
    expect(first.items.map((e) => e.id)).toEqual(all.slice(0, 2));
    expect(first.next).toBe(all[1]);
    const second = await list(admin, `?limit=2&after=${first.next}`);
    expect(second.items.map((e) => e.id)).toEqual(all.slice(2, 4));
  });

  it('is closed to field roles', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/audit', headers: leaderA.headers });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
  });
});
