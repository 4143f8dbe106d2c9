import { describe, expect, it } from 'vitest';
import { backoffDelay } from './sync-engine';

describe('backoffDelay', () => {
  it('doubles from 2 s and stops at 5 minutes, spread by ±25%', () => {
    expect(backoffDelay(1, () => 0.5)).toBe(2000);
    expect(backoffDelay(3, () => 0.5)).toBe(8000);
    expect(backoffDelay(30, () => 0.5)).toBe(300_000);
    expect(backoffDelay(1, () => 0)).toBe(1500);
    expect(backoffDelay(1, () => 1)).toBe(2500);
  });
});
