import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parameterBytes } from './query-recorder.js';

// node-postgres's own conversion of a parameter to the text it sends (not in its typings).
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue(value: unknown): unknown };

describe('parameterBytes', () => {
  it('counts a scalar as the bytes node-postgres sends for it', () => {
    const values = ['', 'Nguyễn Thị Lan', '😀', 0, 7, -12, 1_000_000, 123456789012, 0.5, new Date('2025-07-15T08:00:00Z'), true, false];
    for (const value of values) {
      expect(parameterBytes([value]), String(value)).toBe(Buffer.byteLength(prepareValue(value) as string));
    }
  });

  it('counts nothing for a null and an array as its elements and separators', () => {
    expect(parameterBytes([null, undefined])).toBe(0);
    expect(parameterBytes([['ab', 'c'], 10])).toBe(3 + 2 + 2 + 2);
  });
});
