import { describe, expect, it } from 'vitest';
import { KeptWithMoment, preferredEncoding, servedAsKept } from './kept-bytes.js';

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

describe('a kept answer with fields of the moment', () => {
  const serialise = (data: unknown) => servedAsKept.serializerCompiler()(data) as unknown as Buffer;

  it('is the kept object with the moment\'s fields, as JSON', () => {
    const kept = { unit: { code: '66', name: 'Đắk Lắk' }, indicators: [{ code: 'vneid', value: 12 }], note: 'a "quoted" \\ text' };
    const moments: Record<string, string | number | boolean | null>[] = [{ figuresAt: '2026-12-03T08:00:00.000Z' }, { figuresAt: null }, { figuresAt: 'x', n: 3, ok: true }];
    for (const moment of moments) {
      expect(JSON.parse(serialise(new KeptWithMoment(kept, moment)).toString('utf8'))).toEqual({ ...kept, ...moment });
    }
    expect(JSON.parse(serialise(new KeptWithMoment({}, { figuresAt: 'now' })).toString('utf8'))).toEqual({ figuresAt: 'now' });
  });

  it('serialises the kept part once: a later change to the object is not seen', () => {
    const kept: Record<string, unknown> = { a: 1 };
    expect(serialise(new KeptWithMoment(kept, { at: 'first' })).toString()).toBe('{"a":1,"at":"first"}');
    kept.a = 2;
    expect(serialise(new KeptWithMoment(kept, { at: 'second' })).toString()).toBe('{"a":1,"at":"second"}');
  });

  it('gives the same bytes for the same moment, and new ones when it moves', () => {
    const kept = { a: 1 };
    const first = serialise(new KeptWithMoment(kept, { at: '08:00:00' }));
    expect(serialise(new KeptWithMoment(kept, { at: '08:00:00' }))).toBe(first);
    const next = serialise(new KeptWithMoment(kept, { at: '08:00:01' }));
    expect(next.toString()).toBe('{"a":1,"at":"08:00:01"}');
    expect(serialise(new KeptWithMoment({ a: 1 }, { at: '08:00:01' }))).not.toBe(next);
    expect(serialise(new KeptWithMoment(kept, { at: '08:00:00' })).toString()).toBe('{"a":1,"at":"08:00:00"}');
  });
});
