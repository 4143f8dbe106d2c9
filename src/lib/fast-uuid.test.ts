import { describe, expect, it } from 'vitest';
import { fastUuidV7 } from './fast-uuid.js';

describe('fastUuidV7', () => {
  it('makes version 7, RFC 4122 variant ids that start with the time', () => {
    const id = fastUuidV7(Date.UTC(2025, 7, 1));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2025, 7, 1));
    expect(new Set(Array.from({ length: 1000 }, () => fastUuidV7())).size).toBe(1000);
  });
});
