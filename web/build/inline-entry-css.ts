import type { Plugin } from 'vite';

interface AssetLike {
  type: 'chunk' | 'asset';
  source?: string | Uint8Array;
}

/**
 * Puts the entry's stylesheet into index.html as a <style> element instead of a <link>: the
 * shell index.html paints (top bar, sign-in form) is styled by the first response, without a
 * second round trip that slow 3G makes cost 0.4 s or more. The app's own styles are small (a few
 * KB gzipped), so the whole sheet is the "critical" CSS. Lazy parts keep their own CSS files.
 */
export function inlineEntryCss(): Plugin {
  return {
    name: 'doorstep-inline-entry-css',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const assets = bundle as unknown as Record<string, AssetLike>;
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
      },
    },
  };
}
