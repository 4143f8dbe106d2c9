import { describe, expect, it } from 'vitest';
import { findUnstorable, isStorableText } from './storable-input.js';

const HIGH = String.fromCharCode(0xd83d);
const LOW = String.fromCharCode(0xde00);

describe('what PostgreSQL cannot store', () => {
  it('finds a NUL and half a surrogate pair, and lets a whole pair through', () => {
    expect(isStorableText('Hộ số 1 😀')).toBe(true);
    expect(isStorableText(`a${HIGH}${LOW}b`)).toBe(true);
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText(`a${HIGH}b`)).toBe(false);
    expect(isStorableText(`a${LOW}b`)).toBe(false);
  });

  it('names the first thing under a value that cannot be stored, the way validation names fields', () => {
    expect(findUnstorable({ items: [{ data: { notes: 'ok' } }, { data: { notes: 'a\u0000' } }] })).toBe('items[1].data.notes');
    expect(findUnstorable([[1, 2], [3, Infinity]])).toBe('[1][1]');
    expect(findUnstorable({ a: { '12': { b: `x${HIGH}` } } })).toBe('a[12].b');
    expect(findUnstorable({ a: [{ ['k\u0000']: 1 }] })).toBe('a[0].k\u0000');
    expect(findUnstorable('a\u0000')).toBe('');
    expect(findUnstorable(Number.NaN)).toBe('');
  });

  it('finds nothing in storable values, whatever their shape', () => {
    const hostile = JSON.parse('{"__proto__": {"x": "y"}, "constructor": 1, "list": [null, true, 0, -1.5e300, ""]}') as unknown;
    expect(findUnstorable(hostile)).toBeUndefined();
    expect(findUnstorable(Object.assign(Object.create(null) as object, { q: 'tìm kiếm' }))).toBeUndefined();
    expect(findUnstorable(Buffer.from([0, 0xff]))).toBeUndefined();
  });

  it('skips the subtrees it is told to, and only those', () => {
    const body = { items: [{ data: { notes: 'a\u0000' } }], deviceId: 'b\u0000' };
    const itemData = (keys: readonly (string | number)[]) => keys.length === 3 && keys[0] === 'items' && keys[2] === 'data';
    expect(findUnstorable(body, itemData)).toBe('deviceId');
    expect(findUnstorable({ items: [{ data: { notes: 'a\u0000' } }] }, itemData)).toBeUndefined();
    expect(findUnstorable({ items: [{ id: 'a\u0000', data: {} }] }, itemData)).toBe('items[0].id');
  });
});
