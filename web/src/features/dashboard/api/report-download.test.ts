import { describe, expect, it } from 'vitest';
import { downloadNameOf } from './report-download';

describe('downloadNameOf', () => {
  it('takes the name the server gives the download, or falls back', () => {
    expect(downloadNameOf('attachment; filename="bao-cao-66001-xa-dak-lieng-2025-09-01.xlsx"', '66001.xlsx')).toBe('bao-cao-66001-xa-dak-lieng-2025-09-01.xlsx');
    expect(downloadNameOf(null, '66001.pdf')).toBe('66001.pdf');
    expect(downloadNameOf('attachment', '66001.pdf')).toBe('66001.pdf');
  });
});
