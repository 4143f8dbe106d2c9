import { Type } from 'typebox';
import { Day, Nullable, UnitCode } from '../../../http/schemas.js';
import { UnitSchema } from '../../units/units.schema.js';

const StatusSchema = Type.Union([
  Type.Literal('achieved'), Type.Literal('on_track'), Type.Literal('at_risk'), Type.Literal('behind'), Type.Literal('no_target'), Type.Literal('no_data'),
]);

export const IndicatorProgressSchema = Type.Object({
  code: Type.String(), name: Type.String(), unitLabel: Type.String(), percent: Type.Boolean(),
  numerator: Nullable(Type.Number()), denominator: Nullable(Type.Number()), value: Nullable(Type.Number()),
  target: Nullable(Type.Number()), deadline: Nullable(Type.String()), status: StatusSchema,
  projected: Nullable(Type.Number()), neededPerWeek: Nullable(Type.Number()), gap: Nullable(Type.Number()),
  /** A share above 100%: the denominator is likely wrong. */
  suspect: Type.Boolean(),
  /** For a figure that records replace where they exist (the Week, learners, cadres trained): which source this one came from. */
  source: Type.Optional(Type.Union([Type.Literal('events'), Type.Literal('records'), Type.Literal('reported'), Type.Literal('mixed')], { description: 'events: check-ins; records: enrolments or course completions; reported: typed figures; mixed: records where they exist, typed figures elsewhere' })),
});

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
export const ChildrenProgressSchema = Type.Object({ unit: UnitSchema, day: Type.String(), children: Type.Array(UnitProgressSchema) });

export const AlertSchema = Type.Object({
  id: Type.Integer(), indicatorCode: Type.String(), unitCode: Type.String(), previousStatus: Nullable(Type.String()),
  status: Type.String(), raisedAt: Type.String(), acknowledgedAt: Nullable(Type.String()), acknowledgedBy: Nullable(Type.String()),
});
export const AlertPage = Type.Object({ items: Type.Array(AlertSchema), next: Nullable(Type.Integer()) });
