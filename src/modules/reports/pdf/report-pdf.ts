import { rankBars } from '../../../../shared/charts/comparison-chart.js';
import { CHART_STATUS_COLOURS } from '../../../../shared/charts/status-colours.js';
import type { Language } from '../../../i18n/index.js';
import { countLabel, formatDay, formatFigure, formatNumber } from '../report-format.js';
import { labels, statusLabel } from '../report-labels.js';
import type { ReportRow, UnitReport } from '../unit-report.service.js';
import { drawComparison } from './comparison-pages.js';
import { createPdf, drawTable, heading, numberPages, type Column } from './pdf-kit.js';

/** "(35–68/102)": which part of a chart continued over pages this is. */
function partLabel(lang: Language) {
  const template = labels(lang).partOf;
  return (from: number, to: number, count: number) => template
    .replace('{from}', formatNumber(lang, from)).replace('{to}', formatNumber(lang, to)).replace('{count}', formatNumber(lang, count));
}

/** One indicator over the units below, highest first, with the target line for a percentage. */
function childrenChart(report: UnitReport, row: ReportRow) {
  const { lang } = report;
  const l = labels(lang);
  // An absolute target is the unit's own, not each child's share: only percentages get the line.
  const target = row.target !== null && row.percent ? row.target : null;
  return {
    title: `${row.no}. ${row.name} (${countLabel(lang, row.unitLabel, 2)})`,
    note: [l.rankedNote, target === null ? null : `${l.targetLine} ${formatFigure(lang, target, row.unitLabel, row.percent)}`].filter(Boolean).join(' · '),
    target,
    axisFormat: (value: number) => (row.percent ? `${formatNumber(lang, value)}%` : formatNumber(lang, value)),
    partLabel: partLabel(lang),
    emptyText: `${statusLabel(lang, 'no_data')}.`,
    bars: rankBars(report.children.map((child) => {
      const figures = child.rows.find((r) => r.code === row.code);
      const value = figures?.value ?? null;
      return { label: child.unit.name, value, status: figures?.status ?? 'no_data', display: value === null ? '–' : formatFigure(lang, value, row.unitLabel, row.percent) };
    })),
  };
}

/**
 * The unit's report as PDF: the same target table as the workbook's summary sheet, a chart of
 * how much of each target is achieved, and one chart per indicator over the units below. The
 * charts are the dashboard's comparison chart (shared/charts) at a printed size that stays
 * readable: a hundred communes continue over pages rather than shrink.
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
    formatNumber(lang, row.achieved), { text: statusLabel(lang, row.status), colour: CHART_STATUS_COLOURS[row.status], bold: true },
  ]));

  drawComparison(doc, {
    title: l.achievedChart,
    note: l.targetLine,
    target: 100,
    axisFormat: (value) => `${formatNumber(lang, value)}%`,
    partLabel: partLabel(lang),
    emptyText: `${statusLabel(lang, 'no_data')}.`,
    bars: report.rows.map((row) => ({
      label: `${row.no}. ${row.name}`, value: row.achieved === null ? null : Math.min(row.achieved, 150), status: row.status,
      display: row.achieved === null ? statusLabel(lang, row.status) : `${formatNumber(lang, row.achieved)}%`,
    })),
  });

  if (report.children.length > 0) {
    report.rows.forEach((row, index) => drawComparison(doc, childrenChart(report, row), index === 0 ? { sectionHeading: { text: l.chartsTitle, size: 13 } } : {}));
  }
  numberPages(doc, l.page);
  return finish();
}
