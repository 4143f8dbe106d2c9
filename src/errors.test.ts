import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';

describe('AppError', () => {
  it('captures no stack for a refusal and restores the stack limit for other errors', () => {
    const limit = Error.stackTraceLimit;
    const refusal = new AppError('ATTEMPT_ALREADY_SUBMITTED');
    expect(refusal.status).toBe(409);
    expect(refusal.stack?.split('\n')).toEqual(['AppError: ATTEMPT_ALREADY_SUBMITTED']);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('after').stack?.split('\n').length).toBeGreaterThan(1);
  });

  it('keeps the stack of a failure, which is logged', () => {
    const failure = new AppError('INTERNAL', 'a fault');
    expect(failure.status).toBe(500);
    expect(failure.stack?.split('\n').length).toBeGreaterThan(1);
    expect(failure.stack).toContain('errors.test');
  });
});
