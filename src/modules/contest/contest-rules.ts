import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/**
 * A contest's rules as settings, with the Dak Lak 2025 rules as defaults: 10 questions, 10
 * minutes, one attempt a day, the best attempt of a phase counts, one prize per person across
 * phases, 10/8/6 unit points for 1st/2nd/3rd prizes.
 */
/** How many 1st, 2nd and 3rd individual prizes a phase gives. */
export const PrizeCounts = Type.Object({
  first: Type.Integer({ minimum: 0, maximum: 20, default: 1 }),
  second: Type.Integer({ minimum: 0, maximum: 50, default: 2 }),
  third: Type.Integer({ minimum: 0, maximum: 100, default: 3 }),
}, { additionalProperties: false });
export type PrizeCounts = Static<typeof PrizeCounts>;

export const ContestRules = Type.Object({
  questionsPerAttempt: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
  timeLimitSeconds: Type.Integer({ minimum: 60, maximum: 3600, default: 600 }),
  attemptsPerDay: Type.Integer({ minimum: 1, maximum: 10, default: 1 }),
  /** A submission this long after the deadline still counts: the network's delay, stated to participants. */
  graceSeconds: Type.Integer({ minimum: 0, maximum: 120, default: 15 }),
  onePrizePerPerson: Type.Boolean({ default: true }),
  /** The prizes of a phase that does not set its own. */
  prizes: Type.Object(PrizeCounts.properties, { default: {} }),
  prizePoints: Type.Object({
    first: Type.Number({ minimum: 0, maximum: 100, default: 10 }),
    second: Type.Number({ minimum: 0, maximum: 100, default: 8 }),
    third: Type.Number({ minimum: 0, maximum: 100, default: 6 }),
  }, { default: {} }),
  /** The unit statistic the participation rate divides by. */
  eligibleStatistic: Type.Union([Type.Literal('adults'), Type.Literal('population')], { default: 'adults' }),
  /** Below this many seconds per question an attempt is listed as suspicious: nobody reads that fast. */
  minSecondsPerQuestion: Type.Number({ minimum: 0, maximum: 60, default: 3 }),
  /** Above this many attempts from one address in a phase, the address is listed as suspicious. */
  attemptsPerAddress: Type.Integer({ minimum: 1, maximum: 100_000, default: 50 }),
}, { additionalProperties: false });
export type ContestRules = Static<typeof ContestRules>;

/** Fills what a request or a stored row left out with the defaults. */
export function withDefaults(rules: unknown): ContestRules {
  return Value.Default(ContestRules, structuredClone(rules ?? {})) as ContestRules;
}

/** Points a score is worth per right answer: 10 questions make 100 points. */
export const POINTS_PER_QUESTION = 10;
