import { loadExcelJs } from '../../../lib/xlsx.js';
import type { Language } from '../../../i18n/index.js';
import { vietnamDay } from '../../../lib/vietnam-day.js';
import type { PhaseFigure, PhaseReport } from './phase-report.service.js';
import { formatDay } from '../report-format.js';
import { difficultyLabel, difficultyStatusLabel, labels, statusLabel } from '../report-labels.js';
import { addHeader, addTitle, borderRow, colourStatus, formatNumbers, sheetName } from '../xlsx/xlsx-sheets.js';

/**
 * The phase evaluation as a workbook: a summary of the unit's gains per indicator, one sheet per
 * indicator with the units below ranked by gain, and the open difficulties.
 */
export async function phaseWorkbook(report: PhaseReport, lang: Language): Promise<Buffer> {
  const l = labels(lang);
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Doorstep';
  const phaseName = report.phase.name ?? `${formatDay(lang, report.phase.from)} – ${formatDay(lang, report.phase.to)}`;
  const titleLines = [
    `${l.phaseTitle}: ${phaseName}`,
    `${l.unit}: ${report.unit.name} (${report.unit.code})`,
    `${l.from} ${formatDay(lang, report.phase.from)} ${l.to.toLowerCase()} ${formatDay(lang, report.phase.endDay)}`
      + ` (${l.atStart}: ${formatDay(lang, report.phase.startDay)}; ${l.atEnd}: ${formatDay(lang, report.phase.endDay)})`,
  ];

  const summary = workbook.addWorksheet(sheetName(workbook, l.summarySheet));
  const headers = [l.no, l.indicator, l.unitLabel, l.atStart, l.atEnd, l.gain, l.target, l.status, l.indicatorCode];
  addTitle(summary, titleLines, headers.length);
  addHeader(summary, headers, [6, 48, 10, 14, 14, 14, 14, 18, 26]);
  report.indicators.forEach((indicator, index) => {
    const t = indicator.total;
    const row = summary.addRow([index + 1, indicator.name, indicator.unitLabel, t.start, t.end, t.gain, indicator.target, statusLabel(lang, t.status), indicator.code]);
    borderRow(row, headers.length);
    formatNumbers(row, [4, 5, 6, 7]);
    colourStatus(row.getCell(8), t.status);
  });

  const rankHeaders = [l.rank, l.unitCode, l.childUnit, l.atStart, l.atEnd, l.gain, l.status];
  report.indicators.forEach((indicator, index) => {
    const sheet = workbook.addWorksheet(sheetName(workbook, `${index + 1}. ${indicator.name}`));
    addTitle(sheet, [`${index + 1}. ${indicator.name} (${indicator.unitLabel})`, ...titleLines.slice(1)], rankHeaders.length);
    addHeader(sheet, rankHeaders, [10, 12, 32, 14, 14, 14, 18]);
    const addLine = (figure: Omit<PhaseFigure, 'rank'> & { rank?: number | null }) => {
      const row = sheet.addRow([figure.rank ?? null, figure.unitCode, figure.unitName, figure.start, figure.end, figure.gain, statusLabel(lang, figure.status)]);
      borderRow(row, rankHeaders.length);
      formatNumbers(row, [4, 5, 6]);
      colourStatus(row.getCell(7), figure.status);
      return row;
    };
    indicator.ranking.forEach(addLine);
    const total = addLine(indicator.total);
    for (let column = 2; column <= 6; column += 1) total.getCell(column).font = { bold: true };
  });

  const difficulties = workbook.addWorksheet(sheetName(workbook, l.difficulties));
  const difficultyHeaders = [l.no, l.unitCode, l.childUnit, l.category, l.description, l.status, l.reportedAt];
  addTitle(difficulties, [l.difficulties, ...titleLines.slice(1)], difficultyHeaders.length);
  addHeader(difficulties, difficultyHeaders, [6, 12, 28, 22, 60, 16, 14]);
  report.difficulties.forEach((d, index) => {
    const row = difficulties.addRow([
      index + 1, d.unitCode, d.unitName ?? '', difficultyLabel(lang, d.category), d.description, difficultyStatusLabel(lang, d.status), vietnamDay(new Date(d.reportedAt)),
    ]);
    borderRow(row, difficultyHeaders.length);
  });

  return Buffer.from(await workbook.xlsx.writeBuffer() as ArrayBuffer);
}
