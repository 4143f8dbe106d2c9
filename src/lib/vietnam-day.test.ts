import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';
import { addDays, daysBetween, vietnamDay, vietnamDayStart } from './vietnam-day.js';

/** The day as the calendar of Asia/Ho_Chi_Minh writes it, by the platform's own time zone data. */
const inHoChiMinh = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('vietnamDay', () => {
  it('writes the Vietnam calendar day of any instant, the same whether the day was written before or not', () => {
    const random = seededRandom(20261203);
    const from = Date.UTC(1980, 0, 1);
    const to = Date.UTC(2040, 0, 1);
    const instants = Array.from({ length: 5000 }, () => from + Math.floor(random() * (to - from)));
    // Each instant twice: first written, then from what was kept.
    for (const at of [...instants, ...instants]) expect(vietnamDay(new Date(at))).toBe(inHoChiMinh.format(at));
  });

  it('turns the day at midnight in Vietnam, 17:00 UTC the evening before', () => {
    expect(vietnamDay(new Date('2025-12-31T16:59:59.999Z'))).toBe('2025-12-31');
    expect(vietnamDay(new Date('2025-12-31T17:00:00.000Z'))).toBe('2026-01-01');
    expect(vietnamDay(vietnamDayStart('2024-02-29'))).toBe('2024-02-29');
    expect(vietnamDay(new Date(vietnamDayStart('2024-03-01').getTime() - 1))).toBe('2024-02-29');
  });

  it('refuses an invalid instant as a Date would, and keeps nothing of it', () => {
    expect(() => vietnamDay(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => vietnamDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts whole days either way, across months, leap days and years, asked once or again', () => {
    expect(daysBetween('2025-09-05', '2025-09-05')).toBe(0);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-03-31', '2025-09-05')).toBe(-207);
    const random = seededRandom(20261204);
    for (let i = 0; i < 500; i++) {
      const from = addDays('2020-01-01', Math.floor(random() * 4000));
      const n = Math.floor(random() * 2000) - 1000;
      expect(daysBetween(from, addDays(from, n))).toBe(n);
      expect(daysBetween(from, addDays(from, n))).toBe(n);
    }
  });
});
