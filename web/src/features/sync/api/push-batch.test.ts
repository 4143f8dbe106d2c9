import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../lib/db';
import { takeBatch } from './push';

const item = (n: number, photo?: string): OutboxItem => ({
  id: `0190${String(n).padStart(4, '0')}`, kind: photo ? 'difficulty' : 'visit', data: photo ? { photo } : {},
  recordedAt: '2026-12-01T08:00:00+07:00', userId: 'u', villageCode: 'v', state: 'pending', attempts: 0,
});

describe('takeBatch', () => {
  it('sends up to 500 items, and fewer when photos would make the request too large', () => {
    expect(takeBatch(Array.from({ length: 600 }, (_, i) => item(i)))).toHaveLength(500);
    const photo = 'x'.repeat(380_000);
    const withPhotos = [item(0), ...Array.from({ length: 20 }, (_, i) => item(i + 1, photo)), item(99)];
    expect(takeBatch(withPhotos)).toHaveLength(10);
    // One photo alone always goes, whatever its size: the server answers for it.
    expect(takeBatch([item(0, 'x'.repeat(5_000_000)), item(1)])).toHaveLength(1);
  });
});
