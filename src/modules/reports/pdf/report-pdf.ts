import { createPdf, drawBarChart, drawTable, heading, numberPages, type Column } from './pdf-kit.js';
import { formatDay, formatFigure, formatNumber } from '../report-format.js';
import { labels, statusLabel } from '../report-labels.js';
import type { UnitReport } from '../unit-report.service.js';
import { STATUS_COLOURS } from '../xlsx/xlsx-sheets.js';

const colour = (status: keyof typeof STATUS_COLOURS) => `#${STATUS_COLOURS[status]}`;

/**
 * The unit's report as PDF: the same target table as the workbook's summary sheet, a chart of
 * how much of each target is achieved, and one chart per indicator over the units below.
 */
export async function unitReportPdf(report: UnitReport, options: { compress?: boolean } = {}): Promise<Buffer> {
  const { lang } = report;
  const l = labels(lang);
  const title = `${l.reportTitle} — ${report.unit.name}`;
  const { doc, finish } = createPdf({ title, layout: 'landscape', compress: options.compress });

  heading(doc, `${l.reportTitle}`, 15);
  doc.font('regular').fontSize(10).text(l.movement);
  doc.text(`${l.unit}: ${report.unit.name} (${report.unit.code}) — ${l.asOf}: ${formatDay(lang, report.day)}`);
  doc.moveDown(0.6);

  const columns: Column[] = [
    { header: l.no, width: 28, align: 'center' }, { header: l.indicator, width: 190 }, { header: l.explanation, width: 190 },
    { header: l.unitLabel, width: 50, align: 'center' }, { header: l.target, width: 70, align: 'right' },
    { header: l.result, width: 70, align: 'right' }, { header: l.achieved, width: 62, align: 'right' }, { header: l.status, width: 100 },
  ];
  drawTable(doc, columns, report.rows.map((row) => [
    String(row.no), row.name, row.explanation, row.unitLabel, formatNumber(lang, row.target), formatNumber(lang, row.value),
    formatNumber(lang, row.achieved), { text: statusLabel(lang, row.status), colour: colour(row.status), bold: true },
  ]));

  drawBarChart(doc, {
    title: l.achievedChart,
    note: l.targetLine,
    target: 100,
    bars: report.rows.map((row) => ({
      label: `${row.no}. ${row.name}`, value: row.achieved === null ? null : Math.min(row.achieved, 150),
      display: row.achieved === null ? statusLabel(lang, row.status) : `${formatNumber(lang, row.achieved)}%`, colour: colour(row.status),
    })),
  });

  if (report.children.length > 0) {
    doc.addPage();
    heading(doc, l.chartsTitle, 13);
    for (const row of report.rows) {
      drawBarChart(doc, {
        title: `${row.no}. ${row.name} (${row.unitLabel})`,
        // An absolute target is the unit's own, not each child's share: only percentages get the line.
        note: row.target === null || !row.percent ? undefined : `${l.targetLine} ${formatFigure(lang, row.target, row.unitLabel, row.percent)}`,
        target: row.target !== null && row.percent ? row.target : null,
        bars: report.children.map((child) => {
          const figures = child.rows.find((r) => r.code === row.code);
          const value = figures?.value ?? null;
          return {
            label: child.unit.name, value, colour: colour(figures?.status ?? 'no_data'),
            display: value === null ? '–' : formatFigure(lang, value, row.unitLabel, row.percent),
          };
        }),
      });
    }
  }
  numberPages(doc, l.page);
  return finish();
}
