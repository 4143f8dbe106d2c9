import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { pdfText } from '../../testing/pdf-text.js';
import { seedReportProvince } from '../../testing/report-fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { DAKLAK_2025_PLAN } from '../targets/indicators/daklak-2025-plan.js';
import { summaryPdf } from './pdf/summary-pdf.js';
import { countLabel, formatFigure } from './report-format.js';

let t: TestApp;
let province: TestUser;
let commune: TestUser;

beforeAll(async () => {
  t = await startTestApp({ seed: seedReportProvince });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66002' });
});
afterAll(() => t.close());

const get = (user: TestUser, url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { ...user.headers, ...headers } });

interface ProgressRow { code: string; value: number | null; target: number | null; numerator: number | null; status: string }
const progress = async (unit: string, date: string): Promise<ProgressRow[]> => (await get(province, `/api/progress?unit=${unit}&date=${date}`)).json().indicators;

async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The data rows of a sheet: those below the header row (row 5), as arrays indexed from 1. */
function dataRows(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row, number) => { if (number > 5) rows.push(row.values as ExcelJS.CellValue[]); });
  return rows;
}

describe('Excel report', () => {
  it('has a summary row per indicator whose result and target equal GET /api/progress', async () => {
    const response = await get(province, '/api/reports/66.xlsx?date=2025-09-01');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe('attachment; filename="bao-cao-66-tinh-thu-nghiem-2025-09-01.xlsx"');

    const workbook = await readWorkbook(response.rawPayload);
    expect(workbook.worksheets).toHaveLength(1 + DAKLAK_2025_PLAN.length);
    const summary = workbook.worksheets[0]!;
    expect(summary.name).toBe('Tổng hợp');
    expect(summary.getRow(5).values).toEqual([undefined, 'STT', 'Chỉ tiêu', 'Cách tính (tử số / mẫu số)', 'Đơn vị tính', 'Chỉ tiêu giao', 'Kết quả thực hiện', 'Tỷ lệ đạt (%)', 'Đánh giá', 'Mã chỉ tiêu']);
    const expected = await progress('66', '2025-09-01');
    const rows = dataRows(summary);
    expect(rows.map((r) => r[9])).toEqual(expected.map((i) => i.code));
    for (const [index, row] of rows.entries()) {
      const api = expected[index]!;
      expect({ code: row[9], result: row[6] ?? null, target: row[5] ?? null }).toEqual({ code: api.code, result: api.value, target: api.target });
    }
    const adults = rows.find((r) => r[9] === 'adults_skills_confirmed')!;
    expect(adults.slice(1, 9)).toEqual([6, 'Người trưởng thành được xác nhận phổ cập kỹ năng số qua VNeID', 'Số người đã xác nhận ÷ số người trưởng thành', '%', 80, 15, 18.8, 'Chậm tiến độ']);

    // One sheet per indicator, the units below as rows and the unit's own total last.
    const sheet = workbook.worksheets[6]!;
    expect(sheet.name.startsWith('6. Người trưởng thành')).toBe(true);
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(dataRows(sheet).map((r) => [r[2], r[3], r[4], r[5], r[6]])).toEqual([
      ['66001', 'Xã Số 1', 60, 200, 30], ['66002', 'Xã Số 2', 30, 200, 15], ['66003', 'Xã Số 3', 0, 200, 0], ['66', 'Tỉnh Thử Nghiệm', 90, 600, 15],
    ]);
  });

  it('speaks English when asked', async () => {
    const response = await get(province, '/api/reports/66001.xlsx?date=2025-09-01', { 'accept-language': 'en' });
    expect(response.headers['content-disposition']).toBe('attachment; filename="report-66001-xa-so-1-2025-09-01.xlsx"');
    const summary = (await readWorkbook(response.rawPayload)).worksheets[0]!;
    expect(summary.name).toBe('Summary');
    expect(summary.getRow(5).values).toEqual([undefined, 'No.', 'Indicator', 'How it is counted (numerator / denominator)', 'Unit', 'Target', 'Result', '% achieved', 'Status', 'Indicator code']);
    expect(dataRows(summary).find((r) => r[9] === 'adults_skills_confirmed')!.slice(2, 9)).toEqual(['Adults with basic digital skills confirmed via VNeID', 'People confirmed ÷ adults', '%', 80, 30, 37.5, 'On track']);
  });
});

describe('PDF report', () => {
  it('prints the target table and charts with correct Vietnamese letters', async () => {
    const response = await get(province, '/api/reports/66.pdf?date=2025-09-01');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="bao-cao-66-tinh-thu-nghiem-2025-09-01.pdf"');
    const { text, pages } = await pdfText(response.rawPayload);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (const phrase of [
      'BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU', 'Tỉnh Thử Nghiệm (66)', 'Tính đến ngày: 01/09/2025', 'Kết quả thực hiện', 'Tỷ lệ đạt (%)',
      'Chậm tiến độ', 'Xã Số 1', 'Xã Số 3', 'Biểu đồ kết quả theo đơn vị trực thuộc', 'Thôn, buôn, tổ dân phố có Tổ công nghệ số cộng đồng',
    ]) expect(text).toContain(phrase);
    // A table cell may wrap a long name over lines; the words still come out in order.
    expect(text).toMatch(/Người trưởng thành được xác nhận phổ cập\s?kỹ năng số\s?qua VNeID/);
  });
});

describe('summary', () => {
  it('writes the movement\'s figures as sentences in Vietnamese and English', async () => {
    const vi = (await get(province, '/api/reports/66/summary?date=2025-09-01')).json();
    expect(vi.lead).toBe('Tính đến ngày 01/09/2025, Tỉnh Thử Nghiệm đã hoàn thành 0/6 chỉ tiêu; 6 chỉ tiêu chậm tiến độ hoặc có nguy cơ chậm.');
    const text = (code: string, body: { sentences: { indicatorCode: string; text: string }[] }) => body.sentences.find((s) => s.indicatorCode === code)?.text;
    expect(text('adults_skills_confirmed', vi)).toBe('Người trưởng thành được xác nhận phổ cập kỹ năng số qua VNeID: đạt 15% (90/600), chỉ tiêu 80%');
    expect(text('digital_signatures', vi)).toBe('Người đăng ký chữ ký số qua VNeID: 12 người, đạt 0% chỉ tiêu (200.000 người)');
    expect(text('team_members', vi)).toBe('Thành viên Tổ công nghệ số cộng đồng: 2 người');
    expect(vi.noData).toMatch(/^Chưa có số liệu: .*Học sinh, sinh viên được trang bị kỹ năng số/);
    expect(vi.paragraph.startsWith(vi.lead)).toBe(true);

    const en = (await get(province, '/api/reports/66/summary?date=2025-09-01', { 'accept-language': 'en' })).json();
    expect(en.lead.startsWith('As of 1 September 2025, Tỉnh Thử Nghiệm has met 0 of its 6 targets')).toBe(true);
    expect(text('digital_signatures', en)).toBe('Digital signatures registered via VNeID: 12 people, 0% of the target of 200,000 people');
    // One person is a person: English counts take the plural form their number calls for.
    expect(countLabel('en', 'người', 1)).toBe('person');
    expect(formatFigure('en', 1, 'người', false)).toBe('1 person');
    expect(formatFigure('en', 2, 'người', false)).toBe('2 people');
    expect(formatFigure('vi', 1, 'người', false)).toBe('1 người');
  });

  it('is stamped in Vietnam time, whatever the server\'s time zone', async () => {
    const summary = (await get(province, '/api/reports/66/summary?date=2025-09-01')).json();
    // 20:30 UTC on 1 September is 03:30 on 2 September in Vietnam.
    const now = new Date('2025-09-01T20:30:00Z');
    expect((await pdfText(await summaryPdf(summary, 'vi', { now }))).text).toContain('Lập lúc 02/09/2025 03:30 (UTC+7)');
    expect((await pdfText(await summaryPdf(summary, 'en', { now }))).text).toContain('Generated at 2025-09-02 03:30 (UTC+7)');
    const served = (await pdfText((await get(province, '/api/reports/66/summary.pdf?date=2025-09-01')).rawPayload)).text;
    expect(served).toMatch(/Lập lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(UTC\+7\)/);
    expect(served).not.toMatch(/\d UTC\b/);
  });

  it('prints on one page', async () => {
    const response = await get(province, '/api/reports/66/summary.pdf?date=2025-09-01');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="tom-tat-66-tinh-thu-nghiem-2025-09-01.pdf"');
    const { pages, text } = await pdfText(response.rawPayload);
    expect(pages).toBe(1);
    expect(text).toContain('TÓM TẮT KẾT QUẢ PHONG TRÀO "BÌNH DÂN HỌC VỤ SỐ"');
    expect(text).toContain('Tính đến ngày 01/09/2025, Tỉnh Thử Nghiệm đã hoàn thành 0/6 chỉ tiêu');
    expect(text).toMatch(/đạt 15% \(90\/600\), chỉ tiêu 80%/);
  });
});

describe('CSV of the units below', () => {
  it('is UTF-8 with a byte order mark, one line per unit for the indicator', async () => {
    const response = await get(province, '/api/reports/66/children.csv?indicator=adults_skills_confirmed&date=2025-09-01');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="bao-cao-66-tinh-thu-nghiem-adults-skills-confirmed-2025-09-01.csv"');
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Mã đơn vị,Đơn vị trực thuộc,Mã chỉ tiêu,Chỉ tiêu,Đơn vị tính,Tử số,Mẫu số,Kết quả thực hiện,Chỉ tiêu giao,Tỷ lệ đạt (%),Đánh giá');
    expect(lines.slice(1)).toEqual([
      '66001,Xã Số 1,adults_skills_confirmed,Người trưởng thành được xác nhận phổ cập kỹ năng số qua VNeID,%,60,200,30,80,37.5,Đúng tiến độ',
      '66002,Xã Số 2,adults_skills_confirmed,Người trưởng thành được xác nhận phổ cập kỹ năng số qua VNeID,%,30,200,15,80,18.8,Có nguy cơ chậm',
      '66003,Xã Số 3,adults_skills_confirmed,Người trưởng thành được xác nhận phổ cập kỹ năng số qua VNeID,%,0,200,0,80,0,Chậm tiến độ',
    ]);
  });

  it('refuses an unknown indicator', async () => {
    const response = await get(province, '/api/reports/66/children.csv?indicator=nope');
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'INDICATOR_NOT_FOUND', field: 'indicator' });
  });
});

describe('DHIS2 data value sets', () => {
  it('has one data value per indicator with data and unit, for the period, equal to the progress figures', async () => {
    const response = await get(province, '/api/reports/66/dhis2.json?period=202509');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="dhis2-66-202509.json"');
    const { dataValues } = response.json() as { dataValues: { dataElement: string; period: string; orgUnit: string; value: string }[] };

    // Read on the period's last day.
    const expected: string[] = [];
    for (const unit of ['66', '66001', '66002', '66003']) {
      for (const i of await progress(unit, '2025-09-30')) if (i.value !== null) expected.push(`${i.code}|${unit}|${i.value}`);
    }
    expect(dataValues.every((v) => v.period === '202509')).toBe(true);
    expect(dataValues.map((v) => `${v.dataElement}|${v.orgUnit}|${v.value}`).sort()).toEqual(expected.sort());
    expect(new Set(dataValues.map((v) => `${v.dataElement}|${v.orgUnit}`)).size).toBe(dataValues.length);
    expect(dataValues).toContainEqual({ dataElement: 'adults_skills_confirmed', period: '202509', orgUnit: '66001', value: '30' });
  });

  it('writes the same values as DHIS2 CSV, and takes weeks, quarters and years', async () => {
    const json = (await get(province, '/api/reports/66/dhis2.json?period=2025W36')).json();
    const csv = await get(province, '/api/reports/66/dhis2.csv?period=2025W36');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup');
    expect(lines).toHaveLength(json.dataValues.length + 1);
    expect(lines[1]).toMatch(/^[a-z_]+,2025W36,66,,,[\d.]+,doorstep,\d{4}-\d\d-\d\dT[\d:.]+Z,,false$/);
    for (const period of ['2025Q3', '2025']) expect((await get(province, `/api/reports/66/dhis2.json?period=${period}`)).statusCode).toBe(200);
  });

  it('refuses malformed and future periods with the field', async () => {
    for (const period of ['202513', '2025W53', '2025Q5', '2025-09', 'abcd', '2025S3', '2025BiW27', '2025AprilS1']) {
      const response = await get(province, `/api/reports/66/dhis2.json?period=${period}`);
      expect(response.statusCode, period).toBe(400);
      expect(response.json().error, period).toMatchObject({ code: 'DHIS2_PERIOD_INVALID', field: 'period' });
    }
    const future = await get(province, '/api/reports/66/dhis2.json?period=299901');
    expect(future.json().error).toMatchObject({ code: 'PERIOD_INVALID', field: 'period' });
  });
});

describe('bad input and scope', () => {
  it('answers 404 for a unit outside the viewer\'s scope or unknown', async () => {
    for (const url of ['/api/reports/66.xlsx', '/api/reports/66001.pdf', '/api/reports/66/children.csv', '/api/reports/66/dhis2.json?period=202509', '/api/reports/66/summary', '/api/reports/66/phase?phase=peak_100_days']) {
      const response = await get(commune, url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code, url).toBe('UNIT_NOT_FOUND');
    }
    expect((await get(province, '/api/reports/99999.xlsx')).statusCode).toBe(404);
    expect((await get(commune, '/api/reports/66002.xlsx?date=2025-09-01')).statusCode).toBe(200);
  });

  it('answers 400 naming the field for future and malformed dates', async () => {
    const future = await get(province, '/api/reports/66.xlsx?date=2999-01-01');
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ code: 'INVALID_DATE', field: 'date' });
    const malformed = await get(province, '/api/reports/66.pdf?date=2025-02-30');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'querystring.date' });
    expect((await get(province, '/api/reports/66/summary.pdf?date=01-09-2025')).json().error.field).toBe('querystring.date');
  });

  it('needs an officer', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/reports/66.xlsx' })).statusCode).toBe(401);
    const leader = await createUserAndLogin(t.app, { role: 'team_leader', scopeUnitCode: '6600101' });
    expect((await get(leader, '/api/reports/6600101.xlsx')).statusCode).toBe(403);
  });

  it('writes every export to the audit log with the unit and the format', async () => {
    const entries = (await get(province, '/api/audit?limit=200')).json().items as { action: string; actorUserId: string; unitCode: string; subject: string; detail: Record<string, unknown> }[];
    const exports = entries.filter((e) => e.action === 'report.export' && e.actorUserId === province.id);
    const formats = new Set(exports.map((e) => e.detail.format));
    for (const format of ['xlsx', 'pdf', 'csv', 'dhis2-json', 'dhis2-csv', 'summary-pdf']) expect(formats, format).toContain(format);
    expect(exports).toContainEqual(expect.objectContaining({
      unitCode: '66', subject: 'bao-cao-66-tinh-thu-nghiem-2025-09-01.xlsx', detail: { format: 'xlsx', date: '2025-09-01' },
    }));
    // Refused requests export nothing, so they are not in the log.
    expect(exports.some((e) => e.detail.date === '2999-01-01' || e.detail.period === '299901')).toBe(false);
  });
});
