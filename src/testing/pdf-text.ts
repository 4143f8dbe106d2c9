import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  pages: number;
  /** Each page's text, items joined by spaces and runs of white space collapsed. */
  pageTexts: string[];
  /** All pages, joined the same way. */
  text: string;
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
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const strings = content.items.map((item) => ('str' in item ? item.str : ''));
      pageTexts.push(strings.join(' ').replace(/\s+/g, ' ').trim());
    }
    return { pages: pdf.numPages, pageTexts, text: pageTexts.join(' ') };
  } finally {
    await pdf.destroy();
  }
}
