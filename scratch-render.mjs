// node render.mjs file.pdf outdir [scale] — every page to PNG through pdfjs + @napi-rs/canvas
import fs from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const [file, out, scale = '1.3'] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const pdf = await getDocument({ data: new Uint8Array(fs.readFileSync(file)) }).promise;
for (let n = 1; n <= pdf.numPages; n += 1) {
  const page = await pdf.getPage(n);
  const viewport = page.getViewport({ scale: Number(scale) });
  const canvasAndContext = pdf.canvasFactory.create(viewport.width, viewport.height);
  await page.render({ canvasContext: canvasAndContext.context, canvas: canvasAndContext.canvas, viewport }).promise;
  fs.writeFileSync(`${out}/page-${String(n).padStart(2, '0')}.png`, canvasAndContext.canvas.toBuffer('image/png'));
}
console.log(pdf.numPages, 'pages');
