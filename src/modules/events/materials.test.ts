import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { recountRollups } from '../../rollup-sources.js';
import { snapshotRollups, sumRollups } from '../rollups/rollups.service.js';
import { MATERIAL_MAX_BYTES } from './materials.service.js';

let t: TestApp;
let province: TestUser;
let member: TestUser;

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  member = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: '6600101' });
});
afterAll(() => t.close());

const upload = (body: Buffer, type: string, query = 'unit=66&kind=leaflet&title=T%E1%BB%9D%20r%C6%A1i%20VNeID&language=vi&fileName=to-roi.pdf') =>
  t.app.inject({ method: 'POST', url: `/api/materials?${query}`, headers: { ...province.headers, 'content-type': type }, payload: body });
const stored = async () => Number((await sql<{ n: number }>`select count(*)::int as n from materials`.execute(t.db)).rows[0]!.n);

describe('the materials library', () => {
  it('stores an officer\'s file in chunks and streams the same bytes to a team of the province', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(600 * 1024, 7)]);
    const response = await upload(pdf, 'application/pdf');
    expect(response.statusCode, response.body).toBe(201);
    const material = response.json();
    expect(material).toMatchObject({ kind: 'leaflet', language: 'vi', sizeBytes: pdf.length, mediaType: 'application/pdf' });
    const list = (await t.app.inject({ url: '/api/materials?unit=6600101', headers: member.headers })).json();
    expect(list.items.map((m: { id: string }) => m.id)).toContain(material.id);
    const file = await t.app.inject({ url: `/api/materials/${material.id}/file`, headers: member.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdf)).toBe(true);
  });

  it('refuses a type it does not take, a file that is not what it claims, and a file over the cap, storing nothing', async () => {
    const before = await stored();
    expect((await upload(Buffer.from('MZ...'), 'application/x-msdownload')).statusCode).toBe(415);
    const disguised = await upload(Buffer.from('MZ not a pdf'), 'application/pdf');
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().error).toMatchObject({ code: 'MATERIAL_TYPE_REFUSED' });
    const huge = await upload(Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(MATERIAL_MAX_BYTES)]), 'application/pdf');
    expect(huge.statusCode).toBe(413);
    expect(await stored()).toBe(before);
  });
});

describe('communication activities', () => {
  it('are counted per kind and in reach like other facts, and a rebuild reproduces the counts', async () => {
    const today = vietnamDay();
    for (const [kind, reach] of [['loudspeaker', 1200], ['banner', undefined], ['loudspeaker', 800]] as const) {
      const r = await t.app.inject({ method: 'POST', url: '/api/communication-activities', headers: province.headers, payload: { unitCode: '66001', kind, day: today, ...(reach ? { reach } : {}) } });
      expect(r.statusCode, r.body).toBe(201);
    }
    const bad = await t.app.inject({ method: 'POST', url: '/api/communication-activities', headers: province.headers, payload: { unitCode: '66001', kind: 'rumour', day: today } });
    expect(bad.statusCode).toBe(400);
    const counts = Object.fromEntries((await sumRollups(t.db, ['66001'], { exact: ['communication_activities', 'communication_reach', 'communication:loudspeaker'] }, today)).map((r) => [r.source, r.value]));
    expect(counts).toEqual({ communication_activities: 3, communication_reach: 2000, 'communication:loudspeaker': 2 });
    // The officers' list: the latest first, with the totals per kind over the unit and its units.
    const listed = (await t.app.inject({ url: '/api/communication-activities?unit=66', headers: province.headers })).json();
    expect(listed.items).toHaveLength(3);
    expect(listed.totals).toEqual([{ kind: 'banner', activities: 1, reach: 0 }, { kind: 'loudspeaker', activities: 2, reach: 2000 }]);
    const elsewhere = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66002' });
    expect((await t.app.inject({ url: '/api/communication-activities?unit=66001', headers: elsewhere.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/communication-activities?unit=66002', headers: elsewhere.headers })).json()).toEqual({ items: [], totals: [] });
    const before = await snapshotRollups(t.db);
    await t.db.transaction().execute((trx) => recountRollups(trx));
    expect(await snapshotRollups(t.db)).toEqual(before);
  });
});

describe('communication in the targets', () => {
  it('lets an indicator count communication activities and the people they reached', async () => {
    const admin = await createUserAndLogin(t.app, { role: 'admin', scopeUnitCode: null });
    for (const [code, source] of [['communication_done', 'communication_activities'], ['communication_people', 'communication_reach']] as const) {
      const saved = await t.app.inject({
        method: 'PUT', url: `/api/indicators/${code}`, headers: admin.headers, payload: {
          nameVi: code, nameEn: code, explanationVi: '', explanationEn: '', unitLabel: 'lượt', percent: false, numerator: { source }, denominator: null, sort: 900, active: true,
        },
      });
      expect(saved.statusCode, saved.body).toBe(200);
    }
    const progress = (await t.app.inject({ url: '/api/progress?unit=66', headers: province.headers })).json();
    const figure = (code: string) => progress.indicators.find((i: { code: string }) => i.code === code)?.numerator;
    // The three activities recorded above, 2,000 people reached.
    expect([figure('communication_done'), figure('communication_people')]).toEqual([3, 2000]);
  });
});
