// svg-to-pdfkit ships no types: what Doorstep calls of it.
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    /** Read SVG pixels as PDF points (else 1 px = 0.75 pt). */
    assumePt?: boolean;
    preserveAspectRatio?: string;
    /** The name of a font registered in the document, for an SVG font family and weight. */
    fontCallback?: (family: string, bold: boolean, italic: boolean, options: { fauxBold?: boolean; fauxItalic?: boolean }) => string;
    warningCallback?: (message: string) => void;
  }
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
}
