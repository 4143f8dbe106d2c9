import { Type } from 'typebox';
import { Day, Nullable, PageQuery, UnitCode } from '../../http/schemas.js';

export const UnitSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  type: Type.String(),
  tier: Type.Union([Type.Literal('province'), Type.Literal('commune'), Type.Literal('village')]),
  parentCode: Nullable(Type.String()),
  provinceCode: Type.String(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  successorCode: Nullable(Type.String()),
});

export const CodeParams = Type.Object({ code: UnitCode });
export const AtDayQuery = Type.Object({ date: Type.Optional(Day) });
export const ChildrenQuery = Type.Object({ date: Type.Optional(Day), ...PageQuery });
export const UnitPage = Type.Object({ items: Type.Array(UnitSchema), next: Nullable(Type.String()) });

const Name = Type.String({ minLength: 1, maxLength: 200 });
const UnitType = Type.String({ minLength: 1, maxLength: 40, description: 'Official type, e.g. xã, phường, thôn, tổ dân phố' });

export const CreateUnitBody = Type.Object({
  code: UnitCode, name: Name, type: UnitType, parentCode: Nullable(UnitCode), validFrom: Day,
}, { additionalProperties: false });

export const RenameBody = Type.Object({ name: Name, type: Type.Optional(UnitType), effectiveDate: Day }, { additionalProperties: false });
export const MoveBody = Type.Object({ parentCode: UnitCode, effectiveDate: Day }, { additionalProperties: false });

export const MergeBody = Type.Object({
  sources: Type.Array(UnitCode, { minItems: 1, maxItems: 50 }),
  into: Type.Object({ code: UnitCode, name: Type.Optional(Name), type: Type.Optional(UnitType), parentCode: Type.Optional(UnitCode) }, { additionalProperties: false }),
  effectiveDate: Day,
}, { additionalProperties: false });

export const SplitBody = Type.Object({
  successors: Type.Array(Type.Object({ code: UnitCode, name: Type.Optional(Name), type: Type.Optional(UnitType) }, { additionalProperties: false }), { minItems: 2, maxItems: 50 }),
  children: Type.Record(Type.String(), UnitCode),
  factsTo: UnitCode,
  effectiveDate: Day,
}, { additionalProperties: false });

export const StatisticsResponse = Type.Object({
  unit: UnitSchema,
  day: Type.String(),
  statistics: Type.Record(Type.String(), Nullable(Type.Number())),
});

export const ImportQuery = Type.Object({ validFrom: Type.Optional(Day) });
export const ImportSummarySchema = Type.Object({ created: Type.Integer(), renamed: Type.Integer(), unchanged: Type.Integer() });

export const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 100, description: 'Part of a name (accents optional) or the start of a code' }),
  date: Type.Optional(Day),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});
export const SearchResult = Type.Object({
  items: Type.Array(Type.Object({ ...UnitSchema.properties, parentName: Nullable(Type.String()) })),
});

export const OperationPreviewSchema = Type.Object({
  effectiveDate: Type.String(),
  before: Type.Array(Type.Object({
    code: Type.String(),
    name: Type.String(),
    tier: Type.String(),
    children: Type.Integer(),
    teams: Type.Integer(),
    teamMembers: Type.Integer(),
    figures: Type.Record(Type.String(), Type.Number()),
  })),
  after: Type.Array(UnitSchema),
});
