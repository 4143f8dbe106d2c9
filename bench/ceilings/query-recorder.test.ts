import { describe, expect, it } from 'vitest';
import pgUtils from 'pg/lib/utils.js';
import { parameterBytes } from './query-recorder.js';

describe('parameterBytes', () => {
  it('counts a scalar as the bytes node-postgres sends for it', () => {
    const values = ['', 'Nguyễn Thị Lan', '😀', 0, 7, -12, 1_000_000, 123456789012, 0.5, new Date('2025-07-15T08:00:00Z'), true, false];
    for (const value of values) {
      expect(parameterBytes([value]), String(value)).toBe(Buffer.byteLength(pgUtils.prepareValue(value) as string));
    }
  });

  it('counts nothing for a null and an array as its elements and separators', () => {
    expect(parameterBytes([null, undefined])).toBe(0);
    expect(parameterBytes([['ab', 'c'], 10])).toBe(3 + 2 + 2 + 2);
  });
});
