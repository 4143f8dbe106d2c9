import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../../testing/login.js';
import { seedReportProvince } from '../../../testing/report-fixtures.js';
import { startTestApp, type TestApp } from '../../../testing/test-app.js';
import { DAKLAK_2025_PLAN } from '../../targets/indicators/daklak-2025-plan.js';
import { mergeUnits } from '../../units/unit-operations.js';

let t: TestApp;
let province: TestUser;
let commune: TestUser;

beforeAll(async () => {
  t = await startTestApp({ seed: seedReportProvince });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66002' });
  const reported = await t.app.inject({
    method: 'POST', url: '/api/difficulties', headers: commune.headers,
    payload: { unitCode: '66002', category: 'weak_network', description: 'Sóng yếu ở thôn 2, người dân khó cài VNeID' },
  });
  if (reported.statusCode !== 201) throw new Error(reported.body);
});
afterAll(() => t.close());

const get = (user: TestUser, url: string) => t.app.inject({ method: 'GET', url, headers: user.headers });
type Figure = { unitCode: string; start: number | null; end: number | null; gain: number | null; rank: number | null };
type Indicator = { code: string; total: Figure; ranking: Figure[] };
const indicator = (body: { indicators: Indicator[] }, code: string) => body.indicators.find((i) => i.code === code)!;
const brief = (figures: Figure[]) => figures.map(({ unitCode, start, end, gain, rank }) => ({ unitCode, start, end, gain, rank }));

describe('phase evaluation', () => {
  it('compares each commune at the start and the end of the "100 peak days", ranked by gain', async () => {
    const response = await get(province, '/api/reports/66/phase?phase=peak_100_days');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.phase).toEqual({
      code: 'peak_100_days', name: '100 ngày cao điểm', from: '2025-07-15', to: '2025-10-25', startDay: '2025-07-14', endDay: '2025-10-25', ongoing: false,
    });
    expect(body.indicators.map((i: Indicator) => i.code)).toEqual(DAKLAK_2025_PLAN.map((p) => p.code));
    const adults = indicator(body, 'adults_skills_confirmed');
    expect(brief(adults.ranking)).toEqual([
      { unitCode: '66001', start: 0, end: 30, gain: 30, rank: 1 },
      { unitCode: '66002', start: 0, end: 15, gain: 15, rank: 2 },
      { unitCode: '66003', start: 0, end: 0, gain: 0, rank: 3 },
    ]);
    expect(adults.total).toMatchObject({ unitCode: '66', start: 0, end: 15, gain: 15 });
    // Equal gains share a rank.
    expect(brief(indicator(body, 'digital_signatures').ranking).map((f) => [f.unitCode, f.gain, f.rank])).toEqual([['66003', 12, 1], ['66001', 0, 2], ['66002', 0, 2]]);
    // Open difficulties, with what and where, never who reported them.
    expect(body.difficulties).toEqual([expect.objectContaining({ unitCode: '66002', unitName: 'Xã Số 2', category: 'weak_network', status: 'open' })]);
    expect(Object.keys(body.difficulties[0]).sort()).toEqual(['category', 'description', 'reportedAt', 'status', 'unitCode', 'unitName']);
  });

  it('takes any span as from/to, counting from the eve of the first day', async () => {
    const body = (await get(province, '/api/reports/66/phase?from=2025-08-15&to=2025-08-31')).json();
    expect(body.phase).toMatchObject({ code: null, name: null, startDay: '2025-08-14', endDay: '2025-08-31' });
    expect(brief(indicator(body, 'adults_skills_confirmed').ranking)).toEqual([
      { unitCode: '66001', start: 15, end: 30, gain: 15, rank: 1 },
      { unitCode: '66002', start: 0, end: 15, gain: 15, rank: 1 },
      { unitCode: '66003', start: 0, end: 0, gain: 0, rank: 3 },
    ]);
  });

  it('refuses future, reversed, unknown and mixed spans with the field', async () => {
    const cases: [string, number, string, string][] = [
      ['from=2025-08-01&to=2999-01-01', 400, 'INVALID_DATE', 'to'],
      ['from=2999-01-01', 400, 'INVALID_DATE', 'from'],
      ['from=2025-09-01&to=2025-08-01', 400, 'INVALID_DATE', 'from'],
      ['from=2025-09-31', 400, 'VALIDATION_FAILED', 'querystring.from'],
      ['', 400, 'VALIDATION_FAILED', 'from'],
      ['phase=nope', 404, 'NOT_FOUND', 'phase'],
      ['phase=peak_100_days&from=2025-08-01', 400, 'BAD_REQUEST', 'phase'],
    ];
    for (const [query, status, code, field] of cases) {
      const response = await get(province, `/api/reports/66/phase?${query}`);
      expect(response.statusCode, query).toBe(status);
      expect(response.json().error, query).toMatchObject({ code, field });
    }
  });

  it('exports the evaluation as Excel, audited', async () => {
    const response = await get(province, '/api/reports/66/phase.xlsx?phase=peak_100_days');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="danh-gia-dot-66-tinh-thu-nghiem-peak-100-days.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets).toHaveLength(1 + DAKLAK_2025_PLAN.length + 1);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe('ĐÁNH GIÁ ĐỢT CAO ĐIỂM: 100 ngày cao điểm');
    const adults = workbook.worksheets[6]!;
    const rows: unknown[][] = [];
    adults.eachRow((row, n) => { if (n > 5) rows.push((row.values as unknown[]).slice(1, 7)); });
    expect(rows).toEqual([[1, '66001', 'Xã Số 1', 0, 30, 30], [2, '66002', 'Xã Số 2', 0, 15, 15], [3, '66003', 'Xã Số 3', 0, 0, 0], [undefined, '66', 'Tỉnh Thử Nghiệm', 0, 15, 15]]);
    const difficulties = workbook.worksheets.at(-1)!;
    expect(difficulties.getRow(5).values).toContain('Nội dung');
    expect(difficulties.getRow(6).values).toContain('Sóng yếu ở thôn 2, người dân khó cài VNeID');

    const audit = (await get(province, '/api/audit?limit=50')).json().items;
    expect(audit).toContainEqual(expect.objectContaining({ action: 'report.export', unitCode: '66', detail: { format: 'phase-xlsx', phase: 'peak_100_days', from: '2025-07-15', to: '2025-10-25' } }));
  });
});

describe('campaign phases as data', () => {
  it('lists the default phase and lets a province officer add one for the province', async () => {
    const listed = (await get(province, '/api/reports/phases?unit=66001')).json();
    expect(listed).toEqual([expect.objectContaining({ code: 'peak_100_days', provinceCode: null, name: '100 ngày cao điểm', startsOn: '2025-07-15', endsOn: '2025-10-25' })]);
    const payload = { provinceCode: '66', nameVi: 'Tuần lễ Bình dân học vụ số', nameEn: 'Digital Education Week', startsOn: '2025-08-18', endsOn: '2025-08-24' };
    const put = await t.app.inject({ method: 'PUT', url: '/api/reports/phases/week-2025', headers: province.headers, payload });
    expect(put.statusCode).toBe(200);
    const week = (await get(province, '/api/reports/66/phase?phase=week-2025')).json();
    expect(week.phase).toMatchObject({ code: 'week-2025', name: 'Tuần lễ Bình dân học vụ số', startDay: '2025-08-17', endDay: '2025-08-24' });

    const forAll = await t.app.inject({ method: 'PUT', url: '/api/reports/phases/all', headers: province.headers, payload: { ...payload, provinceCode: null } });
    expect(forAll.statusCode).toBe(403);
    const reversed = await t.app.inject({ method: 'PUT', url: '/api/reports/phases/week-2025', headers: province.headers, payload: { ...payload, endsOn: '2025-08-01' } });
    expect(reversed.json().error).toMatchObject({ code: 'INVALID_DATE', field: 'endsOn' });
    const byCommune = await t.app.inject({ method: 'PUT', url: '/api/reports/phases/week-2025', headers: commune.headers, payload });
    expect(byCommune.statusCode).toBe(403);
  });
});

describe('a phase across a merge', () => {
  it('starts a merged commune from the sum of the communes it took over', async () => {
    await t.db.transaction().execute((trx) => mergeUnits(trx, null, { sources: ['66001', '66002'], into: { code: '66100', name: 'Xã Hợp Nhất', type: 'xã' }, effectiveDate: '2025-09-10' }, null));
    const body = (await get(province, '/api/reports/66/phase?from=2025-08-25&to=2025-09-15')).json();
    // On the eve 66001 had 60 of 200 adults confirmed and 66002 30 of 200: together 22.5%.
    expect(brief(indicator(body, 'adults_skills_confirmed').ranking)).toEqual([
      { unitCode: '66100', start: 22.5, end: 22.5, gain: 0, rank: 1 },
      { unitCode: '66003', start: 0, end: 0, gain: 0, rank: 1 },
    ]);
  });
});
