import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const PLACEHOLDER = 'self.__DOORSTEP_PRECACHE__';
const COMPRESSIBLE = /\.(?:js|css|html|svg|json|webmanifest)$/;
/** Not precached: the worker itself and the compressed twins the server picks by Accept-Encoding. */
const SKIP = /(?:^sw\.js|\.gz|\.br|\.map)$/;

function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/**
 * Writes dist/sw.js from the hand-written template with the app shell's file list and a version
 * made from their contents injected, so every build that changes a file changes sw.js's bytes
 * and browsers install the new worker. Then writes .br and .gz twins of the text files, which
 * the server sends as they are (no compression work per request, and slow 3G gets ~1/3 of the bytes).
 */
export function serviceWorker(options: { template: string; exclude?: RegExp }): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'doorstep-service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle() {
      const outDir = path.resolve(config.root, config.build.outDir);
      // `exclude`: lazy parts the field app never needs offline (the officers' dashboard).
      const files = listFiles(outDir).filter((file) => !SKIP.test(file) && !options.exclude?.test(file)).sort();
      const hash = createHash('sha256');
      for (const file of files) hash.update(file).update(fs.readFileSync(path.join(outDir, file)));
      const shell = { version: hash.digest('hex').slice(0, 12), urls: files.map((file) => `/${file}`) };
      const template = fs.readFileSync(options.template, 'utf8');
      if (!template.includes(PLACEHOLDER)) throw new Error(`${options.template} lacks ${PLACEHOLDER}`);
      fs.writeFileSync(path.join(outDir, 'sw.js'), template.replace(PLACEHOLDER, JSON.stringify(shell)));

      for (const file of listFiles(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const full = path.join(outDir, file);
        const body = fs.readFileSync(full);
        if (body.length < 1024) continue;
        fs.writeFileSync(`${full}.gz`, gzipSync(body, { level: 9 }));
        fs.writeFileSync(`${full}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
      config.logger.info(`service worker: ${shell.urls.length} files precached, version ${shell.version}`);
    },
  };
}
