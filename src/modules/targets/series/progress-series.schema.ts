import { Type } from 'typebox';
import { Day, Nullable, UnitCode } from '../../../http/schemas.js';
import { UnitSchema } from '../../units/units.schema.js';

const StatusSchema = Type.Union([
  Type.Literal('achieved'), Type.Literal('on_track'), Type.Literal('at_risk'), Type.Literal('behind'), Type.Literal('no_target'), Type.Literal('no_data'),
]);

export const SeriesQuery = Type.Object({
  unit: UnitCode,
  indicator: Type.String({ minLength: 1, maxLength: 64 }),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  step: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')], { default: 'week' })),
});

export const SeriesSchema = Type.Object({
  unit: UnitSchema,
  indicator: Type.Object({ code: Type.String(), name: Type.String(), unitLabel: Type.String(), percent: Type.Boolean() }),
  step: Type.String(), from: Type.String(), to: Type.String(),
  target: Nullable(Type.Number()), deadline: Nullable(Type.String()), status: StatusSchema,
  projected: Nullable(Type.Number()), neededPerWeek: Nullable(Type.Number()), gap: Nullable(Type.Number()),
  points: Type.Array(Type.Object({
    day: Type.String(), numerator: Nullable(Type.Number()), denominator: Nullable(Type.Number()), value: Nullable(Type.Number()),
  })),
});

export const VersionQuery = Type.Object({ unit: UnitCode });
export const VersionSchema = Type.Object({
  unit: Type.String(),
  version: Type.String({ description: 'Opaque; changes when a count or reported figure of the province changes' }),
});

export const RootsSchema = Type.Object({ items: Type.Array(UnitSchema) });

export const LeaderboardQuery = Type.Object({
  unit: UnitCode,
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

export const LeaderboardSchema = Type.Object({
  unitCode: Type.String(), from: Nullable(Type.String()), to: Type.String(), teams: Type.Integer(),
  items: Type.Array(Type.Object({
    teamId: Type.String(), name: Type.String(), unitCode: Type.String(), unitName: Type.String(), activeMembers: Type.Integer(),
    visits: Type.Integer(), householdsVisited: Type.Integer(), householdsCovered: Type.Integer({ description: 'Households where someone was guided' }), milestones: Type.Integer(),
  })),
});
