import { describe, expect, it } from 'vitest';
import { assessProgress } from './progress-status.js';

const day = '2025-09-01';

describe('progress status', () => {
  it('is achieved at or above the target', () => {
    expect(assessProgress({ value: 100, valueBefore: 90, target: 100, deadline: '2025-10-25', day }).status).toBe('achieved');
  });

  it('is on track when the recent pace reaches the target by the deadline', () => {
    // +14 points in 28 days = 0.5/day; 54 days left → 60 + 27 = 87 ≥ 80.
    const result = assessProgress({ value: 60, valueBefore: 46, target: 80, deadline: '2025-10-25', day });
    expect(result.status).toBe('on_track');
    expect(result.projected).toBeCloseTo(87, 5);
    expect(result.neededPerWeek).toBeCloseTo((20 / 54) * 7, 5);
  });

  it('is at risk within 10% of the target, behind below', () => {
    // 0.25/day × 54 = 13.5 → 73.5, which is ≥ 72 (90% of 80).
    expect(assessProgress({ value: 60, valueBefore: 53, target: 80, deadline: '2025-10-25', day }).status).toBe('at_risk');
    expect(assessProgress({ value: 60, valueBefore: 60, target: 80, deadline: '2025-10-25', day }).status).toBe('behind');
  });

  it('is behind past the deadline when short, and never divides by zero', () => {
    const late = assessProgress({ value: 79, valueBefore: 50, target: 80, deadline: '2025-08-31', day });
    expect(late).toMatchObject({ status: 'behind', neededPerWeek: null, gap: 1 });
    expect(assessProgress({ value: null, valueBefore: null, target: 80, deadline: '2025-10-25', day }).status).toBe('no_data');
    expect(assessProgress({ value: 10, valueBefore: null, target: null, deadline: null, day }).status).toBe('no_target');
  });

  it('projects a share up to 100 and never past it; a count has no such bound', () => {
    // +40 points in 28 days over 54 days left would reach 60 + 77 = 137.
    const share = assessProgress({ value: 60, valueBefore: 20, target: 95, deadline: '2025-10-25', day, ceiling: 100 });
    expect(share).toMatchObject({ status: 'on_track', projected: 100 });
    const count = assessProgress({ value: 60, valueBefore: 20, target: 95, deadline: '2025-10-25', day });
    expect(count.projected).toBeCloseTo(60 + (40 / 28) * 54, 5);
    // A share already over 100 (a suspect figure) is not pulled down by the bound.
    expect(assessProgress({ value: 104, valueBefore: 90, target: 110, deadline: '2025-10-25', day, ceiling: 100 }).projected).toBe(104);
  });
});
