/**
 * How many "this number is recorded in another unit" answers an account gets per hour. Each
 * such answer tells its holder that a national ID number exists somewhere in the province;
 * past the limit, resident items carrying a number are refused (RATE_LIMITED, retried later
 * by the device) without the number being looked at, so probing stops yielding anything.
 * Kept in memory per server: a restart forgives, which a probe gains little from.
 */
export const DEFAULT_DUPLICATE_ANSWERS_PER_HOUR = 20;
const WINDOW_MS = 60 * 60 * 1000;

export class DuplicateAnswerLimit {
  private readonly answers = new Map<string, number[]>();

  constructor(private readonly perHour = DEFAULT_DUPLICATE_ANSWERS_PER_HOUR) {}

  exhausted(userId: string, now = Date.now()): boolean {
    return this.recent(userId, now).length >= this.perHour;
  }

  record(userId: string, count: number, now = Date.now()): void {
    if (count === 0) return;
    const kept = this.recent(userId, now);
    for (let i = 0; i < count; i += 1) kept.push(now);
    this.answers.set(userId, kept);
  }

  private recent(userId: string, now: number): number[] {
    const kept = (this.answers.get(userId) ?? []).filter((at) => at > now - WINDOW_MS);
    if (kept.length === 0) this.answers.delete(userId);
    else this.answers.set(userId, kept);
    return kept;
  }
}
