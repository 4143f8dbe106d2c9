import { describe, expect, it } from 'vitest';
import { fastUuidV7 } from './fast-uuid.js';

const FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const timeOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('fastUuidV7', () => {
  it('makes version 7, RFC 4122 variant ids that start with the time', () => {
    const id = fastUuidV7(Date.UTC(2025, 7, 1));
    expect(id).toMatch(FORMAT);
    expect(timeOf(id)).toBe(Date.UTC(2025, 7, 1));
    expect(new Set(Array.from({ length: 1000 }, () => fastUuidV7())).size).toBe(1000);
  });

  it('writes each id afresh: the time of each call, and random digits in every random place', () => {
    const times = [0, 1, 2 ** 48 - 1, Date.UTC(2026, 11, 3, 23, 59, 59, 999)];
    for (const time of times) expect(timeOf(fastUuidV7(time)), String(time)).toBe(time);
    // Over 2,000 ids (more than one draw of random bytes) every random place takes many digits,
    // and the variant digit all four of its values.
    const ids = Array.from({ length: 2000 }, () => fastUuidV7(5));
    for (const id of ids) expect(id).toMatch(FORMAT);
    for (let place = 15; place < 36; place++) {
      if (place === 18 || place === 23) continue;
      const digits = new Set(ids.map((id) => id[place]));
      expect(digits.size, `place ${place}`).toBeGreaterThanOrEqual(place === 19 ? 4 : 16);
    }
  });
});
