import { describe, expect, it } from 'vitest';
import { watchCollections } from './gc-pauses.js';

describe('collection pauses', () => {
  it('counts the scavenges that allocation forces, and none after it stopped', async () => {
    const stop = watchCollections();
    // Short-lived arrays, far more than a young generation holds: scavenges must run.
    let kept = 0;
    for (let i = 0; i < 200_000; i++) kept += new Array(64).fill(i).length;
    await new Promise((resolve) => setImmediate(resolve));
    const pauses = stop();
    expect(kept).toBe(200_000 * 64);
    expect(pauses.minor.count).toBeGreaterThan(0);
    expect(pauses.minor.ms).toBeGreaterThan(0);
    expect(pauses.minor.maxMs).toBeLessThanOrEqual(pauses.minor.ms);
    expect(pauses.major.maxMs).toBeLessThanOrEqual(pauses.major.ms);

    for (let i = 0; i < 200_000; i++) kept += new Array(64).fill(i).length;
    await new Promise((resolve) => setImmediate(resolve));
    const again = stop();
    expect(again).toEqual(pauses);
  });
});
