import { describe, expect, it } from 'vitest';
import { forgetRunningAttempt, keepRunningAttempt, runningAttempt } from './running-attempts.js';

const attempt = { tokenHash: 'h', contestId: 'c', unitCode: 'u', drawn: [], startedAt: 0, deadline: 600_000 };

describe('attempts kept from their start', () => {
  it('keeps the 20,000 latest, drops the oldest first, and forgets a scored one', () => {
    for (let i = 0; i <= 20_000; i += 1) keepRunningAttempt(`a${i}`, attempt);
    expect(runningAttempt('a0')).toBeUndefined();
    expect(runningAttempt('a1')).toEqual(attempt);
    expect(runningAttempt('a20000')).toEqual(attempt);
    forgetRunningAttempt('a20000');
    expect(runningAttempt('a20000')).toBeUndefined();
    // The map is the process's: leave it as found for other files run in the same worker.
    for (let i = 1; i < 20_000; i += 1) forgetRunningAttempt(`a${i}`);
  });
});
