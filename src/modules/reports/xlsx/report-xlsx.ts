import { loadExcelJs } from '../../../lib/xlsx.js';
import { formatDay } from '../report-format.js';
import { labels, statusLabel } from '../report-labels.js';
import type { ReportRow, UnitReport } from '../unit-report.service.js';
import { addHeader, addTitle, borderRow, colourStatus, formatNumbers, sheetName } from './xlsx-sheets.js';

const cellOf = (value: number | null) => value ?? null;

/**
 * The unit's report as a workbook: a summary sheet in the shape of the usual commune target
 * table, then one sheet per indicator with the units below as rows and the unit's own total
 * last. Cells hold numbers, not formatted text, so officers can sum and sort them.
 */
export async function unitReportWorkbook(report: UnitReport): Promise<Buffer> {
  const { lang } = report;
  const l = labels(lang);
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Doorstep';
  workbook.created = new Date();
  const titleLines = [
    `${l.reportTitle} — ${l.movement}`,
    `${l.unit}: ${report.unit.name} (${report.unit.code})`,
    `${l.asOf}: ${formatDay(lang, report.day)}`,
  ];

  const summary = workbook.addWorksheet(sheetName(workbook, l.summarySheet), { views: [{ state: 'frozen', ySplit: 5 }] });
  const summaryHeaders = [l.no, l.indicator, l.explanation, l.unitLabel, l.target, l.result, l.achieved, l.status, l.indicatorCode];
  addTitle(summary, titleLines, summaryHeaders.length);
  addHeader(summary, summaryHeaders, [6, 48, 48, 10, 14, 14, 12, 18, 26]);
  for (const row of report.rows) {
    const line = summary.addRow([
      row.no, row.name, row.explanation, row.unitLabel, cellOf(row.target), cellOf(row.value), cellOf(row.achieved),
      statusLabel(lang, row.status), row.code,
    ]);
    borderRow(line, summaryHeaders.length);
    formatNumbers(line, [5, 6, 7]);
    colourStatus(line.getCell(8), row.status);
  }

  const childHeaders = [l.no, l.unitCode, l.childUnit, l.numerator, l.denominator, l.result, l.target, l.achieved, l.status];
  for (const row of report.rows) {
    const sheet = workbook.addWorksheet(sheetName(workbook, `${row.no}. ${row.name}`), { views: [{ state: 'frozen', ySplit: 5 }] });
    addTitle(sheet, [
      `${row.no}. ${row.name} (${row.unitLabel})`,
      `${l.indicatorCode}: ${row.code} — ${l.unit}: ${report.unit.name} (${report.unit.code})`,
      `${l.asOf}: ${formatDay(lang, report.day)}`,
    ], childHeaders.length);
    addHeader(sheet, childHeaders, [6, 12, 32, 12, 12, 12, 12, 12, 18]);
    const addLine = (no: number | string, code: string, name: string, figures: ReportRow, total = false) => {
      const line = sheet.addRow([
        no, code, name, cellOf(figures.numerator), cellOf(figures.denominator), cellOf(figures.value), cellOf(figures.target),
        cellOf(figures.achieved), statusLabel(lang, figures.status),
      ]);
      borderRow(line, childHeaders.length);
      formatNumbers(line, [4, 5, 6, 7, 8]);
      if (total) for (let column = 1; column <= 8; column += 1) line.getCell(column).font = { bold: true };
      colourStatus(line.getCell(9), figures.status);
    };
    report.children.forEach((child, index) => {
      const figures = child.rows.find((r) => r.code === row.code);
      if (figures) addLine(index + 1, child.unit.code, child.unit.name, figures);
    });
    addLine('', report.unit.code, report.unit.name, row, true);
  }

  // exceljs declares its own Buffer type; at run time it is Node's.
  return Buffer.from(await workbook.xlsx.writeBuffer() as ArrayBuffer);
}
