import { describe, expect, it } from 'vitest';
import { isPeriodStart, periodEndOf, periodStartOf } from './periods.js';

describe('reporting periods', () => {
  it('finds the start and end of each kind of period', () => {
    expect(periodStartOf('week', '2025-08-03')).toBe('2025-07-28');
    expect(periodEndOf('week', '2025-07-28')).toBe('2025-08-03');
    expect(periodStartOf('month', '2025-02-17')).toBe('2025-02-01');
    expect(periodEndOf('month', '2024-02-01')).toBe('2024-02-29');
    expect(periodStartOf('quarter', '2025-11-30')).toBe('2025-10-01');
    expect(periodEndOf('quarter', '2025-10-01')).toBe('2025-12-31');
    expect(periodEndOf('year', '2025-01-01')).toBe('2025-12-31');
  });

  it('tells a real period start from any other day', () => {
    expect(isPeriodStart('week', '2025-07-28')).toBe(true);
    expect(isPeriodStart('week', '2025-07-29')).toBe(false);
    expect(isPeriodStart('quarter', '2025-04-01')).toBe(true);
    expect(isPeriodStart('quarter', '2025-05-01')).toBe(false);
  });
});
