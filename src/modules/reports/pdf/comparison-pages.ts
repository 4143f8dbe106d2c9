import { comparisonHeight, comparisonOption, type ComparisonChart, type ComparisonLayout } from '../../../../shared/charts/comparison-chart.js';
import { drawChart } from './chart-svg.js';
import { contentWidth, ensureSpace, heading, headingHeight, measureText, pageRoom, type Pdf } from './pdf-kit.js';

/**
 * Type of printed charts: 8 pt names and figures on 12 pt rows. A province's hundred communes
 * never shrink below it; they go on as many pages as they need instead.
 */
export const PRINTED: Pick<ComparisonLayout, 'rowHeight' | 'fontSize' | 'fontFamily'> = { rowHeight: 12, fontSize: 8, fontFamily: 'DejaVu Sans' };
const TITLE_SIZE = 10;
const NOTE_SIZE = 8;

export interface PrintedComparison extends ComparisonChart {
  title: string;
  note?: string;
  /** "(units {from}–{to} of {count})" after the title of each part of a chart over several pages. */
  partLabel: (from: number, to: number, count: number) => string;
  /** Written under the title instead of a chart when no bar has a figure ("No data"). */
  emptyText: string;
}

function noteHeight(doc: Pdf, note: string | undefined): number {
  if (!note) return 0;
  doc.font('regular').fontSize(NOTE_SIZE);
  return doc.heightOfString(note, { width: contentWidth(doc) }) + 2;
}

/** Splits `count` bars into the fewest parts of at most `size`, as even as possible (34 + 34 + 34, not 40 + 40 + 22). */
export function evenParts(count: number, size: number): [number, number][] {
  const parts = Math.max(1, Math.ceil(count / Math.max(1, size)));
  const base = Math.floor(count / parts);
  const extra = count % parts;
  const ranges: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < parts; i += 1) {
    const length = base + (i < extra ? 1 : 0);
    ranges.push([start, start + length]);
    start += length;
  }
  return ranges;
}

/**
 * A comparison chart at the cursor, its title kept with it. When its bars cannot all fit on a
 * page at the printed size, it continues over pages in even parts, each titled with its range.
 */
export function drawComparison(doc: Pdf, chart: PrintedComparison, options: { sectionHeading?: { text: string; size: number } } = {}): void {
  const width = contentWidth(doc);
  const titled = (title: string) => headingHeight(doc, title, TITLE_SIZE) + noteHeight(doc, chart.note);
  if (chart.bars.every((bar) => bar.value === null)) {
    // Pages of dashes say nothing: one line does.
    if (options.sectionHeading) heading(doc, options.sectionHeading.text, options.sectionHeading.size, titled(chart.title) + 20);
    heading(doc, chart.title, TITLE_SIZE, 16);
    doc.font('regular').fontSize(NOTE_SIZE + 1).fillColor('#000000').text(chart.emptyText, doc.page.margins.left, doc.y, { width });
    doc.moveDown(1);
    return;
  }
  const widest = Math.max(0, ...chart.bars.map((bar) => measureText(bar.label, PRINTED.fontSize)));
  const layout: ComparisonLayout = {
    ...PRINTED,
    labelWidth: Math.ceil(Math.min(width * 0.4, Math.max(80, widest + 12))),
    valueWidth: Math.ceil(Math.max(48, ...chart.bars.map((bar) => measureText(bar.display, PRINTED.fontSize) + 10))),
  };
  const longest = `${chart.title} ${chart.partLabel(chart.bars.length, chart.bars.length, chart.bars.length)}`;
  const section = options.sectionHeading ? headingHeight(doc, options.sectionHeading.text, options.sectionHeading.size) : 0;
  // Every part fits a page under its title, the first one under the section's heading too.
  const perPage = Math.floor((pageRoom(doc) - section - titled(longest) - comparisonHeight(0, PRINTED) - 4) / PRINTED.rowHeight);
  const whole = comparisonHeight(chart.bars.length, PRINTED);
  const parts = section + whole + titled(chart.title) <= pageRoom(doc) ? [[0, chart.bars.length] as [number, number]] : evenParts(chart.bars.length, perPage);

  const scaleMax = Math.max(0, ...chart.bars.map((bar) => bar.value ?? 0));
  const titleOf = (from: number, to: number) => (parts.length === 1 ? chart.title : `${chart.title} ${chart.partLabel(from + 1, to, chart.bars.length)}`);
  if (options.sectionHeading) {
    // A section's heading goes to the page where its first chart starts, never alone at a page's foot.
    const [from, to] = parts[0]!;
    heading(doc, options.sectionHeading.text, options.sectionHeading.size, titled(titleOf(from, to)) + comparisonHeight(to - from, PRINTED));
  }
  for (const [from, to] of parts) {
    const title = titleOf(from, to);
    const height = comparisonHeight(to - from, PRINTED);
    ensureSpace(doc, titled(title) + height);
    heading(doc, title, TITLE_SIZE, height);
    if (chart.note) doc.font('regular').fontSize(NOTE_SIZE).fillColor('#555555').text(chart.note, doc.page.margins.left, doc.y, { width });
    const y = doc.y + 2;
    drawChart(doc, comparisonOption({ ...chart, bars: chart.bars.slice(from, to), scaleMax }, layout), { x: doc.page.margins.left, y, width, height });
    doc.fillColor('#000000');
    doc.x = doc.page.margins.left;
    doc.y = y + height + 10;
  }
}
