import { Type } from 'typebox';

/** Every parameter the statements resource takes; any other is refused (xAPI: unknown parameters are errors). */
export const StatementQuery = Type.Object({
  statementId: Type.Optional(Type.String({ maxLength: 64 })),
  voidedStatementId: Type.Optional(Type.String({ maxLength: 64 })),
  agent: Type.Optional(Type.String({ maxLength: 2000 })),
  verb: Type.Optional(Type.String({ maxLength: 2000 })),
  activity: Type.Optional(Type.String({ maxLength: 2000 })),
  registration: Type.Optional(Type.String({ maxLength: 64 })),
  since: Type.Optional(Type.String({ maxLength: 40 })),
  until: Type.Optional(Type.String({ maxLength: 40 })),
  limit: Type.Optional(Type.Integer({ minimum: 0 })),
  ascending: Type.Optional(Type.Boolean()),
  format: Type.Optional(Type.Union([Type.Literal('ids'), Type.Literal('exact'), Type.Literal('canonical')])),
  attachments: Type.Optional(Type.Literal(false)),
  related_activities: Type.Optional(Type.Literal(false)),
  related_agents: Type.Optional(Type.Literal(false)),
  cursor: Type.Optional(Type.Integer({ minimum: 0 })),
}, { additionalProperties: false });

export const PutQuery = Type.Object({ statementId: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

/** A statement or a batch: checked by the xAPI rules in statement-rules.ts, which name the faulty property. */
export const StatementBody = Type.Unknown({ description: 'An xAPI 1.0.3 statement, or an array of them' });

export const StatementAnswer = Type.Record(Type.String(), Type.Unknown());
export const StatementResult = Type.Object({ statements: Type.Array(StatementAnswer), more: Type.String() });

export const SystemBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }),
  unitCode: Type.String({ minLength: 1, maxLength: 20 }),
}, { additionalProperties: false });

const System = {
  id: Type.String(), name: Type.String(), unitCode: Type.String(), key: Type.String(), createdAt: Type.String(),
  disabledAt: Type.Union([Type.String(), Type.Null()]),
};
export const SystemParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const SystemSchema = Type.Object(System);
export const NewSystemSchema = Type.Object({ ...System, secret: Type.String() });
export const SystemList = Type.Object({ items: Type.Array(SystemSchema) });
export const UnitQuery = Type.Object({ unit: Type.String({ minLength: 1, maxLength: 20 }) });
