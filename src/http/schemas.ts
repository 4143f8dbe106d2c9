import { Type } from 'typebox';

/** Schema pieces every module shares. */
export const Day = Type.String({ format: 'date', description: 'A Vietnam local calendar day, YYYY-MM-DD' });
export const UnitCode = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9._-]+$', description: 'Official unit code' });

export const PageQuery = {
  after: Type.Optional(Type.String({ maxLength: 64, description: 'The `next` value of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
};

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    detail: Type.Optional(Type.String()),
    field: Type.Optional(Type.String()),
    rows: Type.Optional(Type.Array(Type.Object({
      row: Type.Integer(), field: Type.Optional(Type.String()), reason: Type.String(), message: Type.String(),
    }))),
  }),
});

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

