import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * PDF building blocks on pdfkit: a document with DejaVu Sans embedded (it has every Vietnamese
 * letter; the font files come from the `dejavu-fonts-ttf` package, so nothing depends on the
 * machine's fonts or downloads anything), tables that break across pages, and bar charts.
 */
export type Pdf = PDFKit.PDFDocument;

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;

function loadFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

export interface PdfOptions {
  title: string;
  layout?: 'portrait' | 'landscape';
  /** Tests may turn compression off to read the content streams; the default is on. */
  compress?: boolean;
}

/** A new A4 document with the embedded fonts registered as `regular` and `bold`. */
export function createPdf(options: PdfOptions): { doc: Pdf; finish: () => Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4', layout: options.layout ?? 'portrait', margin: 36, bufferPages: true, compress: options.compress ?? true,
    info: { Title: options.title, Author: 'Doorstep', Creator: 'Doorstep' }, lang: 'vi',
  } as PDFKit.PDFDocumentOptions);
  const { regular, bold } = loadFonts();
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  doc.font('regular');
  const chunks: Buffer[] = [];
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    finish: () => {
      doc.end();
      return ended;
    },
  };
}

/** Writes "label i/n" at the foot of every page; call once all pages exist. */
export function numberPages(doc: Pdf, label: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing below the bottom margin would make pdfkit start a new page: lift the margin first.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor('#666666')
      .text(`${label} ${i + 1}/${range.count}`, doc.page.margins.left, doc.page.height - 24, { width: contentWidth(doc), align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

export const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottomOf = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` still fits below the cursor. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

export function heading(doc: Pdf, text: string, size = 14): void {
  doc.font('bold').fontSize(size).fillColor('#000000').text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableCell {
  text: string;
  colour?: string;
  bold?: boolean;
}

const PAD = 3;

/** A bordered table whose rows grow with their text and which repeats its header on a new page. */
export function drawTable(doc: Pdf, columns: readonly Column[], rows: readonly (readonly (string | TableCell)[])[], fontSize = 8): void {
  const x0 = doc.page.margins.left;
  const cellOf = (value: string | TableCell): TableCell => (typeof value === 'string' ? { text: value } : value);
  const heightOf = (cells: readonly TableCell[], bold: boolean) => Math.max(...cells.map((cell, i) => {
    doc.font(bold || cell.bold ? 'bold' : 'regular').fontSize(fontSize);
    return doc.heightOfString(cell.text || ' ', { width: columns[i]!.width - 2 * PAD });
  })) + 2 * PAD;

  const drawRow = (cells: readonly TableCell[], header: boolean) => {
    const height = heightOf(cells, header);
    if (doc.y + height > bottomOf(doc)) {
      doc.addPage();
      if (!header) drawRow(columns.map((c) => ({ text: c.header })), true);
    }
    const y = doc.y;
    let x = x0;
    cells.forEach((cell, i) => {
      const column = columns[i]!;
      if (header) doc.rect(x, y, column.width, height).fill('#E3F2FD');
      doc.lineWidth(0.5).rect(x, y, column.width, height).stroke('#888888');
      doc.font(header || cell.bold ? 'bold' : 'regular').fontSize(fontSize).fillColor(cell.colour ?? '#000000')
        .text(cell.text, x + PAD, y + PAD, { width: column.width - 2 * PAD, align: header ? 'center' : column.align ?? 'left' });
      x += column.width;
    });
    doc.x = x0;
    doc.y = y + height;
  };

  drawRow(columns.map((c) => ({ text: c.header })), true);
  for (const row of rows) drawRow(row.map(cellOf), false);
  doc.fillColor('#000000');
  doc.moveDown(0.5);
}

export interface Bar {
  label: string;
  value: number | null;
  /** The text written after the bar. */
  display: string;
  colour: string;
}

/**
 * A horizontal bar chart: one labelled bar per item on a common scale, with a dashed line at
 * `target` when there is one. Bars thin out to fit many units on one page.
 */
export function drawBarChart(doc: Pdf, chart: { title: string; bars: readonly Bar[]; target: number | null; note?: string }): void {
  const x0 = doc.page.margins.left;
  const width = contentWidth(doc);
  const labelWidth = Math.min(200, width * 0.3);
  const valueWidth = 70;
  const plotWidth = width - labelWidth - valueWidth;
  const maxHeight = bottomOf(doc) - doc.page.margins.top - 40;
  const barHeight = Math.max(4, Math.min(14, (maxHeight - 10) / Math.max(1, chart.bars.length) - 3));
  const gap = barHeight < 8 ? 1.5 : 3;
  const fontSize = Math.max(4.5, Math.min(8, barHeight - 1));
  const height = chart.bars.length * (barHeight + gap) + 40;
  ensureSpace(doc, Math.min(height, maxHeight + 40));

  heading(doc, chart.title, 10);
  if (chart.note) doc.font('regular').fontSize(7).fillColor('#555555').text(chart.note, x0, doc.y, { width });
  doc.moveDown(0.3);
  const top = doc.y;
  const scale = Math.max(1e-9, chart.target ?? 0, ...chart.bars.map((b) => b.value ?? 0));
  chart.bars.forEach((bar, i) => {
    const y = top + i * (barHeight + gap);
    doc.font('regular').fontSize(fontSize).fillColor('#000000')
      .text(bar.label, x0, y + (barHeight - fontSize) / 2 - 1, { width: labelWidth - 6, height: fontSize * 1.2, align: 'right', ellipsis: true });
    const length = bar.value === null ? 0 : (Math.max(0, bar.value) / scale) * plotWidth;
    if (length > 0) doc.rect(x0 + labelWidth, y, length, barHeight).fill(bar.colour);
    doc.fillColor('#000000').text(bar.display, x0 + labelWidth + length + 3, y + (barHeight - fontSize) / 2 - 1, { lineBreak: false });
  });
  const bottom = top + chart.bars.length * (barHeight + gap);
  doc.lineWidth(0.5).moveTo(x0 + labelWidth, top - 2).lineTo(x0 + labelWidth, bottom).stroke('#444444');
  if (chart.target !== null && chart.target > 0) {
    const x = x0 + labelWidth + (chart.target / scale) * plotWidth;
    doc.lineWidth(1).dash(3, { space: 2 }).moveTo(x, top - 4).lineTo(x, bottom + 2).stroke('#1565C0').undash();
  }
  doc.fillColor('#000000');
  doc.x = x0;
  doc.y = bottom + 12;
}
