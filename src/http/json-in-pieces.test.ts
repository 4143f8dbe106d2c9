import { describe, expect, it } from 'vitest';
import { seededRandom } from '../lib/seeded-random.js';
import { InvalidJsonError, parseJsonBytes } from './json-in-pieces.js';
import { findUnstorable, isKnownStorable } from './storable-input.js';

// Strings that cut a text wrongly if quotes, escapes or structure inside them were taken for structure.
const TRICKY = ['', 'a', '"', '\\', '\\"', '[', ']', '{', '}', ',', ':', '"],[', 'Đắk Lắk', '😀', '\u2028', '\t\n', '\u0000', '\ud800', 'e5', '1e400'];

function valueOf(random: () => number, depth: number): unknown {
  const pick = (n: number) => Math.floor(random() * n);
  const kind = pick(depth > 3 ? 4 : 7);
  if (kind === 0) return TRICKY[pick(TRICKY.length)]! + TRICKY[pick(TRICKY.length)]!;
  if (kind === 1) return random() < 0.1 ? [1e300, 1e-300, 1.5e21, -2e-7][pick(4)] : pick(2000) - 1000 + (random() < 0.3 ? 0.5 : 0);
  if (kind === 2) return [true, false, null][pick(3)];
  if (kind === 3) return `id-${pick(100)}`;
  if (kind === 4) return Array.from({ length: pick(5) }, () => valueOf(random, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = pick(5); i > 0; i--) object[TRICKY[pick(TRICKY.length)]! + pick(3)] = valueOf(random, depth + 1);
  return object;
}

/** The value as JSON text with random spaces around its structure (outside strings). */
function spaced(value: unknown, random: () => number): string {
  const space = () => [' ', '', '\n', '\t', '  '][Math.floor(random() * 5)]!;
  if (Array.isArray(value)) return `[${space()}${value.map((v) => spaced(v, random)).join(`${space()},${space()}`)}${space()}]`;
  if (value !== null && typeof value === 'object') {
    return `{${space()}${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}${space()}:${space()}${spaced(v, random)}`).join(',')}${space()}}`;
  }
  return JSON.stringify(value);
}

/** A top-level object with arrays among its members, as a sync batch is. */
function documentOf(seed: number): string {
  const random = seededRandom(seed);
  const body: Record<string, unknown> = { deviceId: `d${seed}` };
  body.items = Array.from({ length: Math.floor(random() * 6) }, () => valueOf(random, 1));
  if (random() < 0.5) body.more = Array.from({ length: Math.floor(random() * 3) }, () => valueOf(random, 1));
  if (random() < 0.5) body[TRICKY[Math.floor(random() * TRICKY.length)]!] = valueOf(random, 1);
  return spaced(body, random);
}

const inPieces = (text: string) => parseJsonBytes(Buffer.from(text), 1);
// What the server has is bytes: a text is compared as its UTF-8 reads whole (a lone surrogate as U+FFFD).
const whole = (text: string) => JSON.parse(Buffer.from(text).toString('utf8')) as unknown;

describe('JSON parsed in pieces', () => {
  it('reads every document as JSON.parse reads it whole', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const text = documentOf(seed);
      expect(inPieces(text), text).toEqual(whole(text));
    }
  });

  it('refuses every damaged document JSON.parse refuses, and reads the others as it does', () => {
    const damage = [',', '[', ']', '{', '}', '"', ':', '\\', ' ', 'x'];
    let refused = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const random = seededRandom(seed + 10_000);
      const text = documentOf(seed);
      const at = Math.floor(random() * text.length);
      const broken = random() < 0.5
        ? text.slice(0, at) + damage[Math.floor(random() * damage.length)] + text.slice(at)
        : text.slice(0, at) + text.slice(at + 1);
      let expected: unknown;
      try {
        expected = whole(broken);
      } catch {
        refused += 1;
        expect(() => inPieces(broken), broken).toThrow(InvalidJsonError);
        continue;
      }
      expect(inPieces(broken), broken).toEqual(expected);
    }
    expect(refused).toBeGreaterThan(200);
  });

  it('keeps the last of a repeated key, whether written alike or through an escape', () => {
    for (const text of ['{"items":[1,2],"items":3}', '{"items":[1,2],"it\\u0065ms":3}', '{"items":3,"items":[1]}', '{"a":[1],"a":[2]}']) {
      expect(inPieces(text), text).toEqual(whole(text));
    }
  });

  it('reads empty arrays, arrays of arrays, and texts that are not an object at the top', () => {
    for (const text of ['{"items":[]}', '{"items":[ \n ]}', '{"items":[[],[1,[2]],{"a":[3]}]}', '[1,2]', '"text"', '\uFEFF{"items":[1]}', ' {"items":[{"a":1}] } ']) {
      expect(inPieces(text), text).toEqual(whole(text.replace(/^\uFEFF/, '')));
    }
  });

  it('refuses what Fastify refuses: a __proto__ key in an element or at the top, a constructor.prototype', () => {
    for (const text of ['{"items":[{"__proto__":{"x":1}}]}', '{"__proto__":[1]}', '{"items":[{"a":{"constructor":{"prototype":{"x":1}}}}]}', '{"items":[{"\\u005f_proto__":1}]}']) {
      expect(() => inPieces(text), text).toThrow(InvalidJsonError);
      expect(() => parseJsonBytes(Buffer.from(text)), text).toThrow(InvalidJsonError);
    }
  });

  it('reads the words themselves where they poison nothing: values, a constructor without a prototype', () => {
    for (const text of ['{"items":[{"constructor":1},"__proto__","constructor","__proto__x","c","_"]}', '{"items":[{"a":"__proto__"}],"k":"constructor"}']) {
      expect(inPieces(text), text).toEqual(whole(text));
    }
  });

  it('refuses trailing commas, empty elements and text after the document', () => {
    for (const text of ['{"items":[1,]}', '{"items":[,1]}', '{"items":[1,,2]}', '{"items":[1]} x', '{"items":[1]', '{"items":[1}]', '{"items":["a]}']) {
      expect(() => whole(text), text).toThrow();
      expect(() => inPieces(text), text).toThrow(InvalidJsonError);
    }
  });

  it('reads a large batch in pieces as it reads it whole', () => {
    const items = Array.from({ length: 1500 }, (_, i) => ({ id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, kind: 'visit', data: { notes: 'Đã đến "nhà" [số] {1}, ổn' } }));
    const bytes = Buffer.from(JSON.stringify({ deviceId: 'x', items }));
    expect(bytes.length).toBeGreaterThan(128 * 1024);
    expect(parseJsonBytes(bytes)).toEqual({ deviceId: 'x', items });
  });

  it('marks a body storable only when its text leaves nothing unstorable possible', () => {
    let marked = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const text = documentOf(seed);
      const value = inPieces(text);
      if (!isKnownStorable(value)) continue;
      marked += 1;
      expect(findUnstorable(value), text).toBeUndefined();
    }
    expect(marked).toBeGreaterThan(50);
    for (const text of ['{"items":[{"notes":"Đã đến \\"nhà\\" \\\\ ổn"}],"n":-12.5}', '{"items":[1,2,{"a":[true,null]}]}']) {
      expect(isKnownStorable(inPieces(text)), text).toBe(true);
    }
    const long = `{"items":[${'9'.repeat(200)}]}`;
    for (const text of ['{"items":["\\u0000"]}', '{"items":["\\ud800"]}', '{"items":["\\u00e9"]}', '{"items":[1e400]}', '{"items":[1E5]}',
      '{"items":[2.5e-3]}', long, '{"items":[1]', '[1]']) {
      let value: unknown;
      try {
        value = inPieces(text);
      } catch {
        continue;
      }
      expect(isKnownStorable(value), text).toBe(false);
    }
    expect(findUnstorable(inPieces(long))).toBeUndefined();
    expect(isKnownStorable(inPieces(`{"items":[${'9'.repeat(199)}]}`))).toBe(true);
  });

  it('leaves a body read whole unmarked: it is walked as before', () => {
    expect(isKnownStorable(parseJsonBytes(Buffer.from('{"items":[1]}')))).toBe(false);
  });
});
