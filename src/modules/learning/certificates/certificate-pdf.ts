import QRCode from 'qrcode';
import { createPdf } from '../../reports/reports.public.js';
import { checkPageUrl, type CertificateView } from './credential.js';

/** Formats a stored code for reading aloud and typing: ABCDE-FGHJK. */
export const displayCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

const vietnameseDate = (day: string) => {
  const [y, m, d] = day.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
};

/**
 * The printable certificate: one landscape A4 page in Vietnamese (the language of the
 * province's documents), with the check code and a QR code of the public check page, so
 * whoever is shown the paper can confirm it with a phone.
 */
export async function certificatePdf(view: CertificateView, base: string, options: { compress?: boolean } = {}): Promise<Buffer> {
  const url = checkPageUrl(base, displayCode(view.code));
  const qr = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const { doc, finish } = await createPdf({ title: `Chứng nhận ${displayCode(view.code)}`, layout: 'landscape', compress: options.compress });
  const width = doc.page.width - 72;
  doc.rect(24, 24, doc.page.width - 48, doc.page.height - 48).lineWidth(2).stroke('#1d4ed8');
  doc.font('bold').fontSize(12).fillColor('#111').text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 36, 48, { width, align: 'center' });
  doc.font('regular').fontSize(11).text('Độc lập - Tự do - Hạnh phúc', { width, align: 'center' });
  doc.moveDown(1.2);
  doc.font('bold').fontSize(26).fillColor('#1d4ed8').text('GIẤY CHỨNG NHẬN', { width, align: 'center' });
  doc.font('regular').fontSize(13).fillColor('#111').text('Đạt kỹ năng số cơ bản — phong trào “Bình dân học vụ số”', { width, align: 'center' });
  doc.moveDown(1);
  doc.fontSize(12).text(`${view.provinceName} chứng nhận`, { width, align: 'center' });
  doc.font('bold').fontSize(22).text(view.holderName, { width, align: 'center' });
  doc.font('regular').fontSize(12).text(`${view.unitName}`, { width, align: 'center' });
  doc.moveDown(0.8);
  doc.text('đã được xác nhận đạt các kỹ năng số cơ bản:', { width, align: 'center' });
  doc.moveDown(0.3);
  const listWidth = width - 220;
  for (const skill of view.skills) doc.text(`•  ${skill.name}`, 72, undefined, { width: listWidth });
  doc.moveDown(0.8);
  doc.text(`Ngày xác nhận: ${vietnameseDate(view.achievedOn)}`, 72, undefined, { width: listWidth });
  const qrSize = 130;
  const qrX = doc.page.width - 72 - qrSize;
  const qrY = doc.page.height - 72 - qrSize - 36;
  doc.image(qr, qrX, qrY, { width: qrSize, height: qrSize });
  doc.font('bold').fontSize(12).text(`Mã kiểm tra: ${displayCode(view.code)}`, qrX - 60, qrY + qrSize + 6, { width: qrSize + 60, align: 'right' });
  doc.font('regular').fontSize(9).text(`Kiểm tra tại: ${url}`, 72, doc.page.height - 64, { width: width - 40 });
  return finish();
}
