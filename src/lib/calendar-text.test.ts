import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';
import { canonicalInstant, instantMs, isCalendarDay, isInstant } from './calendar-text.js';

/** A day is real when the calendar gives it back unchanged (year 1 to 9999). */
function realDay(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('calendar formats', () => {
  it('take days the calendar has, from year 1, and nothing else', () => {
    for (const day of ['2025-08-01', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31']) expect(isCalendarDay(day), day).toBe(true);
    for (const day of ['0000-01-01', '2025-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-01-00',
      '2025-1-01', '2025-01-01T00:00:00Z', ' 2025-01-01', '２０２５-01-01', '2025-01-0١', '']) expect(isCalendarDay(day), day).toBe(false);
  });

  it('agree with the calendar on every day of many random years', () => {
    const random = seededRandom(20261202);
    for (let i = 0; i < 5000; i++) {
      const [year, month, day] = [Math.floor(random() * 10000), Math.floor(random() * 14), Math.floor(random() * 33)];
      const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
      expect(isCalendarDay(text), text).toBe(realDay(year, month, day));
    }
  });

  it('take instants with a real day, a real time and an offset or Z', () => {
    for (const instant of ['2025-08-01T08:30:00+07:00', '2025-08-01t23:59:59z', '2024-02-29T00:00:00.123456789Z', '2025-08-01T08:30:00-12:00'])
      expect(isInstant(instant), instant).toBe(true);
    for (const instant of ['2025-02-29T08:30:00Z', '0000-01-01T00:00:00Z', '2025-08-01T24:00:00Z', '2025-08-01T08:60:00Z', '2025-08-01T08:30:60Z',
      '2025-08-01T08:30:00+24:00', '2025-08-01T08:30:00+07:60', '2025-08-01T08:30:00', '2025-08-01 08:30:00Z', '2025-08-01T08:30:00.Z',
      '2025-08-01T08:30:00.1234567890Z', '2025-08-01T08:30:00+0700', '2025-08-01']) expect(isInstant(instant), instant).toBe(false);
  });

  it('agree with the calendar and the clock on random instants', () => {
    const random = seededRandom(7);
    const pick = (n: number) => Math.floor(random() * n);
    for (let i = 0; i < 5000; i++) {
      const [year, month, day, hour, minute, second] = [pick(10000), pick(14), pick(33), pick(26), pick(62), pick(62)];
      const zulu = random() < 0.5;
      const [offsetHour, offsetMinute] = [pick(26), pick(62)];
      const offset = zulu ? 'Z' : `${random() < 0.5 ? '+' : '-'}${pad(offsetHour, 2)}:${pad(offsetMinute, 2)}`;
      const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${offset}`;
      const valid = realDay(year, month, day) && hour <= 23 && minute <= 59 && second <= 59 && (zulu || (offsetHour <= 23 && offsetMinute <= 59))
        && Number.isFinite(Date.parse(text));
      expect(isInstant(text), text).toBe(valid);
    }
  });

  it('read an instant as the moment Date.parse reads, fractions, offsets and either case included', () => {
    const random = seededRandom(20261204);
    const pick = (n: number) => Math.floor(random() * n);
    for (let i = 0; i < 5000; i++) {
      const [year, month, hour, minute, second] = [1 + pick(9999), 1 + pick(12), pick(24), pick(60), pick(60)];
      const day = 1 + pick(28);
      const digits = pick(10);
      const fraction = digits === 0 ? '' : `.${Array.from({ length: digits }, () => pick(10)).join('')}`;
      const zone = random() < 0.3 ? (random() < 0.5 ? 'Z' : 'z') : `${random() < 0.5 ? '+' : '-'}${pad(pick(24), 2)}:${pad(pick(60), 2)}`;
      const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}${random() < 0.5 ? 'T' : 't'}${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${fraction}${zone}`;
      expect(instantMs(text), text).toBe(Date.parse(text));
      expect(canonicalInstant(text), text).toBe(new Date(Date.parse(text)).toISOString());
      const written = new Date(Date.parse(text)).toISOString();
      if (/^\d{4}-/.test(written)) expect(canonicalInstant(written), written).toBe(written);
    }
    expect(() => canonicalInstant('2025-02-29T08:30:00.000Z')).toThrow(RangeError);
    for (const text of ['2024-02-29T23:59:59.999+00:00', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999999999-23:59', '1970-01-01T00:00:00Z'])
      expect(instantMs(text), text).toBe(Date.parse(text));
  });

  it('read nothing from what is not an instant', () => {
    for (const text of ['2025-08-01T08:30:00', '2025-08-01T08:30:00.Z', '2025-08-01T08:30:00.1234567890Z', '2025-08-01T08:30:00Z ', '2025-08-01T08:30:00+07:00:00',
      '2025-08-01T08:30:00+7:00', '2025-08-01T08:30:00ZZ', '2025-08-01X08:30:00Z', '2025-08-01T08-30:00Z', '2025-08-01T08:3a:00Z', '-025-08-01T08:30:00Z',
      '2025-08-01T08:30:00.12a4Z', '2025-08-01T08:30:00+07:0٠', '']) expect(instantMs(text), text).toBeNaN();
  });
});
