/**
 * Bytes as PGlite reads a Blob (a dump for `loadDataDir`, its file bundle): PGlite asks only for
 * `arrayBuffer()` and `type`, and Node 20's Blob took about 0.7 s of CPU to hand back the 44 MB it
 * was made from. Each call hands back a copy of its own.
 */
export function bytesBlob(bytes: Buffer, type: string): Blob {
  return { type, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) } as unknown as Blob;
}
