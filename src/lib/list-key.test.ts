import { describe, expect, it } from 'vitest';
import { listKey } from './list-key.js';

describe('listKey', () => {
  it('gives equal lists the same short key, and different lists different ones', () => {
    const codes = Array.from({ length: 3000 }, (_, i) => `66${String(i).padStart(5, '0')}`);
    const key = listKey(codes);
    expect(key.length).toBeLessThan(64);
    expect(listKey(codes)).toBe(key);
    expect(listKey([...codes])).toBe(key);
    expect(listKey(codes.slice(1))).not.toBe(key);
    expect(listKey(['66001,66002'])).not.toBe(listKey(['66001', '66002']));
    expect(listKey(['a,b', 'c'])).not.toBe(listKey(['a', 'b,c']));
    expect(listKey([])).not.toBe(listKey(['']));
  });
});
