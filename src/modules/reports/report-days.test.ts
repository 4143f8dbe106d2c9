import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { isoWeeksIn, parseDhis2Period, periodReportDay, reportDay } from './report-days.js';
import { asciiFold, fileNameOf } from './report-format.js';
import { toCsv } from '../../lib/csv-write.js';
import { TtlCache } from './ttl-cache.js';

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof AppError ? [error.code, error.field] : error;
  }
  return undefined;
};

describe('DHIS2 periods', () => {
  it('reads months, ISO weeks, quarters and years', () => {
    expect(parseDhis2Period('202502')).toEqual({ id: '202502', type: 'monthly', start: '2025-02-01', end: '2025-02-28' });
    expect(parseDhis2Period('2024W1')).toMatchObject({ type: 'weekly', start: '2024-01-01', end: '2024-01-07' });
    // ISO week 1 of 2026 starts on Monday 29 December 2025.
    expect(parseDhis2Period('2026W1')).toMatchObject({ start: '2025-12-29', end: '2026-01-04' });
    expect(parseDhis2Period('2020W53')).toMatchObject({ start: '2020-12-28', end: '2021-01-03' });
    expect(parseDhis2Period('2025Q4')).toMatchObject({ type: 'quarterly', start: '2025-10-01', end: '2025-12-31' });
    expect(parseDhis2Period('2025')).toMatchObject({ type: 'yearly', start: '2025-01-01', end: '2025-12-31' });
    expect([2020, 2025, 2026].map(isoWeeksIn)).toEqual([53, 52, 53]);
  });

  it('reads the other period types DHIS2 has: days, bi-weeks and half years', () => {
    expect(parseDhis2Period('20250905')).toEqual({ id: '20250905', type: 'daily', start: '2025-09-05', end: '2025-09-05' });
    expect(parseDhis2Period('2025BiW1')).toEqual({ id: '2025BiW1', type: 'biweekly', start: '2024-12-30', end: '2025-01-12' });
    expect(parseDhis2Period('2025BiW26')).toMatchObject({ start: '2025-12-15', end: '2025-12-28' });
    // A 53-week year ends with a bi-week of one week.
    expect(parseDhis2Period('2026BiW27')).toMatchObject({ start: '2026-12-28', end: '2027-01-03' });
    expect(parseDhis2Period('2025S1')).toEqual({ id: '2025S1', type: 'sixmonthly', start: '2025-01-01', end: '2025-06-30' });
    expect(parseDhis2Period('2025S2')).toMatchObject({ start: '2025-07-01', end: '2025-12-31' });
  });

  it('refuses what is not a period, and periods not begun', () => {
    for (const bad of ['202500', '2025W0', '2025W53', '2025Q0', '25', '2025-01', '', '20250230', '2025BiW0', '2025BiW27', '2025S0', '2025S3', '2025AprilS1', '2025NovQ1']) {
      expect(codeOf(() => parseDhis2Period(bad)), bad).toEqual(['DHIS2_PERIOD_INVALID', 'period']);
    }
    expect(codeOf(() => periodReportDay(parseDhis2Period('202512'), 'period', '2025-11-30'))).toEqual(['PERIOD_INVALID', 'period']);
    expect(periodReportDay(parseDhis2Period('202511'), 'period', '2025-11-10')).toBe('2025-11-10');
    expect(periodReportDay(parseDhis2Period('202510'), 'period', '2025-11-10')).toBe('2025-10-31');
  });
});

describe('report days and names', () => {
  it('refuses future and malformed days with the field', () => {
    expect(reportDay(undefined, 'date', '2025-09-01')).toBe('2025-09-01');
    expect(codeOf(() => reportDay('2025-09-02', 'date', '2025-09-01'))).toEqual(['INVALID_DATE', 'date']);
    expect(codeOf(() => reportDay('2025-02-29', 'to', '2025-09-01'))).toEqual(['INVALID_DATE', 'to']);
  });

  it('folds Vietnamese file names to ASCII', () => {
    expect(asciiFold('Xã Đắk Liêng – Phường Ea Kao')).toBe('Xa Dak Lieng – Phuong Ea Kao');
    expect(fileNameOf(['bao-cao', '66001', 'Xã Đắk Liêng', '2025-09-01'], 'xlsx')).toBe('bao-cao-66001-xa-dak-lieng-2025-09-01.xlsx');
  });

  it('writes CSV fields Excel reads back safely', () => {
    expect(toCsv([['a,b', 'say "hi"', null, 1.5, '=SUM(A1)']], { bom: true })).toBe('\uFEFF"a,b","say ""hi""",,1.5,\'=SUM(A1)\r\n');
  });
});

describe('TtlCache', () => {
  it('shares a computation until it expires and forgets failures', async () => {
    let now = 0;
    let calls = 0;
    const cache = new TtlCache<number>(1000, 10, () => now);
    const compute = async () => ++calls;
    expect(await Promise.all([cache.get('k', compute), cache.get('k', compute)])).toEqual([1, 1]);
    now = 999;
    expect(await cache.get('k', compute)).toBe(1);
    now = 1000;
    expect(await cache.get('k', compute)).toBe(2);
    await expect(cache.get('bad', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await cache.get('bad', compute)).toBe(3);
  });
});
