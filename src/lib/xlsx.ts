import type ExcelJS from 'exceljs';
import { importInvalid, readCsv, type CsvRow } from './csv.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type SpreadsheetFormat = 'csv' | 'xlsx';

/**
 * exceljs, loaded the first time a workbook is read or written: it holds about 28 MB of a
 * server's memory and half a second of its start for work most servers do now and then.
 */
export function loadExcelJs(): Promise<typeof ExcelJS> {
  return import('exceljs').then((module) => module.default);
}

/** The format of an upload from its content type; anything but the xlsx type is read as CSV. */
export function spreadsheetFormatOf(contentType: string | undefined): SpreadsheetFormat {
  return contentType?.split(';')[0]?.trim().toLowerCase() === XLSX_MEDIA_TYPE ? 'xlsx' : 'csv';
}

/** The text a person sees in a cell, whatever exceljs made of it. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Excel keeps days without a time zone; exceljs hands them over as UTC midnights.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * Reads the first sheet of a workbook into the rows `readCsv` gives: the first row naming a
 * required column is the header, each later non-empty row is a record, and `line` is the row
 * number Excel shows, so a row error points at the row the officer sees. Validation after this
 * is the CSV's own.
 */
export async function readXlsx(input: Buffer, requiredColumns: readonly string[]): Promise<{ columns: string[]; rows: CsvRow[] }> {
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    // exceljs declares its own Buffer type; Node's is what it reads at run time.
    await workbook.xlsx.load(input as unknown as ExcelJS.Buffer);
  } catch {
    throw importInvalid([{ row: 1, reason: 'BAD_XLSX' }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw importInvalid([{ row: 1, reason: 'BAD_XLSX' }]);

  let header: { line: number; byColumn: Map<number, string> } | undefined;
  let firstLine: number | undefined;
  const rows: CsvRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: [number, string][] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const text = cellText(cell.value);
      if (text !== '') cells.push([column, text]);
    });
    if (cells.length === 0) return;
    firstLine ??= rowNumber;
    if (!header) {
      // Title lines above the header ("DANH SÁCH TỔ…") are skipped: the header is the first row
      // that names a required column.
      const names = cells.map(([column, text]) => [column, text.toLowerCase()] as const);
      if (names.some(([, name]) => requiredColumns.includes(name))) header = { line: rowNumber, byColumn: new Map(names) };
      return;
    }
    const values: Record<string, string> = {};
    for (const [column, text] of cells) {
      const name = header.byColumn.get(column);
      if (name !== undefined) values[name] = text;
    }
    rows.push({ line: rowNumber, values });
  });

  const columns = header ? [...header.byColumn.values()] : [];
  const missing = requiredColumns.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw importInvalid(missing.map((column) => ({ row: header?.line ?? firstLine ?? 1, field: column, reason: 'MISSING_COLUMN', params: { column } })));
  }
  return { columns, rows };
}

/** A CSV or XLSX upload as rows, for imports that take either. */
export async function readSpreadsheet(input: Buffer, format: SpreadsheetFormat, requiredColumns: readonly string[]): Promise<{ columns: string[]; rows: CsvRow[] }> {
  return format === 'xlsx' ? readXlsx(input, requiredColumns) : readCsv(input, requiredColumns);
}
