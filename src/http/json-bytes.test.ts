import { describe, expect, it } from 'vitest';
import { jsonBytes } from './json-bytes.js';

const sameAsStringify = (value: unknown, depth?: number) => {
  expect(jsonBytes(value, depth).toString('utf8')).toBe(JSON.stringify(value));
};

/** A seeded generator of values JSON.stringify writes, with what it leaves out or turns into null. */
function randomValue(next: () => number, level = 0): unknown {
  const texts = ['', 'a', 'Xã Ea Kao', 'Tỷ lệ người dân đã kích hoạt', '"\\\n\u2028', 'x'.repeat(90), '😀'];
  const pick = Math.floor(next() * (level > 3 ? 6 : 9));
  switch (pick) {
    case 0: return null;
    case 1: return next() < 0.5;
    case 2: return [0, -1.5, 1e21, Number.NaN, Infinity][Math.floor(next() * 5)];
    case 3: return texts[Math.floor(next() * texts.length)];
    case 4: return [undefined, () => 1, Symbol('s'), new Date(Math.floor(next() * 1e12))][Math.floor(next() * 4)];
    case 5: return { toJSON: () => texts[1] };
    case 6: case 7: return Array.from({ length: Math.floor(next() * 5) }, () => randomValue(next, level + 1));
    default: return Object.fromEntries(Array.from({ length: Math.floor(next() * 5) }, (_, i) => [`${texts[i % texts.length]}${i}`, randomValue(next, level + 1)]));
  }
}

describe('jsonBytes', () => {
  it('writes byte for byte what JSON.stringify writes, at any depth of splitting', () => {
    let seed = 20261202;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const value = randomValue(next);
      if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
      sameAsStringify(value, i % 5);
    }
  });

  it('keeps what JSON.stringify leaves out or turns into null, dates, toJSON and a null prototype', () => {
    sameAsStringify({ a: undefined, b: () => 1, c: [undefined, () => 1, Symbol('s')], d: new Date(0), e: { toJSON: () => 'kept' } });
    sameAsStringify(Object.assign(Object.create(null) as object, { ten: 'Xã Ea Kao', list: [{ x: 'ố'.repeat(100) }] }));
    sameAsStringify([]);
    sameAsStringify({});
    sameAsStringify('x'.repeat(200));
  });
});
