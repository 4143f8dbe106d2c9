import type { DrawnQuestion } from './attempt-draw.js';

/** What scoring an attempt needs of it, none of which changes after its start. */
export interface RunningAttempt {
  /** The hash of the token the attempt was started with: only the same cookie takes the short way. */
  tokenHash: string;
  contestId: string;
  unitCode: string;
  drawn: readonly DrawnQuestion[];
  startedAt: number;
  deadline: number;
}

/**
 * Attempts started (or resumed) by this process, kept until submitted, so a submission need not
 * read its attempt back: it is scored in memory and written by one statement whose conditions
 * (not submitted, within the deadline and its grace, the token still the participant's) the
 * database checks. A miss (another server started it, a restart, the cap) or a refusal takes
 * the read-first way, which answers every case as before. The oldest go first past the cap:
 * starts come in deadline order, so those are the ones whose time is up.
 */
const MAX_KEPT = 20_000;
const kept = new Map<string, RunningAttempt>();

export function keepRunningAttempt(id: string, attempt: RunningAttempt): void {
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(id, attempt);
}

export function runningAttempt(id: string): RunningAttempt | undefined {
  return kept.get(id);
}

export function forgetRunningAttempt(id: string): void {
  kept.delete(id);
}
