// What other modules may use of reports beyond its services and schemas (docs/decisions.md,
// "Module boundaries"): the PDF page set-up and download names.
export { createPdf } from './pdf/pdf-kit.js';
export { attachment } from './report-format.js';
