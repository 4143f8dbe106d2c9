import type ExcelJS from 'exceljs';
import type { ProgressStatus } from '../../targets/targets.public.js';

/** Small helpers every exported workbook shares: titles, header rows, number formats, colours. */

/** Status colours, the same in Excel and PDF (ARGB without alpha). */
export const STATUS_COLOURS: Record<ProgressStatus, string> = {
  achieved: '2E7D32', on_track: '66BB6A', at_risk: 'F9A825', behind: 'C62828', no_target: '9E9E9E', no_data: 'BDBDBD',
};

const FORBIDDEN = /[:\\/?*[\]]/g;

/** A sheet name Excel accepts (≤ 31 characters, no : \ / ? * [ ]), unique in the workbook. */
export function sheetName(workbook: ExcelJS.Workbook, wanted: string): string {
  const clean = wanted.replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim() || 'Sheet';
  const taken = new Set(workbook.worksheets.map((s) => s.name.toLowerCase()));
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const base = clean.length + suffix.length > 31 ? `${clean.slice(0, 30 - suffix.length).trimEnd()}…` : clean;
    const name = `${base}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Title lines above a table, merged across its width. */
export function addTitle(sheet: ExcelJS.Worksheet, lines: readonly string[], width: number): void {
  lines.forEach((text, index) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = index === 0 ? { bold: true, size: 13 } : { italic: true };
    row.getCell(1).alignment = { horizontal: index === 0 ? 'center' : 'left' };
  });
  sheet.addRow([]);
}

export function addHeader(sheet: ExcelJS.Worksheet, headers: readonly string[], widths: readonly number[]): ExcelJS.Row {
  const row = sheet.addRow([...headers]);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3F2FD' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  widths.forEach((width, index) => { sheet.getColumn(index + 1).width = width; });
  return row;
}

/** Numbers stay numbers (so the sheet can be summed); only their display is formatted. */
export function formatNumbers(row: ExcelJS.Row, columns: readonly number[]): void {
  for (const column of columns) {
    const cell = row.getCell(column);
    if (typeof cell.value === 'number') cell.numFmt = Number.isInteger(cell.value) ? '#,##0' : '#,##0.00';
  }
}

export function borderRow(row: ExcelJS.Row, width: number): void {
  for (let column = 1; column <= width; column += 1) {
    row.getCell(column).border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    row.getCell(column).alignment = { vertical: 'top', wrapText: true };
  }
}

export function colourStatus(cell: ExcelJS.Cell, status: ProgressStatus): void {
  cell.font = { bold: true, color: { argb: `FF${STATUS_COLOURS[status]}` } };
}
