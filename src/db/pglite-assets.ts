import fs from 'node:fs';
import { createRequire } from 'node:module';
import { bytesBlob } from './bytes-blob.js';

export interface PGliteAssets {
  pgliteWasmModule: WebAssembly.Module;
  initdbWasmModule: WebAssembly.Module;
  fsBundle: Blob;
}

let assets: Promise<PGliteAssets> | undefined;

/**
 * PGlite's WebAssembly compiled, and its file bundle read, once per process. PGlite compiles
 * 9 MB of WebAssembly at every `create`; a process that opens many embedded databases (a test
 * worker opens one per test file, a hundred in a run) then pays it once: an open from a dump
 * took 1.1 s of CPU, 0.8 s with these.
 */
export function pgliteAssets(): Promise<PGliteAssets> {
  assets ??= (async () => {
    const require = createRequire(import.meta.url);
    const read = (name: string) => fs.promises.readFile(require.resolve(`@electric-sql/pglite/${name}`));
    const [pglite, initdb, bundle] = await Promise.all([read('pglite.wasm'), read('initdb.wasm'), read('pglite.data')]);
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all([WebAssembly.compile(pglite), WebAssembly.compile(initdb)]);
    return { pgliteWasmModule, initdbWasmModule, fsBundle: bytesBlob(bundle, 'application/octet-stream') };
  })();
  return assets;
}
