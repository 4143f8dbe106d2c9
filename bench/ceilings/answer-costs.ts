import zlib from 'node:zlib';
import fastJson from 'fast-json-stringify';
import type { TSchema } from 'typebox';
import { jsonBytes } from '../../src/http/json-bytes.js';

/** What one answer of a read route weighs, and the CPU it costs to turn into bytes. */
export interface AnswerCosts {
  /** The JSON body, uncompressed, and as it travelled (compressed as the client asked). */
  bytes: { json: number; sent: number; encoding: string | null };
  /**
   * CPU time (user + system of this process, per answer, mean of `runs`) of serialising the
   * answer by the route's response schema (what Fastify does), by JSON.stringify for
   * comparison, as the dashboard's routes hand it on (`asSent`: UTF-8 bytes made piece by piece,
   * src/http/json-bytes.ts), and of compressing it as the server does (brotli, quality 4). CPU time, not
   * wall time, so a loaded machine inflates it far less.
   */
  cpuMs: { schema: number; jsonStringify: number; asSent: number; brotli: number };
}

function cpuMsPer(runs: number, work: () => unknown): number {
  work();
  const start = process.cpuUsage();
  for (let i = 0; i < runs; i++) work();
  const used = process.cpuUsage(start);
  return Number(((used.user + used.system) / 1000 / runs).toFixed(3));
}

export function answerCosts(body: unknown, schema: TSchema, sent: { bytes: number; encoding: string | null }, runs = 50): AnswerCosts {
  const serialise = fastJson(schema as Parameters<typeof fastJson>[0]);
  const json = serialise(body);
  return {
    bytes: { json: Buffer.byteLength(json), sent: sent.bytes, encoding: sent.encoding },
    cpuMs: {
      schema: cpuMsPer(runs, () => serialise(body)),
      jsonStringify: cpuMsPer(runs, () => JSON.stringify(body)),
      asSent: cpuMsPer(runs, () => jsonBytes(body)),
      brotli: cpuMsPer(Math.max(5, Math.round(runs / 5)), () => zlib.brotliCompressSync(json, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })),
    },
  };
}
