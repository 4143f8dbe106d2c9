import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One run of text as printed: its size in points, whether its font is bold, where it sits. */
export interface PdfTextItem {
  str: string;
  size: number;
  bold: boolean;
  /** Left edge and baseline, in points from the page's top-left corner. */
  x: number;
  y: number;
}

export interface PdfText {
  pages: number;
  /** Each page's text, items joined by spaces and runs of white space collapsed. */
  pageTexts: string[];
  /** All pages, joined the same way. */
  text: string;
  /** Each page's text runs with their type, for layout checks (sizes, what ends a page). */
  pageItems: PdfTextItem[][];
  /** Each page's size in points. */
  pageSizes: { width: number; height: number }[];
}

/**
 * Extracts the text of a PDF the way a reader (or a search) sees it, through PDF.js: glyphs are
 * mapped back to Unicode by the font's ToUnicode table, so a font embedded without the right
 * Vietnamese letters, or a wrong mapping, shows here as wrong text.
 */
export async function pdfText(data: Buffer | Uint8Array): Promise<PdfText> {
  const pdf = await getDocument({ data: new Uint8Array(data), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false }).promise;
  try {
    const pageTexts: string[] = [];
    const pageItems: PdfTextItem[][] = [];
    const pageSizes: { width: number; height: number }[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      // The operator list loads the fonts, whose real names ("…+DejaVuSans-Bold") tell bold type apart.
      await page.getOperatorList();
      const height = page.view[3]! - page.view[1]!;
      const fontName = (id: string): string => {
        try {
          return String((page.commonObjs.get(id) as { name?: string }).name ?? '');
        } catch {
          return '';
        }
      };
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, , , e, f] = item.transform as number[];
        items.push({ str: item.str, size: Math.round(Math.hypot(a!, b!) * 100) / 100, bold: /bold/i.test(fontName(item.fontName)), x: e!, y: height - f! });
      }
      pageItems.push(items);
      pageSizes.push({ width: page.view[2]! - page.view[0]!, height });
      const strings = content.items.map((item) => ('str' in item ? item.str : ''));
      pageTexts.push(strings.join(' ').replace(/\s+/g, ' ').trim());
    }
    return { pages: pdf.numPages, pageTexts, text: pageTexts.join(' '), pageItems, pageSizes };
  } finally {
    await pdf.destroy();
  }
}
