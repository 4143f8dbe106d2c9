import { Type } from 'typebox';
import { Day, Nullable, UnitCode } from '../../http/schemas.js';
import { UnitSchema } from '../units/units.schema.js';

export const CoverageQuery = Type.Object({ unit: UnitCode, date: Type.Optional(Day) });

const Figures = {
  households: Type.Integer(),
  householdsVisited: Type.Integer({ description: 'Households with any live visit' }),
  householdsCovered: Type.Integer({ description: 'Households where someone was guided' }),
  householdsToComeBack: Type.Integer({ description: 'Visited but nobody guided yet (not home, refused, follow up)' }),
  rate: Type.Number({ description: 'householdsCovered ÷ households, 0 when there are no households' }),
};

export const CoverageResponse = Type.Object({
  unit: UnitSchema,
  date: Type.String(),
  ...Figures,
  residents: Type.Integer(),
  milestones: Type.Record(Type.String(), Type.Integer()),
  children: Type.Array(Type.Object({ unit: UnitSchema, ...Figures })),
});

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

export const MissingQuery = Type.Object({
  village: UnitCode,
  milestone: Type.String({ minLength: 1, maxLength: 40 }),
  after: Type.Optional(Type.String({ pattern: `^${UUID}\\.${UUID}$`, description: 'The `next` of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});

export const MissingPage = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String(),
    householdId: Type.String(),
    householdLabel: Type.String(),
    fullName: Type.String(),
    birthYear: Nullable(Type.Integer()),
    sex: Nullable(Type.String()),
    groups: Type.Array(Type.String()),
  })),
  next: Nullable(Type.String()),
});
