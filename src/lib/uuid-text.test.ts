import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';
import { hasUuidShape, isUuidText } from './uuid-text.js';

// The pattern TypeBox's own `uuid` format checks with, which isUuidText stands in for.
const UUID_PATTERN = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

describe('UUID text', () => {
  it('takes UUIDs in either case and nothing else', () => {
    const id = randomUUID();
    for (const text of [id, id.toUpperCase(), '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-ffff-FFFF-ffff-FFFFFFFFFFFF']) expect(isUuidText(text), text).toBe(true);
    for (const text of ['', id.slice(1), `${id}0`, id.replace(/-/g, ''), `{${id.slice(1, -1)}}`, `urn:uuid:${id}`, id.replace('-', '0'),
      `g${id.slice(1)}`, `${id.slice(0, -1)}٠`, `${id.slice(0, 35)} `]) expect(isUuidText(text), text).toBe(false);
  });

  it('agrees with the pattern on texts one character away from a UUID', () => {
    const random = seededRandom(36);
    const alphabet = '0123456789abcdefABCDEFgG-_ {}\u0000\u00e9';
    for (let i = 0; i < 5_000; i++) {
      const chars = [...randomUUID()];
      chars[Math.floor(random() * 36)] = alphabet[Math.floor(random() * alphabet.length)]!;
      const text = chars.join('');
      expect(isUuidText(text), text).toBe(UUID_PATTERN.test(text));
      if (isUuidText(text)) expect(hasUuidShape(text)).toBe(true);
    }
  });
});
