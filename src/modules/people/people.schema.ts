import { Type } from 'typebox';

export const MilestoneKindSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  sort: Type.Integer(),
  provinceCode: Type.Union([Type.String(), Type.Null()], { description: 'Null: shared by every province; else the province that owns the kind' }),
});

export const MilestoneKindList = Type.Object({ items: Type.Array(MilestoneKindSchema) });

const Name = Type.String({ minLength: 1, maxLength: 200 });

export const CreateMilestoneKindBody = Type.Object({
  code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$', description: 'Stable code, lower case: letters, digits, underscores' }),
  nameVi: Name,
  nameEn: Name,
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
}, { additionalProperties: false });
