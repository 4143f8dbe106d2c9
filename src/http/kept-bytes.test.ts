import { describe, expect, it } from 'vitest';
import { preferredEncoding } from './kept-bytes.js';

describe('the encoding a kept answer is sent in', () => {
  it('follows the request\'s preferences, then ours (brotli, then gzip)', () => {
    const cases: [string | undefined, string | null][] = [
      [undefined, null], ['', null], ['identity', null], ['deflate', null],
      ['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['BR', 'br'], ['*', 'br'],
      ['gzip;q=1, br;q=0.5', 'gzip'], ['br;q=0, gzip', 'gzip'], ['br;q=0, gzip;q=0', null],
      ['gzip;q=0.8, br;q=0.8', 'br'], ['*;q=0.1, gzip;q=0.5', 'gzip'], ['br;q=abc, gzip', 'gzip'],
    ];
    for (const [header, expected] of cases) expect(preferredEncoding(header), String(header)).toBe(expected);
  });
});
