import { Type, type Static } from 'typebox';

/**
 * What an indicator counts, as data. A numerator names a source of counts; a denominator is a
 * unit statistic, a number of units, another count, or nothing for absolute targets. Moving an
 * indicator to a new source (reported figures today, event check-ins once events land) is an
 * edit of this data, not of code.
 */
const Milestone = Type.Object({
  source: Type.Literal('milestone'),
  kind: Type.String({ minLength: 1, maxLength: 64, description: 'A milestone kind code: distinct residents who reached it' }),
}, { additionalProperties: false });

const FieldCount = Type.Object({
  source: Type.Union([
    Type.Literal('visits'), Type.Literal('households_visited'), Type.Literal('households_covered'), Type.Literal('households'), Type.Literal('residents'),
    // People who took part in a quiz contest (a scored attempt), counted once per contest.
    Type.Literal('contest_participants'),
    // Event attendances (people once per event plus walk-ins), people checked in, attendances at
    // Week events, and communes that organised a Week (events module).
    Type.Literal('event_attendances'), Type.Literal('event_people'), Type.Literal('week_participants'), Type.Literal('week_communes'),
    // Communication activities of units and the people they reached.
    Type.Literal('communication_activities'), Type.Literal('communication_reach'),
  ]),
}, { additionalProperties: false });

const TeamCount = Type.Object({
  source: Type.Union([Type.Literal('committees'), Type.Literal('teams'), Type.Literal('team_members')]),
}, { additionalProperties: false });

const Reported = Type.Object({
  source: Type.Literal('reported'),
  /** 'latest': a stock (people trained so far); 'sum': a flow added up over periods (Week participants). */
  over: Type.Union([Type.Literal('latest'), Type.Literal('sum')]),
  /** Counts from events that replace the typed figure of a unit wherever such events were held (the Week). */
  eventsFirst: Type.Optional(Type.Literal('week_participants')),
  /**
   * The same for any counted records (events-first.ts): people registered on the learning platform
   * (the import's and the teams' records), people enrolled in courses, cadres who completed a
   * cadre course. Where a commune has such records they are its figure, elsewhere the typed one.
   */
  factsFirst: Type.Optional(Type.Union([
    Type.Literal('week_participants'), Type.Literal('milestone:learning_platform'), Type.Literal('learning:learners'), Type.Literal('learning:cadres_trained'),
  ])),
}, { additionalProperties: false });

// Learning facts: people enrolled in a course (once each, on their first enrolment) and course completions.
const LearningCount = Type.Object({
  source: Type.Union([Type.Literal('learners'), Type.Literal('course_completions')]),
}, { additionalProperties: false });

export const CountSource = Type.Union([Milestone, FieldCount, TeamCount, Reported, LearningCount]);
export type CountSource = Static<typeof CountSource>;

const Statistic = Type.Object({
  source: Type.Literal('statistic'),
  kind: Type.String({ minLength: 1, maxLength: 64, description: 'A unit statistic kind, e.g. adults, cadres' }),
}, { additionalProperties: false });

const UnitCount = Type.Object({
  source: Type.Literal('units'),
  tier: Type.Union([Type.Literal('commune'), Type.Literal('village')]),
}, { additionalProperties: false });

export const DenominatorSource = Type.Union([Statistic, UnitCount, Milestone, FieldCount, TeamCount, Reported, LearningCount]);
export type DenominatorSource = Static<typeof DenominatorSource>;

/** Whether figures reported by units feed this indicator, so the report form offers it. */
export function usesReportedFigures(numerator: CountSource, denominator: DenominatorSource | null): boolean {
  return numerator.source === 'reported' || denominator?.source === 'reported';
}
