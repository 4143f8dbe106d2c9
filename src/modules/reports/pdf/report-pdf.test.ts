import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, type PdfText, type PdfTextItem } from '../../../testing/pdf-text.js';
import { seedReportProvince } from '../../../testing/report-fixtures.js';
import { startTestApp, type TestApp } from '../../../testing/test-app.js';
import { loadUnitReport, type UnitReport } from '../unit-report.service.js';
import { unitReportPdf } from './report-pdf.js';

let t: TestApp;
let report: UnitReport;
let pdf: PdfText;
beforeAll(async () => {
  t = await startTestApp({ seed: seedReportProvince });
  report = await provinceOf102();
  const bytes = await unitReportPdf(report);
  if (process.env.PDF_OUT) (await import('node:fs')).writeFileSync(process.env.PDF_OUT, bytes);
  pdf = await pdfText(bytes);
}, 300_000);
afterAll(() => t.close());

const COMMUNES = 102;
const nameOf = (i: number) => `Xã Ea Thử Nghiệm ${i}`;

/**
 * The test province's report with its three communes turned into Dak Lak's 102, each with
 * figures of its own, on the plan's first six indicators (shares with a target line, counts,
 * one without figures): every kind of chart, at a third of the plan's rendering time.
 */
async function provinceOf102(): Promise<UnitReport> {
  const full = await loadUnitReport(t.db, null, '66', 'vi', '2025-09-01');
  const report = { ...full, rows: full.rows.slice(0, 6) };
  const children = Array.from({ length: COMMUNES }, (_, i) => {
    const model = report.children[i % report.children.length]!;
    return {
      unit: { ...model.unit, code: `66${String(i + 1).padStart(3, '0')}`, name: nameOf(i + 1) },
      rows: model.rows.map((row) => ({ ...row, value: row.value === null ? null : row.value + (i % 17) })),
    };
  });
  return { ...report, children };
}

/** Text in the footer band (the page number) is not part of a page's content. */
const FOOTER = 30;
const isHeading = (item: PdfTextItem) => item.bold && item.size >= 10;
function lastItemOf(pdf: PdfText, page: number): PdfTextItem {
  const height = pdf.pageSizes[page]!.height;
  const content = pdf.pageItems[page]!.filter((item) => item.y < height - FOOTER);
  return content.reduce((lowest, item) => (item.y > lowest.y ? item : lowest));
}

describe('PDF report of a province with 102 communes', () => {
  it('prints every commune in readable charts that continue over pages and stay on them', async () => {
    const items = pdf.pageItems.flat();

    // Every commune's bar is labelled, on the chart of every indicator with figures, at 7 pt or more;
    // an indicator without any figure is one line, not pages of dashes.
    const charted = report.rows.filter((row) => report.children.some((child) => child.rows.find((r) => r.code === row.code)?.value !== null));
    expect(charted.length).toBeGreaterThanOrEqual(4);
    expect(charted.length).toBeLessThan(report.rows.length);
    const empty = report.rows.find((row) => !charted.includes(row))!;
    expect(pdf.text).toContain(`${empty.no}. ${empty.name} (%) Chưa có số liệu.`);
    for (let i = 1; i <= COMMUNES; i += 1) {
      const labels = items.filter((item) => item.str === nameOf(i));
      expect(labels, nameOf(i)).toHaveLength(charted.length);
      for (const label of labels) expect(label.size, nameOf(i)).toBeGreaterThanOrEqual(7);
    }
    expect(Math.min(...items.map((item) => item.size))).toBeGreaterThanOrEqual(7);

    // Nothing is written outside the page.
    pdf.pageItems.forEach((page, n) => {
      const { width, height } = pdf.pageSizes[n]!;
      for (const item of page) {
        expect(item.x, item.str).toBeGreaterThanOrEqual(0);
        expect(item.x, item.str).toBeLessThan(width);
        expect(item.y, item.str).toBeGreaterThan(0);
        expect(item.y, item.str).toBeLessThanOrEqual(height);
      }
    });

    // A chart too long for one page goes on in even parts, each titled with its range.
    expect(pdf.text).toContain('1. Xã, phường thành lập Ban Chỉ đạo (%) (1–34/102)');
    expect(pdf.text).toContain('(69–102/102)');
  });

  it('never ends a page on a heading', async () => {
    expect(pdf.pages).toBeGreaterThan(3);
    for (let page = 0; page < pdf.pages; page += 1) {
      const last = lastItemOf(pdf, page);
      expect(isHeading(last), `page ${page + 1} ends on "${last.str}"`).toBe(false);
      // Headings are told apart from the rest: every page has at least one (the report's or a chart's title).
      expect(pdf.pageItems[page]!.some(isHeading), `page ${page + 1}`).toBe(true);
    }
  });
});
