import type { Language } from '../../../i18n/index.js';
import { contentWidth, createPdf, type Pdf } from './pdf-kit.js';
import { formatDay, formatStamp } from '../report-format.js';
import { labels } from '../report-labels.js';
import type { MovementSummary } from '../summary.service.js';

const BULLET_INDENT = 14;

/** Height the body takes at a font size: the lead, then a bullet per sentence. */
function bodyHeight(doc: Pdf, summary: MovementSummary, size: number): number {
  const width = contentWidth(doc);
  doc.font('regular').fontSize(size);
  const gap = size * 0.5;
  return doc.heightOfString(summary.lead, { width }) + gap
    + summary.sentences.reduce((sum, s) => sum + doc.heightOfString(`${s.text}.`, { width: width - BULLET_INDENT }) + gap * 0.6, 0)
    + (summary.noData === null ? 0 : doc.heightOfString(summary.noData, { width }) + gap);
}

/**
 * The one-page printable summary: the lead and one bullet per figure. The type shrinks until
 * it fits one page, so a plan with many indicators still prints on a single sheet.
 */
export async function summaryPdf(summary: MovementSummary, lang: Language, options: { compress?: boolean; now?: Date } = {}): Promise<Buffer> {
  const l = labels(lang);
  const { doc, finish } = createPdf({ title: `${l.summaryTitle} — ${summary.unit.name}`, compress: options.compress });
  const width = contentWidth(doc);
  const left = doc.page.margins.left;

  doc.font('bold').fontSize(14).text(l.summaryTitle, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(10).fillColor('#333333')
    .text(`${l.unit}: ${summary.unit.name} (${summary.unit.code}) — ${l.asOf}: ${formatDay(lang, summary.day)}`, { width, align: 'center' });
  doc.moveDown(1).fillColor('#000000');

  const available = doc.page.height - doc.page.margins.bottom - doc.y - 30;
  let size = 11;
  while (size > 6 && bodyHeight(doc, summary, size) > available) size -= 0.5;
  const gap = size * 0.5;

  doc.font('bold').fontSize(size).text(summary.lead, left, doc.y, { width });
  doc.y += gap;
  for (const sentence of summary.sentences) {
    const y = doc.y;
    doc.font('regular').fontSize(size).text('•', left, y, { width: BULLET_INDENT, lineBreak: false });
    doc.text(`${sentence.text}.`, left + BULLET_INDENT, y, { width: width - BULLET_INDENT });
    doc.y += gap * 0.6;
  }
  if (summary.noData !== null) {
    doc.y += gap;
    doc.font('regular').fontSize(size).fillColor('#555555').text(summary.noData, left, doc.y, { width });
  }

  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.font('regular').fontSize(7).fillColor('#777777')
    .text(`Doorstep — ${l.generatedAt} ${formatStamp(lang, options.now ?? new Date())}`, left, doc.page.height - 24, { width, lineBreak: false });
  doc.page.margins.bottom = bottom;
  return finish();
}
