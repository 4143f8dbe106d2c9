import { describe, expect, it } from 'vitest';
import { formatShare } from '../../../shared/format/share.js';
import type { IndicatorProgress } from '../targets/progress/progress.service.js';
import type { Unit } from '../units/units.service.js';
import { summarize } from './summary.service.js';

const unit = { code: '66', name: 'Tỉnh Thử Nghiệm', tier: 'province' } as Unit;

function indicator(fields: Partial<IndicatorProgress>): IndicatorProgress {
  return {
    code: 'x', name: 'X', unitLabel: '%', percent: true, target: null, deadline: null, suspect: false,
    numerator: null, denominator: null, value: null, status: 'no_target', projected: null, neededPerWeek: null, gap: null,
    ...fields,
  };
}

describe('the summary writes shares as the tiles write them', () => {
  it('rounds a share, its target and how much of a target is reached to one decimal, in both languages', () => {
    const adults = indicator({ code: 'adults', name: 'Người trưởng thành', numerator: 1_733, denominator: 25_000, value: 6.93, target: 12.25, status: 'behind' });
    const signatures = indicator({ code: 'signatures', name: 'Chữ ký số', unitLabel: 'người', percent: false, value: 15_749, target: 23_000, status: 'on_track' });
    const text = (lang: 'vi' | 'en') => summarize({ unit, day: '2025-08-25', indicators: [adults, signatures] }, lang).sentences.map((s) => s.text);
    expect(text('vi')).toEqual([
      'Người trưởng thành: đạt 6,9% (1.733/25.000), chỉ tiêu 12,3%',
      'Chữ ký số: 15.749 người, đạt 68,5% chỉ tiêu (23.000 người)',
    ]);
    expect(text('en')).toEqual([
      'Người trưởng thành: 6.9% (1,733 of 25,000), against a target of 12.3%',
      'Chữ ký số: 15,749 people, 68.5% of the target of 23,000 people',
    ]);
    // The tiles' own formatter (web/src/components/ui/use-format.ts) is this one.
    expect(formatShare('vi', 6.93)).toBe('6,9%');
    expect(formatShare('en', 6.93)).toBe('6.9%');
    expect(formatShare('vi', 15)).toBe('15%');
  });
});
