import { Type } from 'typebox';
import { Day, Nullable, UnitCode } from '../../../http/schemas.js';

export const ReportedStatusSchema = Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('approved'), Type.Literal('returned')]);
export const PeriodTypeSchema = Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month'), Type.Literal('quarter'), Type.Literal('year')]);

export const ReportedValueSchema = Type.Object({
  id: Type.Integer(), indicatorCode: Type.String(), unitCode: Type.String(), periodType: PeriodTypeSchema,
  periodStart: Type.String(), periodEnd: Type.String(), value: Type.Number(), status: ReportedStatusSchema,
  comment: Nullable(Type.String()), updatedAt: Type.String(),
});

export const SaveReportedValueBody = Type.Object({
  indicatorCode: Type.String({ minLength: 1, maxLength: 64 }),
  unitCode: UnitCode,
  periodType: PeriodTypeSchema,
  periodStart: Day,
  value: Type.Number({ minimum: 0, maximum: 1e12 }),
  comment: Type.Optional(Type.String({ maxLength: 1000 })),
  submit: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const DecisionBody = Type.Object({ comment: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false });
export const ReturnBody = Type.Object({ comment: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });

export const ReportedListQuery = Type.Object({
  unit: UnitCode,
  indicator: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(ReportedStatusSchema),
  after: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
export const ReportedPage = Type.Object({
  items: Type.Array(ReportedValueSchema), next: Nullable(Type.Integer()),
  successor: Type.Optional(Type.Object({ code: Type.String(), name: Type.String(), endedOn: Type.String() })),
});

export const HistorySchema = Type.Array(Type.Object({
  action: Type.String(), value: Type.Number(), status: ReportedStatusSchema, comment: Nullable(Type.String()),
  actorUserId: Nullable(Type.String()), at: Type.String(),
}));

export const DifficultyCategorySchema = Type.Union([
  Type.Literal('weak_network'), Type.Literal('no_devices'), Type.Literal('no_trainers'), Type.Literal('no_materials'), Type.Literal('other'),
]);
export const DifficultyStatusSchema = Type.Union([Type.Literal('open'), Type.Literal('assigned'), Type.Literal('answered'), Type.Literal('closed')]);

export const DifficultySchema = Type.Object({
  id: Type.String(), unitCode: Type.String(), category: DifficultyCategorySchema, description: Type.String(),
  status: DifficultyStatusSchema, reportedBy: Nullable(Type.String()), reportedAt: Type.String(),
  assigneeUserId: Nullable(Type.String()), answer: Nullable(Type.String()), answeredAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()), hasPhoto: Type.Boolean(),
});

export const ReportDifficultyBody = Type.Object({
  unitCode: UnitCode, category: DifficultyCategorySchema, description: Type.String({ minLength: 1, maxLength: 2000 }),
  /** A JPEG, PNG or WebP data URL, downscaled on the phone; the server caps the bytes. */
  photo: Type.Optional(Type.String({ maxLength: 600_000 })),
}, { additionalProperties: false });

export const DifficultyParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const DifficultyActionBody = Type.Union([
  Type.Object({ action: Type.Literal('assign'), assigneeUserId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('answer'), answer: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('close') }, { additionalProperties: false }),
]);

export const DifficultyListQuery = Type.Object({
  unit: UnitCode,
  status: Type.Optional(Type.Array(DifficultyStatusSchema, { maxItems: 4 })),
  after: Type.Optional(Type.String({ format: 'uuid' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
export const DifficultyPage = Type.Object({ items: Type.Array(DifficultySchema), next: Nullable(Type.String()) });

export const AtDay = Type.Object({ date: Type.Optional(Day) });

/** Image bytes (JPEG, PNG or WebP), sent as they were stored. */
export const PhotoBytes = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
