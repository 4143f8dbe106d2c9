import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { bundleOutputs } from './bundle-output.js';

/**
 * Fails the build when the JS a first visit downloads for an entry (the entry chunk and every
 * chunk it imports statically; lazy chunks excluded) is over budget, gzipped. The design's
 * budget is 150 KB for the field app, so the check lives in the build, not in anyone's memory.
 */
export function entryBudget(options: { entry: string; maxGzipBytes: number }): Plugin {
  return {
    name: 'doorstep-entry-budget',
    apply: 'build',
    generateBundle(_output, bundle) {
      const chunks = bundleOutputs(bundle);
      const entry = Object.entries(chunks).find(([, c]) => c.type === 'chunk' && c.isEntry && c.name === options.entry);
      if (!entry) return this.error(`entry "${options.entry}" not found in the bundle`);
      const seen = new Set<string>();
      const visit = (fileName: string) => {
        if (seen.has(fileName)) return;
        seen.add(fileName);
        for (const imported of chunks[fileName]?.imports ?? []) visit(imported);
      };
      visit(entry[0]);
      let total = 0;
      for (const fileName of seen) total += gzipSync(chunks[fileName]?.code ?? '', { level: 9 }).length;
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
      const line = `entry "${options.entry}": ${kb(total)} gzipped JS in ${seen.size} chunk(s), budget ${kb(options.maxGzipBytes)}`;
      if (total > options.maxGzipBytes) return this.error(`over budget: ${line}`);
      this.info(line);
      // What each lazy part adds when it is opened (its chunk and what it imports beyond the entry), for the record.
      for (const [fileName, chunk] of Object.entries(chunks)) {
        if (chunk.type !== 'chunk' || !chunk.isDynamicEntry) continue;
        const own = new Set<string>();
        const collect = (name: string) => {
          if (seen.has(name) || own.has(name)) return;
          own.add(name);
          for (const imported of chunks[name]?.imports ?? []) collect(imported);
        };
        collect(fileName);
        let bytes = 0;
        for (const name of own) bytes += gzipSync(chunks[name]?.code ?? '', { level: 9 }).length;
        this.info(`lazy "${chunk.name}": ${kb(bytes)} gzipped JS on opening`);
      }
    },
  };
}
