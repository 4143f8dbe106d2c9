import { parse } from 'csv-parse/sync';
import { AppError, type RowError } from '../errors.js';

export interface CsvRow {
  /** 1-based line of the file; the header is line 1. */
  line: number;
  values: Record<string, string>;
}

/**
 * Reads a whole CSV upload for an all-or-nothing import: UTF-8 only (a BOM is allowed), a header
 * with every required column, one record per line. Anything unreadable rejects the file with
 * the line and the reason.
 */
export function readCsv(input: Buffer | string, requiredColumns: readonly string[]): { columns: string[]; rows: CsvRow[] } {
  let text: string;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw importInvalid([{ row: 1, reason: 'BAD_ENCODING' }]);
  }
  let records: { info: { lines: number }; record: Record<string, string> }[];
  let columns: string[] = [];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => (columns = header.map((h) => h.trim().toLowerCase())),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    });
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw importInvalid([{ row: e.lines ?? 1, reason: 'BAD_CSV', params: { detail: e.message } }]);
  }
  const missing = requiredColumns.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw importInvalid(missing.map((column) => ({ row: 1, field: column, reason: 'MISSING_COLUMN', params: { column } })));
  }
  return { columns, rows: records.map((r) => ({ line: r.info.lines, values: r.record })) };
}

export function importInvalid(rows: RowError[]): AppError {
  return new AppError('IMPORT_INVALID', `${rows.length} row error(s)`, 'file', rows);
}

/** Collects row errors while a file is checked, so one answer lists them all. */
export class RowErrors {
  readonly list: RowError[] = [];
  add(row: number, field: string, reason: RowError['reason'], params?: RowError['params']): void {
    this.list.push({ row, field, reason, params });
  }
  /** A required cell: answers its value, or records the error and answers undefined. */
  required(row: CsvRow, column: string): string | undefined {
    const value = row.values[column];
    if (value === undefined || value === '') {
      this.add(row.line, column, 'MISSING_VALUE', { column });
      return undefined;
    }
    return value;
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw importInvalid(this.list.sort((a, b) => a.row - b.row));
  }
}
