import { errorCodes, type FastifyInstance } from 'fastify';
import sjson from 'secure-json-parse';
import { markStorable } from './storable-input.js';

/** What Fastify's own JSON parser refuses (`__proto__` keys, `constructor.prototype`), refused here too. */
const POISON = { protoAction: 'error', constructorAction: 'error' } as const;

/**
 * From this size on, a body is parsed in pieces. A string of over 128 KB is a large object to V8,
 * on pages of its own mapped afresh for it: a sync batch's 224 KB of text cost 1.3–1.5 ms to
 * decode and parse whole, most of it the kernel handing out those pages, against 0.8 ms in
 * pieces (docs/decisions.md, "Sync ingest: ids in binary, a body in pieces, …").
 */
export const PIECES_FROM_BYTES = 128 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const PLUS = 0x2b;
const POINT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const LETTER_E = 0x65;
const LETTER_CAPITAL_E = 0x45;
const LETTER_U = 0x75;
const LETTER_C = 0x63;
const UNDERSCORE = 0x5f;

/** Thrown for bytes that are not one JSON text (or that JSON.parse would have refused). */
export class InvalidJsonError extends SyntaxError {}

/**
 * The JSON text in `bytes` (UTF-8), as `JSON.parse` with Fastify's poisoning checks reads it.
 * A text of `piecesFrom` bytes or more whose top level is an object has each array that is a
 * member's value parsed element by element, and the object around them on its own, so no
 * string of the whole is made; anything else is parsed whole. The pieces are the text's own
 * bytes cut only at its structure (outside strings), so they read as the whole would, and a
 * text that is not JSON fails in one of them.
 */
export function parseJsonBytes(bytes: Buffer, piecesFrom = PIECES_FROM_BYTES): unknown {
  try {
    const pieces = bytes.length >= piecesFrom ? cutAtTopLevelArrays(bytes) : null;
    if (!pieces) return sjson.parse(bytes.toString('utf8'), POISON);
    // With no escape in the text, a key is spelt as written: where neither word is a string of
    // it, JSON.parse alone reads what the poisoning checks would (their patterns cost 0.15 ms a batch).
    const parse = !pieces.escapes && !pieces.poisonWords
      ? (text: string) => JSON.parse(text) as unknown
      : (text: string) => sjson.parse(text, POISON) as unknown;
    const result = parse(pieces.frame.toString('utf8')) as Record<string, unknown>;
    for (const array of pieces.arrays) {
      const elements: unknown[] = [];
      for (let k = 0; k < array.cuts.length; k += 2) {
        elements.push(parse(bytes.toString('utf8', array.cuts[k], array.cuts[k + 1])));
      }
      result[array.key] = elements;
    }
    if (!pieces.escapes && !pieces.largeNumbers) markStorable(result);
    return result;
  } catch (error) {
    throw new InvalidJsonError(error instanceof Error ? error.message : String(error));
  }
}

interface Pieces {
  /** The text with every cut array emptied: `"items":[]`. */
  frame: Buffer;
  /** Each cut array: its member's key and its elements' byte ranges, start and end in turn. */
  arrays: { key: string; cuts: number[] }[];
  /**
   * Whether a string holds a `\u` escape: without one, no string can hold a NUL or half a
   * surrogate pair (a raw control character is not JSON, and decoding UTF-8 never makes a
   * surrogate), nor spell a key otherwise than as written.
   */
  escapes: boolean;
  /**
   * Whether a number has an exponent or 200 characters: without one, none is past what a double
   * holds (under 10^200), so none reads as Infinity.
   */
  largeNumbers: boolean;
  /** Whether a string is `__proto__` or `constructor` as written: the poisoning checks then run. */
  poisonWords: boolean;
}

/**
 * Where the arrays that are the top-level object's members' values lie, and their elements.
 * Null (parse whole) when the text does not start with `{` (a byte order mark, an array), when it
 * ends before its structure does, when it has no such array, or when a key is repeated (the last
 * one wins in JSON.parse, whatever its value).
 */
function cutAtTopLevelArrays(bytes: Buffer): Pieces | null {
  let i = 0;
  while (i < bytes.length && isSpace(bytes[i]!)) i++;
  if (bytes[i] !== OPEN_OBJECT) return null;
  const keys: string[] = [];
  const arrays: { key: string; start: number; end: number; cuts: number[] }[] = [];
  let depth = 0;
  let expectKey = false;
  let keyStart = -1;
  let keyEnd = -1;
  let key: string | null = null;
  let array: { key: string; start: number; end: number; cuts: number[] } | null = null;
  let elementStart = 0;
  let escapes = false;
  let largeNumbers = false;
  let poisonWords = false;
  const n = bytes.length;
  for (; i < n; i++) {
    const c = bytes[i]!;
    if (c === QUOTE) {
      const start = i;
      const first = bytes[i + 1];
      if (first === UNDERSCORE) poisonWords ||= isStringAt(bytes, i + 1, PROTO);
      else if (first === LETTER_C) poisonWords ||= isStringAt(bytes, i + 1, CONSTRUCTOR);
      for (i++; i < n; i++) {
        const d = bytes[i]!;
        if (d === BACKSLASH) {
          i++;
          if (bytes[i] === LETTER_U) escapes = true;
        } else if (d === QUOTE) break;
      }
      if (i >= n) return null;
      if (depth === 1 && expectKey) {
        keyStart = start;
        keyEnd = i + 1;
        expectKey = false;
      }
      continue;
    }
    if (c === MINUS || (c >= DIGIT_0 && c <= DIGIT_9)) {
      // A number, read to its end: only its length and an exponent matter here.
      const start = i;
      while (i + 1 < n && isNumberByte(bytes[i + 1]!)) {
        i++;
        if (bytes[i] === LETTER_E || bytes[i] === LETTER_CAPITAL_E) largeNumbers = true;
      }
      if (i + 1 - start >= 200) largeNumbers = true;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++;
      if (depth === 1) expectKey = true;
      else if (depth === 2 && c === OPEN_ARRAY && key !== null) {
        array = { key, start: i, end: -1, cuts: [] };
        elementStart = i + 1;
      }
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === 2 && array) {
        if (array.cuts.length > 0 || !isBlank(bytes, elementStart, i)) array.cuts.push(elementStart, i);
        array.end = i;
        arrays.push(array);
        array = null;
      }
      depth--;
      if (depth === 0) break;
    } else if (c === COMMA) {
      if (depth === 1) expectKey = true;
      else if (depth === 2 && array) {
        array.cuts.push(elementStart, i);
        elementStart = i + 1;
      }
    } else if (c === COLON && depth === 1 && keyStart >= 0) {
      key = JSON.parse(bytes.toString('utf8', keyStart, keyEnd)) as string;
      keys.push(key);
    }
  }
  if (depth !== 0 || arrays.length === 0) return null;
  // Keys compare as read, so one repeated under another spelling (an escape) parses whole too.
  if (new Set(keys).size !== keys.length) return null;
  const parts: Buffer[] = [];
  let from = 0;
  for (const cut of arrays) {
    parts.push(bytes.subarray(from, cut.start + 1));
    from = cut.end;
  }
  parts.push(bytes.subarray(from));
  return { frame: Buffer.concat(parts), arrays: arrays.map(({ key, cuts }) => ({ key, cuts })), escapes, largeNumbers, poisonWords };
}

const PROTO = Buffer.from('__proto__"');
const CONSTRUCTOR = Buffer.from('constructor"');

/** Whether the bytes at `at` are `word` (its closing quote included). */
function isStringAt(bytes: Buffer, at: number, word: Buffer): boolean {
  if (at + word.length > bytes.length) return false;
  for (let k = 0; k < word.length; k++) if (bytes[at + k] !== word[k]) return false;
  return true;
}

/** A byte a JSON number may hold after its first: digits, the point, an exponent and its sign. */
const isNumberByte = (c: number) =>
  (c >= DIGIT_0 && c <= DIGIT_9) || c === POINT || c === LETTER_E || c === LETTER_CAPITAL_E || c === PLUS || c === MINUS;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function isBlank(bytes: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(bytes[i]!)) return false;
  return true;
}

/**
 * Fastify's JSON parsing, in pieces for large bodies, for the routes of a plugin that takes them
 * (the sync batches): it answers the errors Fastify's own parser answers.
 */
export function parseJsonInPieces(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    if (body.length === 0) return done(new errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY(), undefined);
    let parsed: unknown;
    try {
      parsed = parseJsonBytes(body);
    } catch {
      return done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY(), undefined);
    }
    done(null, parsed);
  });
}
