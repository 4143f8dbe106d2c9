import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../app.js';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { startAuthTestApp, TREE, type AuthTestContext } from '../../testing/auth-fixtures.js';
import { recordAudit } from '../audit-log/audit-log.service.js';

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

describe('GET /api/audit filters', () => {
  it('narrows to an action or the start of one, without treating _ or % as wildcards', async () => {
    const exact = await list(admin, '?limit=200&action=test.export');
    expect(exact.items.map((e) => e.subject).sort()).toEqual(['commune-b', 'village-a']);
    const prefix = await list(admin, '?limit=200&action=test.');
    expect(prefix.items.map((e) => e.subject).sort()).toEqual(['commune-b', 'nowhere', 'village-a']);
    expect((await list(admin, '?limit=200&action=test_')).items).toEqual([]);
  });

  it('narrows to an actor by user name and names the actor on each entry', async () => {
    const { items } = await list(admin, `?limit=200&action=test.&actor=${officerB.username}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ subject: 'commune-b', actorUsername: officerB.username });
  });

  it('narrows to a unit of the reader\'s subtree and refuses one outside it, naming the field', async () => {
    const village = await list(admin, `?limit=200&action=test.&unit=${TREE.villageA}`);
    expect(village.items.map((e) => e.subject)).toEqual(['village-a']);
    const outside = await app.inject({ method: 'GET', url: `/api/audit?unit=${TREE.communeB}`, headers: officerA.headers });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error).toMatchObject({ code: 'UNIT_NOT_FOUND', field: 'unit' });
  });

  it('narrows to Vietnam days and refuses a first day after the last', async () => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect((await list(admin, `?limit=200&action=test.&from=${today}&to=${today}`)).items).toHaveLength(3);
    expect((await list(admin, '?limit=200&action=test.&to=2020-01-01')).items).toEqual([]);
    const backwards = await app.inject({ method: 'GET', url: '/api/audit?from=2026-02-02&to=2026-02-01', headers: admin.headers });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.field).toBe('from');
    const impossible = await app.inject({ method: 'GET', url: '/api/audit?from=2026-02-30', headers: admin.headers });
    expect(impossible.statusCode).toBe(400);
  });
});

describe('GET /api/audit/export', () => {
  it('sends the filtered entries as CSV and records the export in the log', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/audit/export?action=test.export', headers: { ...officerA.headers, 'accept-language': 'en' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('At,Action,Actor,Unit,Subject,Detail');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,test.export,${officerA.username},${TREE.villageA},village-a,`);
    const exports = await list(officerA, '?limit=200&action=audit.export');
    expect(exports.items[0]).toMatchObject({ actorUsername: officerA.username, detail: { rows: 1, action: 'test.export' } });
  });

  it('is closed to field roles', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/audit/export', headers: leaderA.headers });
    expect(response.statusCode).toBe(403);
  });
});

