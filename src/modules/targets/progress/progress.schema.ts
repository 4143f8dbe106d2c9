import { Type } from 'typebox';
import { Day, Nullable, UnitCode } from '../../../http/schemas.js';
import { UnitSchema } from '../../units/units.schema.js';

const StatusSchema = Type.Union([
  Type.Literal('achieved'), Type.Literal('on_track'), Type.Literal('at_risk'), Type.Literal('behind'), Type.Literal('no_target'), Type.Literal('no_data'),
]);

/** What names an indicator and how its figures read. */
export const IndicatorHeadingSchema = Type.Object({ code: Type.String(), name: Type.String(), unitLabel: Type.String(), percent: Type.Boolean() });

/** An indicator's figures for one unit, its target and where it stands. */
export const IndicatorStandingSchema = Type.Object({
  code: Type.String(),
  numerator: Nullable(Type.Number()), denominator: Nullable(Type.Number()), value: Nullable(Type.Number()),
  target: Nullable(Type.Number()), deadline: Nullable(Type.String()), status: StatusSchema,
  projected: Nullable(Type.Number()), neededPerWeek: Nullable(Type.Number()), gap: Nullable(Type.Number()),
  /** A share above 100%: the denominator is likely wrong. */
  suspect: Type.Boolean(),
  /** For a figure that records replace where they exist (the Week, learners, cadres trained): which source this one came from. */
  source: Type.Optional(Type.Union([Type.Literal('events'), Type.Literal('records'), Type.Literal('reported'), Type.Literal('mixed')], { description: 'events: check-ins; records: enrolments or course completions; reported: typed figures; mixed: records where they exist, typed figures elsewhere' })),
});

export const IndicatorProgressSchema = Type.Object({ ...IndicatorHeadingSchema.properties, ...IndicatorStandingSchema.properties });

export const UnitProgressSchema = Type.Object({
  unit: UnitSchema, day: Type.String(), indicators: Type.Array(IndicatorProgressSchema), openDifficulties: Type.Integer(),
});

/** GET /api/progress: a unit's figures, and since when they are current. */
export const ProgressAnswerSchema = Type.Object({
  ...UnitProgressSchema.properties,
  figuresAt: Nullable(Type.String({
    description: 'Since when the figures are current: now on the primary; on a read replica that lags, the commit time of the last change it has (null when it cannot tell)',
  })),
});

export const ProgressQuery = Type.Object({ unit: UnitCode, date: Type.Optional(Day) });
export const ChildrenProgressQuery = Type.Object({
  unit: UnitCode, indicator: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), date: Type.Optional(Day),
});
/** GET /api/progress/children: the indicators' headings once, then each child's standings in the same order. */
export const ChildrenProgressSchema = Type.Object({
  unit: UnitSchema, day: Type.String(),
  indicators: Type.Array(IndicatorHeadingSchema, { description: 'The indicators answered, in the order of each child\'s standings' }),
  children: Type.Array(Type.Object({ ...UnitProgressSchema.properties, indicators: Type.Array(IndicatorStandingSchema) })),
});

export const AlertSchema = Type.Object({
  id: Type.Integer(), indicatorCode: Type.String(), unitCode: Type.String(), previousStatus: Nullable(Type.String()),
  status: Type.String(), raisedAt: Type.String(), acknowledgedAt: Nullable(Type.String()), acknowledgedBy: Nullable(Type.String()),
});
export const AlertPage = Type.Object({ items: Type.Array(AlertSchema), next: Nullable(Type.Integer()) });
