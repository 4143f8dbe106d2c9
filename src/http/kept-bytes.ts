import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { jsonBytes } from './json-bytes.js';

/** How answers are compressed: app.ts gives the same to @fastify/compress. */
export const COMPRESSION = {
  threshold: 1024,
  encodings: ['br', 'gzip'] as const,
  brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
};

type Encoding = (typeof COMPRESSION.encodings)[number];

const jsonOf = new WeakMap<object, Buffer>();
const compressedOf = new WeakMap<Buffer, Map<Encoding, Buffer>>();

/**
 * An answer's JSON bytes, made once per answer object. For an answer kept between changes of
 * the data (src/db/kept-answers.ts) the same object is given again and again, and so are its
 * bytes; kept answers are never changed after they are made.
 */
function keptJson(data: unknown): Buffer {
  if (typeof data !== 'object' || data === null) return jsonBytes(data);
  let bytes = jsonOf.get(data);
  if (!bytes) {
    bytes = jsonBytes(data);
    jsonOf.set(data, bytes);
  }
  return bytes;
}

/** The encoding the request prefers among ours (its q-values, then our order), or null. */
export function preferredEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  let best: { encoding: Encoding; q: number } | null = null;
  for (const part of header.toLowerCase().split(',')) {
    const [token = '', ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!(q > 0)) continue;
    const names: readonly Encoding[] = token === '*' ? COMPRESSION.encodings : COMPRESSION.encodings.filter((e) => e === token.trim());
    for (const encoding of names) {
      if (!best || q > best.q || (q === best.q && COMPRESSION.encodings.indexOf(encoding) < COMPRESSION.encodings.indexOf(best.encoding))) best = { encoding, q };
    }
  }
  return best?.encoding ?? null;
}

function compressed(bytes: Buffer, encoding: Encoding): Buffer {
  let forms = compressedOf.get(bytes);
  if (!forms) {
    forms = new Map();
    compressedOf.set(bytes, forms);
  }
  let form = forms.get(encoding);
  if (!form) {
    form = encoding === 'br' ? zlib.brotliCompressSync(bytes, COMPRESSION.brotliOptions) : zlib.gzipSync(bytes);
    forms.set(encoding, form);
  }
  return form;
}

/**
 * A route whose answers may be kept: serialised as built (schemas.ts, serialisedAsBuilt), and
 * compressed here, both once per answer, so a kept answer costs neither again. Answers set
 * their encoding before @fastify/compress sees them, and it leaves an encoded answer as it is.
 */
export const servedAsKept = {
  serializerCompiler: () => (data: unknown) => keptJson(data) as unknown as string,
  onSend: async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!Buffer.isBuffer(payload) || payload.length < COMPRESSION.threshold) return payload;
    reply.header('vary', 'accept-encoding');
    const encoding = preferredEncoding(request.headers['accept-encoding']);
    if (encoding === null) return payload;
    const body = compressed(payload, encoding);
    reply.header('content-encoding', encoding);
    reply.header('content-length', body.length);
    return body;
  },
};
