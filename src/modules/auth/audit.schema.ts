import { Type, type Static } from 'typebox';

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  unitCode: Type.Union([Type.String(), Type.Null()]),
  subject: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Object({}, { additionalProperties: true }),
});

export const AuditListQuerySchema = Type.Object(
  {
    /** The id of the last entry of the previous page; entries come newest first. */
    after: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type AuditListQuery = Static<typeof AuditListQuerySchema>;

export const AuditListReplySchema = Type.Object({
  items: Type.Array(AuditEntrySchema),
  next: Type.Union([Type.Integer(), Type.Null()]),
});
