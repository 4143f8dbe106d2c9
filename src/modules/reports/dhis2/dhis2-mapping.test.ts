import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../../testing/login.js';
import { seedReportProvince } from '../../../testing/report-fixtures.js';
import { startTestApp, type TestApp } from '../../../testing/test-app.js';
import { FIXTURE_START } from '../../../testing/unit-fixtures.js';
import { DAKLAK_2025_PLAN } from '../../targets/indicators/daklak-2025-plan.js';
import { createUnit } from '../../units/units.service.js';

let t: TestApp;
let province: TestUser;
let commune: TestUser;

beforeAll(async () => {
  t = await startTestApp({
    seed: async (db) => {
      await seedReportProvince(db);
      await createUnit(db, { code: '67', name: 'Tỉnh Bên Cạnh', type: 'tỉnh', parentCode: null, validFrom: FIXTURE_START }, null);
    },
  });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
});
afterAll(() => t.close());

const send = (user: TestUser, method: 'GET' | 'PUT' | 'DELETE' | 'POST', url: string, payload?: object | string, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, payload, headers: { ...user.headers, ...headers } });
const importCsv = (csv: string) => send(province, 'POST', '/api/dhis2/mapping/import', csv, { 'content-type': 'text/csv' });

/** The identifiers a DHIS2 instance gave, as its administrator would list them. */
const UNIT_UIDS: Record<string, string> = { 66: 'ImspTQPwCqd', 66001: 'DiszpKrYNg8', 66002: 'O6uvpzGd5pu', 66003: 'fdc6uOvgoji' };
const elementUid = (n: number) => `de${String(n).padStart(9, '0')}`;
const fullMapping = () => [
  'kind,code,uid,category_option_combo',
  ...DAKLAK_2025_PLAN.map((indicator, n) => (indicator.code === 'adults_skills_confirmed'
    ? 'indicator,adults_skills_confirmed,f7n9E0hX8qk,HllvX50cXC0' : `indicator,${indicator.code},${elementUid(n)},`)),
  ...Object.entries(UNIT_UIDS).map(([code, uid]) => `unit,${code},${uid},`),
].join('\n');

describe('the DHIS2 mapping', () => {
  it('lists every indicator and the province with its communes, none mapped yet, and exports with codes', async () => {
    const mapping = (await send(province, 'GET', '/api/dhis2/mapping')).json();
    expect(mapping.provinceCode).toBe('66');
    expect(mapping.indicators).toHaveLength(DAKLAK_2025_PLAN.length);
    expect(mapping.indicators.every((i: { dataElement: unknown }) => i.dataElement === null)).toBe(true);
    expect(mapping.units.map((u: { code: string }) => u.code)).toEqual(['66', '66001', '66002', '66003']);
    const coded = (await send(province, 'GET', '/api/reports/66/dhis2.json?period=202509')).json();
    expect(coded.dataValues).toContainEqual({ dataElement: 'adults_skills_confirmed', period: '202509', orgUnit: '66001', value: '30' });
  });

  it('refuses a file with faults whole, listing every line at fault, and writes nothing', async () => {
    const response = await importCsv([
      'kind,code,uid,category_option_combo',
      'indicator,adults_skills_confirmed,f7n9E0hX8qk,',
      'indicator,no_such_indicator,a1234567890,',
      'unit,66001,tooShort,',
      'unit,67,Abcdefghij1,',
      'unit,66002,DiszpKrYNg8,',
      'unit,66003,DiszpKrYNg8,',
      'indicator,adults_skills_confirmed,f7n9E0hX8qk,',
      'region,66,Abcdefghij2,',
      'unit,66,Abcdefghij3,HllvX50cXC0',
    ].join('\n'));
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.rows.map((r: { row: number; reason: string }) => `${r.row}:${r.reason}`)).toEqual([
      '3:UNKNOWN_INDICATOR', '4:DHIS2_UID_INVALID', '5:UNKNOWN_UNIT', '7:DHIS2_UID_TAKEN', '8:DUPLICATE_CODE', '9:BAD_VALUE', '10:BAD_VALUE',
    ]);
    expect(error.rows[1].message).toContain('tooShort');
    expect((await send(province, 'GET', '/api/dhis2/mapping')).json().indicators.every((i: { dataElement: unknown }) => i.dataElement === null)).toBe(true);
  });

  it('imports a whole mapping, and the same file again changes nothing', async () => {
    const first = await importCsv(fullMapping());
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ lines: DAKLAK_2025_PLAN.length + 4 });
    const before = (await send(province, 'GET', '/api/dhis2/mapping')).json();
    expect((await importCsv(fullMapping())).statusCode).toBe(200);
    const after = (await send(province, 'GET', '/api/dhis2/mapping')).json();
    const ids = (m: typeof before) => JSON.stringify([m.indicators.map((i: { dataElement: string }) => i.dataElement), m.units.map((u: { orgUnit: string }) => u.orgUnit)]);
    expect(ids(after)).toBe(ids(before));
    expect(after.indicators.find((i: { code: string }) => i.code === 'adults_skills_confirmed')).toMatchObject({
      dataElement: 'f7n9E0hX8qk', categoryOptionCombo: 'HllvX50cXC0', updatedBy: province.username,
    });
  });

  it("exports under DHIS2's identifiers what a DHIS2 data value set written by hand says", async () => {
    // As DHIS2's documentation writes a data value set for /api/dataValueSets (UIDs, default attribute combo left out).
    const handWritten = {
      dataValues: [
        { dataElement: 'f7n9E0hX8qk', period: '202509', orgUnit: 'DiszpKrYNg8', categoryOptionCombo: 'HllvX50cXC0', value: '30' },
      ],
    };
    const response = await send(province, 'GET', '/api/reports/66/dhis2.json?period=202509');
    expect(response.statusCode).toBe(200);
    const exported = response.json() as { dataValues: { dataElement: string; orgUnit: string }[] };
    expect(exported.dataValues).toEqual(expect.arrayContaining(handWritten.dataValues));
    const uids = new Set(Object.values(UNIT_UIDS));
    expect(exported.dataValues.every((v) => /^[A-Za-z][A-Za-z0-9]{10}$/.test(v.dataElement) && uids.has(v.orgUnit))).toBe(true);
    const csv = (await send(province, 'GET', '/api/reports/66/dhis2.csv?period=202509')).body.split('\r\n');
    expect(csv).toContainEqual(expect.stringMatching(/^f7n9E0hX8qk,202509,DiszpKrYNg8,HllvX50cXC0,,30,doorstep,/));
    // Codes still on request.
    const coded = (await send(province, 'GET', '/api/reports/66/dhis2.json?period=202509&idScheme=code')).json();
    expect(coded.dataValues).toContainEqual({ dataElement: 'adults_skills_confirmed', period: '202509', orgUnit: '66001', value: '30' });
  });

  it('refuses a DHIS2 export with a gap in the mapping, naming what lacks', async () => {
    expect((await send(province, 'DELETE', '/api/dhis2/mapping/unit/66003')).statusCode).toBe(204);
    const response = await send(province, 'GET', '/api/reports/66/dhis2.json?period=202509');
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'DHIS2_MAPPING_MISSING', field: 'idScheme' });
    expect(response.json().error.detail).toContain('unit 66003');
    expect((await send(province, 'PUT', '/api/dhis2/mapping/unit/66003', { uid: 'fdc6uOvgoji' })).statusCode).toBe(204);
    expect((await send(province, 'GET', '/api/reports/66/dhis2.json?period=202509')).statusCode).toBe(200);
  });

  it('sets one line from the screen, refusing what DHIS2 would not take with the field', async () => {
    expect((await send(province, 'PUT', '/api/dhis2/mapping/indicator/digital_signatures', { uid: 'Abc' })).json().error.field).toBe('uid');
    expect((await send(province, 'PUT', '/api/dhis2/mapping/unit/66002', { uid: 'DiszpKrYNg8' })).json().error).toMatchObject({ field: 'uid' });
    expect((await send(province, 'PUT', '/api/dhis2/mapping/unit/67', { uid: 'Abcdefghij1' })).statusCode).toBe(404);
    expect((await send(province, 'PUT', '/api/dhis2/mapping/indicator/nothing', { uid: 'Abcdefghij1' })).statusCode).toBe(404);
    expect((await send(province, 'PUT', '/api/dhis2/mapping/unit/6600101', { uid: 'Vth0fbpFcsO' })).statusCode).toBe(204);
    const audit = await t.db.selectFrom('audit_events').select('action').where('subject', '=', 'unit:6600101').execute();
    expect(audit.map((a) => a.action)).toEqual(['dhis2.mapping.set']);
  });

  it('is the province officers\', and the template downloads as the file the import reads', async () => {
    expect((await send(commune, 'GET', '/api/dhis2/mapping')).statusCode).toBe(403);
    expect((await send(commune, 'PUT', '/api/dhis2/mapping/unit/66001', { uid: 'Abcdefghij1' })).statusCode).toBe(403);
    const template = await send(province, 'GET', '/api/dhis2/mapping.csv');
    expect(template.headers['content-disposition']).toBe('attachment; filename="dhis2-mapping-66.csv"');
    const lines = template.body.trim().split('\r\n');
    expect(lines[0]).toBe('kind,code,uid,category_option_combo');
    expect(lines).toContain('unit,6600101,Vth0fbpFcsO,');
    expect((await importCsv(template.body)).statusCode).toBe(200);
  });
});
