import type { Plugin } from 'vite';
import { bundleOutputs } from './bundle-output.js';

/**
 * Writes into index.html the files a lazy part needs beyond the entry (its chunk, the chunks it
 * imports, their CSS), in place of `[] /*<placeholder>*\/` in its inline script. That script starts
 * downloading them when the page is opened at that part's address, alongside the entry instead of
 * after it: one round trip less, 0.4 s or more on slow 3G.
 */
export function routePreload(options: { chunk: string; placeholder: string }): Plugin {
  const marker = `[] /*${options.placeholder}*/`;
  return {
    name: 'doorstep-route-preload',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_output, bundle) {
        const chunks = bundleOutputs(bundle);
        const html = chunks['index.html'];
        if (!html || typeof html.source !== 'string' || !html.source.includes(marker)) return this.error(`index.html lacks ${marker}`);
        const closure = (start: string, into = new Set<string>()) => {
          if (into.has(start)) return into;
          into.add(start);
          for (const imported of chunks[start]?.imports ?? []) closure(imported, into);
          return into;
        };
        const entry = Object.keys(chunks).find((file) => chunks[file]?.type === 'chunk' && chunks[file]?.isEntry);
        const lazy = Object.keys(chunks).find((file) => chunks[file]?.isDynamicEntry && chunks[file]?.name === options.chunk);
        if (!entry || !lazy) return this.error(`chunk "${options.chunk}" or the entry not found`);
        const loaded = closure(entry);
        const needed = [...closure(lazy)].filter((file) => !loaded.has(file));
        const css = needed.flatMap((file) => [...(chunks[file]?.viteMetadata?.importedCss ?? [])]);
        const files = [...needed, ...css].map((file) => `/${file}`);
        html.source = html.source.replace(marker, () => JSON.stringify(files));
      },
    },
  };
}
