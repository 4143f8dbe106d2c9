import { Type, type Static } from 'typebox';
import { Day, UnitCode } from '../../http/schemas.js';

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  /** The actor's user name, so a reader sees who without looking the id up. */
  actorUsername: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  unitCode: Type.Union([Type.String(), Type.Null()]),
  subject: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Object({}, { additionalProperties: true }),
});

/** What the log can be narrowed to; the same filters serve the list and its export. */
const AuditFilter = {
  /** An action, or the start of one: `people.` finds every read and export of people. */
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9_.-]+$' })),
  /** The user name of whoever acted. */
  actor: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  /** A unit of the reader's subtree: entries of that unit and the units below it. */
  unit: Type.Optional(UnitCode),
  /** First and last Vietnam day of the entries, both included. */
  from: Type.Optional(Day),
  to: Type.Optional(Day),
};

export const AuditListQuerySchema = Type.Object(
  {
    ...AuditFilter,
    /** The id of the last entry of the previous page; entries come newest first. */
    after: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type AuditListQuery = Static<typeof AuditListQuerySchema>;

export const AuditExportQuerySchema = Type.Object(AuditFilter, { additionalProperties: false });
export type AuditFilterQuery = Static<typeof AuditExportQuerySchema>;

export const AuditListReplySchema = Type.Object({
  items: Type.Array(AuditEntrySchema),
  next: Type.Union([Type.Integer(), Type.Null()]),
});
