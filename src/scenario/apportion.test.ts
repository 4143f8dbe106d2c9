import { describe, expect, it } from 'vitest';
import { seededRandom } from '../lib/seeded-random.js';
import { apportion } from './apportion.js';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('apportion (largest remainder)', () => {
  it('shares a total exactly in proportion to the weights', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(100, [3, 1])).toEqual([75, 25]);
    expect(apportion(0, [5, 5])).toEqual([0, 0]);
  });

  it('never passes a cap and gives what a capped part cannot take to the others', () => {
    expect(apportion(10, [8, 1, 1], [4, 10, 10])).toEqual([4, 3, 3]);
    expect(() => apportion(10, [1, 1], [3, 3])).toThrow(/caps/);
  });

  it('adds up exactly for any weights and caps', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 200; round += 1) {
      const weights = Array.from({ length: 1 + Math.floor(random() * 40) }, () => (random() < 0.1 ? 0 : random() * 100));
      const caps = weights.map(() => Math.floor(random() * 500));
      const total = Math.floor(random() * sum(caps));
      const parts = apportion(total, weights, caps);
      expect(sum(parts)).toBe(total);
      parts.forEach((part, i) => {
        expect(part).toBeGreaterThanOrEqual(0);
        expect(part).toBeLessThanOrEqual(caps[i]!);
      });
    }
  });
});
