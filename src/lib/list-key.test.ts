import { describe, expect, it } from 'vitest';
import { listKey } from './list-key.js';

describe('listKey', () => {
  it('joins the codes, and gives a kept list the very same key again', () => {
    const codes = ['66001', '66002'];
    const key = listKey(codes);
    expect(key).toBe('66001,66002');
    expect(listKey(codes)).toBe(key);
    expect(listKey(['66001', '66002'])).toBe(key);
    expect(listKey([])).toBe('');
  });
});
