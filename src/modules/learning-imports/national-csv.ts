import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError, type RowError } from '../../errors.js';
import { importInvalid } from '../../lib/csv.js';

/** The national learning platform's export, in its column order. */
export const NATIONAL_HEADER = ['so_dinh_danh_hoac_dien_thoai', 'ho_ten', 'ma_don_vi', 'khoa_hoc', 'trang_thai', 'ngay'] as const;
/** Rows read at most from one file: a province's export is split by commune well below it. */
export const MAX_ROWS = 20_000;
/** Bytes of one upload at most. */
export const MAX_BYTES = 4 * 1024 * 1024;

export interface NationalRow {
  line: number;
  identity: { kind: 'national_id' | 'phone'; value: string };
  name: string;
  unitCode: string;
  course: string;
  status: 'registered' | 'completed';
  day: string;
}

const STATUS: Record<string, NationalRow['status']> = {
  'dang_ky': 'registered', 'đăng ký': 'registered', 'registered': 'registered', 'da_dang_ky': 'registered', 'đã đăng ký': 'registered',
  'hoan_thanh': 'completed', 'hoàn thành': 'completed', 'completed': 'completed', 'da_hoan_thanh': 'completed', 'đã hoàn thành': 'completed',
};

function day(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2]!.padStart(2, '0'), vn[1]!.padStart(2, '0')] : [];
  if (!y) return null;
  const text = `${y}-${m}-${d}`;
  const parsed = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text ? null : text;
}

function identity(value: string): NationalRow['identity'] | null {
  const digits = value.replace(/[\s.]/g, '');
  if (/^[0-9]{12}$/.test(digits)) return { kind: 'national_id', value: digits };
  if (/^(0|\+?84)[0-9]{9}$/.test(digits)) return { kind: 'phone', value: digits };
  return null;
}

/**
 * Reads the file as a stream, row by row, and stops past MAX_ROWS: a wrong header is refused
 * with the expected one; every faulty row is listed, and one faulty row refuses the file.
 */
export async function readNationalCsv(input: Buffer | NodeJS.ReadableStream): Promise<NationalRow[]> {
  const source = Buffer.isBuffer(input) ? Readable.from([input]) : input;
  const parser = (source as Readable).pipe(parse({ bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }));
  const rows: NationalRow[] = [];
  const errors: RowError[] = [];
  let header = true;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (header) {
        const got = record.map((h) => h.trim().toLowerCase());
        if (got.join(',') !== NATIONAL_HEADER.join(',')) throw new AppError('LEARNING_IMPORT_HEADER', `Expected: ${NATIONAL_HEADER.join(',')}`, 'file');
        header = false;
        continue;
      }
      if (rows.length + errors.length >= MAX_ROWS) {
        (source as Readable).destroy?.();
        throw importInvalid([{ row: info.lines, reason: 'TOO_MANY_ROWS', params: { max: MAX_ROWS } }]);
      }
      const [rawId = '', name = '', unitCode = '', course = '', rawStatus = '', rawDay = ''] = record;
      const line = info.lines;
      const who = identity(rawId);
      const status = STATUS[rawStatus.toLowerCase()];
      const when = day(rawDay);
      const missing = ([[rawId, NATIONAL_HEADER[0]], [name, NATIONAL_HEADER[1]], [unitCode, NATIONAL_HEADER[2]], [course, NATIONAL_HEADER[3]]] as const).find(([v]) => v === '');
      if (missing) errors.push({ row: line, field: missing[1], reason: 'MISSING_VALUE', params: { column: missing[1] } });
      else if (!who) errors.push({ row: line, field: NATIONAL_HEADER[0], reason: 'BAD_VALUE', params: { column: NATIONAL_HEADER[0], value: '…' } });
      else if (!status) errors.push({ row: line, field: NATIONAL_HEADER[4], reason: 'BAD_VALUE', params: { column: NATIONAL_HEADER[4], value: rawStatus.slice(0, 40) } });
      else if (!when) errors.push({ row: line, field: NATIONAL_HEADER[5], reason: 'BAD_VALUE', params: { column: NATIONAL_HEADER[5], value: rawDay.slice(0, 40) } });
      else rows.push({ line, identity: who, name, unitCode, course, status, day: when });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const e = error as { lines?: number; message: string };
    throw importInvalid([{ row: e.lines ?? 1, reason: 'BAD_CSV', params: { detail: e.message } }]);
  }
  if (header) throw new AppError('LEARNING_IMPORT_HEADER', `Expected: ${NATIONAL_HEADER.join(',')}`, 'file');
  if (errors.length > 0) throw importInvalid(errors);
  return rows;
}
