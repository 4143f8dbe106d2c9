import { bytesBlob } from '../db/bytes-blob.js';

/** A dump's bytes as PGlite's `loadDataDir` reads them (bytes-blob.ts). */
export function dumpBlob(bytes: Buffer): Blob {
  return bytesBlob(bytes, 'application/x-tar');
}
