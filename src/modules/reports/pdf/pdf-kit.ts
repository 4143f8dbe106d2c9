import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * PDF building blocks on pdfkit: a document with DejaVu Sans embedded (it has every Vietnamese
 * letter; the font files come from the `dejavu-fonts-ttf` package, so nothing depends on the
 * machine's fonts or downloads anything), headings kept with what follows them, and tables
 * that break across pages. Charts are drawn by chart-svg.ts.
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

let measurer: Pdf | undefined;

/** The width in points of a text in the embedded font: what charts lay their labels out by. */
export function measureText(text: string, size: number, bold = false): number {
  if (!measurer) {
    measurer = new PDFDocument({ autoFirstPage: false });
    measurer.registerFont('regular', loadFonts().regular);
    measurer.registerFont('bold', loadFonts().bold);
  }
  return measurer.font(bold ? 'bold' : 'regular').fontSize(size).widthOfString(text);
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
export const bottomOf = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;
/** The room a fresh page has for content. */
export const pageRoom = (doc: Pdf) => doc.page.height - doc.page.margins.top - doc.page.margins.bottom;

/** Starts a new page unless `height` still fits below the cursor. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

/** The height a heading takes, its gap below included. */
export function headingHeight(doc: Pdf, text: string, size: number): number {
  doc.font('bold').fontSize(size);
  return doc.heightOfString(text, { width: contentWidth(doc) }) + doc.currentLineHeight() * 0.3;
}

/**
 * A heading that never ends a page: it moves to the next page with the first `keepWith` points
 * of what follows it (a table's header and first row, a chart) when they do not fit below it.
 */
export function heading(doc: Pdf, text: string, size = 14, keepWith = 40): void {
  ensureSpace(doc, headingHeight(doc, text, size) + Math.min(keepWith, pageRoom(doc) - headingHeight(doc, text, size)));
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
