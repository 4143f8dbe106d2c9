import { describe, expect, test } from 'vitest';
import { lastEndedPeriodStart, periodEndOf, periodStartOf } from './periods';

describe('reporting periods in the form', () => {
  test('weeks start on Monday, whatever day is picked', () => {
    expect(periodStartOf('week', '2025-09-07')).toBe('2025-09-01'); // a Sunday
    expect(periodStartOf('week', '2025-09-01')).toBe('2025-09-01');
    expect(periodEndOf('week', '2025-09-01')).toBe('2025-09-07');
  });
  test('months, quarters and years end on their last day, leap years included', () => {
    expect(periodStartOf('month', '2024-02-17')).toBe('2024-02-01');
    expect(periodEndOf('month', '2024-02-01')).toBe('2024-02-29');
    expect(periodEndOf('month', '2025-12-01')).toBe('2025-12-31');
    expect(periodStartOf('quarter', '2025-11-30')).toBe('2025-10-01');
    expect(periodEndOf('quarter', '2025-10-01')).toBe('2025-12-31');
    expect(periodEndOf('quarter', '2025-04-01')).toBe('2025-06-30');
    expect(periodStartOf('year', '2025-07-15')).toBe('2025-01-01');
    expect(periodEndOf('day', '2025-07-15')).toBe('2025-07-15');
  });
});

test('the form opens on the last period that has ended, the first whose figure counts', () => {
  expect(lastEndedPeriodStart('month', '2026-01-01')).toBe('2025-12-01');
  expect(lastEndedPeriodStart('month', '2025-09-30')).toBe('2025-08-01');
  expect(lastEndedPeriodStart('week', '2025-09-03')).toBe('2025-08-25');
  expect(lastEndedPeriodStart('quarter', '2025-05-10')).toBe('2025-01-01');
});
