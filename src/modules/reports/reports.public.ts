// What other modules may use of reports beyond its services and schemas (docs/decisions.md,
// "Module boundaries"): the PDF page set-up and download names.
import type { Pdf, PdfOptions } from './pdf/pdf-kit.js';

/** A new PDF document with the reports' page set-up; pdfkit loads on the first one (about 30 MB). */
export async function createPdf(options: PdfOptions): Promise<{ doc: Pdf; finish: () => Promise<Buffer> }> {
  return (await import('./pdf/pdf-kit.js')).createPdf(options);
}
export { attachment } from './report-format.js';
