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
const compressedOf = new WeakMap<Buffer, Map<Encoding, { bytes: Buffer; small: boolean }>>();

/**
 * An answer's JSON bytes, made once per answer object: serialised as JSON.stringify would, not
 * by the schema's compiled serialiser, for answers that are large and built to their schema field
 * by field (the dashboard's figures). Measured on the province's children (102 communes × 11
 * indicators, 400 KB): 1.3–1.8 ms of CPU against 3.7–4.7 ms, since every nullable field and every
 * union is an `anyOf` that the compiled serialiser resolves by validating each branch. The schema
 * still documents the answer, and the route's test checks that the answer is exactly what the
 * schema's serialiser would write. Handed on as UTF-8 bytes made piece by piece (json-bytes.ts):
 * as one string, flattening and encoding it cost four times the stringify. Fastify sends a
 * Buffer from a serialiser as it sends one from a handler (its type says string only).
 * For an answer kept between changes of
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

/**
 * A kept answer with fields of this moment after its own (the time its figures are current
 * at): the kept part is serialised once, as any kept answer, and the moment's fields are joined
 * to its bytes on every request, where building the answer afresh around them cost its
 * serialisation and a compression stream each time.
 */
export class KeptWithMoment {
  constructor(readonly kept: object, readonly moment: Readonly<Record<string, string | number | boolean | null>>) {}

  /** What the route answers: its schema's shape, built by the serialiser below. */
  asAnswer<T>(): T {
    return this as unknown as T;
  }
}

/** The last bytes made of each kept answer with a moment, and that moment: answered again while the moment holds. */
const lastWithMoment = new WeakMap<object, { fields: string; bytes: Buffer }>();

function bytesWithMoment({ kept, moment }: KeptWithMoment): Buffer {
  const fields = Object.entries(moment).map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value)}`).join(',');
  const last = lastWithMoment.get(kept);
  // The same Buffer again, so its compressed forms (kept per Buffer) are made once per moment too.
  if (last?.fields === fields) return last.bytes;
  const base = keptJson(kept);
  if (base[base.length - 1] !== 0x7d || fields === '') throw new Error('A moment joins a kept object with fields of its own');
  // The kept object's fields, then the moment's, as its schema orders them: "…,figuresAt":…}.
  const tail = `${base.length > 2 ? ',' : ''}${fields}}`;
  const bytes = Buffer.concat([base.subarray(0, base.length - 1), Buffer.from(tail)]);
  lastWithMoment.set(kept, { fields, bytes });
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

/** Each encoding at its quickest: an answer's first sending (see compressed). */
const QUICK: Record<Encoding, zlib.BrotliOptions | zlib.ZlibOptions> = {
  br: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } },
  gzip: { level: 1 },
};

/**
 * An answer's compressed form, once per answer and encoding: the first request gets it made at
 * the quickest settings, the second makes the small one, and every later request sends that.
 * While the field syncs, an answer is often sent once before the next change makes it again:
 * at its usual settings its compression was a seventh of the read (1.5–2.5 ms of the server's CPU
 * for the children's 270 KB, where the quickest takes a third of it and sends about a quarter
 * more bytes). An answer asked again is worth the smaller bytes.
 */
function compressed(bytes: Buffer, encoding: Encoding): Buffer {
  let forms = compressedOf.get(bytes);
  if (!forms) {
    forms = new Map();
    compressedOf.set(bytes, forms);
  }
  let form = forms.get(encoding);
  if (!form) {
    form = { bytes: encode(bytes, encoding, QUICK[encoding]), small: false };
    forms.set(encoding, form);
  } else if (!form.small) {
    form.bytes = encode(bytes, encoding);
    form.small = true;
  }
  return form.bytes;
}

function encode(bytes: Buffer | string, encoding: Encoding, options?: zlib.BrotliOptions | zlib.ZlibOptions): Buffer {
  return encoding === 'br' ? zlib.brotliCompressSync(bytes, options ?? COMPRESSION.brotliOptions) : zlib.gzipSync(bytes, options);
}

/** Sets the answer's encoding (the one the request prefers) and answers its compressed bytes; the payload when it asks for none. */
function sendEncoded(request: FastifyRequest, reply: FastifyReply, payload: Buffer | string, compress: (encoding: Encoding) => Buffer): Buffer | string {
  reply.header('vary', 'accept-encoding');
  const encoding = preferredEncoding(request.headers['accept-encoding']);
  if (encoding === null) return payload;
  const body = compress(encoding);
  reply.header('content-encoding', encoding);
  reply.header('content-length', body.length);
  return body;
}

/**
 * A route whose answers may be kept: serialised as built (keptJson) once per answer, and
 * compressed here (quickly for its first request, small from its second: see compressed), so a
 * kept answer costs neither again. An answer with
 * a moment (KeptWithMoment) is made and compressed once per answer and moment, in one call
 * rather than through a stream (0.27 ms of the server's CPU for the province's 4 KB). Answers set
 * their encoding before @fastify/compress sees them, and it leaves an encoded answer as it is.
 */
export const servedAsKept = {
  serializerCompiler: () => (data: unknown) => (data instanceof KeptWithMoment ? bytesWithMoment(data) : keptJson(data)) as unknown as string,
  onSend: async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!Buffer.isBuffer(payload) || payload.length < COMPRESSION.threshold) return payload;
    return sendEncoded(request, reply, payload, (encoding) => compressed(payload, encoding));
  },
};

/**
 * A route's onSend for answers made afresh on each request and of tens of kilobytes (a sync
 * batch's 500 results, 32 KB): compressed in one call, with the same encodings as
 * @fastify/compress, whose stream (its chunks pushed through readable-stream, the work handed to
 * the thread pool and back) cost the server more than the compression itself. At the quick
 * settings: such an answer is never asked again, and its ids are random, so brotli at its usual
 * quality took 0.51 ms of a batch's answer for 10.5 KB where the quickest takes 0.12 ms for 11.5 KB.
 */
export async function compressAtOnce(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  if (Buffer.byteLength(payload) < COMPRESSION.threshold || reply.getHeader('content-encoding') !== undefined) return payload;
  if (request.headers['x-no-compression'] !== undefined) return payload;
  return sendEncoded(request, reply, payload, (encoding) => encode(payload, encoding, QUICK[encoding]));
}
