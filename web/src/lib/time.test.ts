import { describe, expect, it } from 'vitest';
import { minutesSince, vietnamDay, vietnamIso } from './time';

describe('Vietnam time', () => {
  it('counts 23:30 local time for that local day, written with the +07:00 offset', () => {
    const instant = new Date('2025-08-01T16:30:00Z');
    expect(vietnamDay(instant)).toBe('2025-08-01');
    expect(vietnamIso(instant)).toBe('2025-08-01T23:30:00+07:00');
    expect(vietnamDay(new Date('2025-08-01T17:00:00Z'))).toBe('2025-08-02');
  });

  it('never says a negative number of minutes when the phone clock runs behind', () => {
    expect(minutesSince('2025-08-01T10:05:00Z', new Date('2025-08-01T10:00:00Z'))).toBe(0);
    expect(minutesSince('2025-08-01T10:00:00Z', new Date('2025-08-01T10:02:59Z'))).toBe(2);
  });
});
