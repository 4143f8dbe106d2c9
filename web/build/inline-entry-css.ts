import type { Plugin } from 'vite';
import { bundleOutputs } from './bundle-output.js';

/**
 * The list of files Vite's preload helper loads before a lazy chunk runs, as Vite writes it at the
 * top of a chunk that has lazy imports: one shared list, and each `import()` naming its entries by
 * index (`__vite__mapDeps([0,1,2])`).
 */
const PRELOAD_LIST = /^const __vite__mapDeps=\(i,m=__vite__mapDeps,d=\(m\.f\|\|\(m\.f=(\[[^\]]*\])\)\)\)=>i\.map\(i=>d\[i\]\);\n/;
const PRELOAD_CALL = /__vite__mapDeps\(\[([\d,]*)\]\)/g;

/**
 * A chunk's code with `file` taken out of its preload list, the indices after it renumbered.
 * Every lazy chunk that imports the entry lists the entry's stylesheet among the files to load
 * first; once that sheet is inlined and its file gone, the helper would ask for a file that does
 * not exist, the lazy import would fail, and the screen behind it would never open.
 */
export function dropPreloadedFile(code: string, file: string): string {
  const found = PRELOAD_LIST.exec(code);
  if (!found) return code;
  const files = JSON.parse(found[1]!) as string[];
  const gone = files.indexOf(file);
  if (gone < 0) return code;
  const head = found[0].replace(found[1]!, () => JSON.stringify(files.filter((_, i) => i !== gone)));
  const body = code.slice(found[0].length).replace(PRELOAD_CALL, (_call, list: string) => {
    const kept = list.split(',').filter(Boolean).map(Number).filter((i) => i !== gone).map((i) => (i > gone ? i - 1 : i));
    return `__vite__mapDeps([${kept.join(',')}])`;
  });
  return head + body;
}

/**
 * Puts the entry's stylesheet into index.html as a <style> element instead of a <link>: the
 * shell index.html paints (top bar, sign-in form) is styled by the first response, without a
 * second round trip that slow 3G makes cost 0.4 s or more. The app's own styles are small (a few
 * KB gzipped), so the whole sheet is the "critical" CSS. Lazy parts keep their own CSS files.
 * The sheet's file is then dropped from the build, and from every chunk's preload list: nothing
 * may name a file the build no longer holds (checked here, so a new way of naming it fails the
 * build rather than a screen in someone's hands).
 */
export function inlineEntryCss(): Plugin {
  return {
    name: 'doorstep-inline-entry-css',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const assets = bundleOutputs(bundle);
        const html = assets['index.html'];
        if (!html || typeof html.source !== 'string') return this.error('index.html not found in the bundle');
        const link = /<link rel="stylesheet"(?: crossorigin)? href="\/(assets\/index-[^"]+\.css)">/;
        const found = link.exec(html.source);
        if (!found) return this.error('index.html has no entry stylesheet to inline');
        const file = found[1]!;
        const css = assets[file]?.source;
        if (css === undefined) return this.error(`${file} not found in the bundle`);
        const text = typeof css === 'string' ? css : new TextDecoder().decode(css);
        if (text.includes('</style')) return this.error(`${file} cannot be inlined`);
        html.source = html.source.replace(found[0], () => `<style>${text}</style>`);
        // Nothing links to it any more: neither the page nor the service worker need download it.
        delete (bundle as Record<string, unknown>)[file];
        for (const [name, output] of Object.entries(assets)) {
          if (output.type === 'chunk' && output.code !== undefined) output.code = dropPreloadedFile(output.code, file);
          const text = output.type === 'chunk' ? output.code : typeof output.source === 'string' ? output.source : undefined;
          if (text?.includes(file)) return this.error(`${name} still names ${file}, which is inlined into index.html`);
        }
      },
    },
  };
}
