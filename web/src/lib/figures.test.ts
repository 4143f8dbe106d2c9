import { describe, expect, it } from 'vitest';
import { shareOfTarget } from './figures';

describe('figures', () => {
  it('gives the share of the target for the progress bar, capped at 100', () => {
    expect(shareOfTarget(40, 80)).toBe(50);
    expect(shareOfTarget(120, 80)).toBe(100);
    expect(shareOfTarget(null, 80)).toBeNull();
    expect(shareOfTarget(5, null)).toBeNull();
  });
});
