import { Type } from 'typebox';
import { Nullable, UnitCode } from '../../http/schemas.js';

export const MAX_SYNC_ITEMS = 500;

/** The envelope of a push. Item data is checked per item by the service, not here. */
export const SyncBody = Type.Object({
  deviceId: Type.String({ format: 'uuid' }),
  items: Type.Array(Type.Object({
    id: Type.String({ format: 'uuid', description: 'UUIDv7 made on the device: the id of this write' }),
    kind: Type.Enum(['household', 'resident', 'visit', 'milestone', 'difficulty', 'check_in']),
    data: Type.Object({}, { additionalProperties: true }),
    recordedAt: Type.String({ format: 'date-time', description: 'When the write was made on the device, with its offset' }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: MAX_SYNC_ITEMS }),
}, { additionalProperties: false });

export const ItemError = Type.Object({
  code: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
});

export const SyncResponse = Type.Object({
  results: Type.Array(Type.Object({
    id: Type.String(),
    status: Type.Enum(['applied', 'duplicate', 'conflict', 'rejected']),
    error: Type.Optional(ItemError),
  })),
  serverTime: Type.String(),
});

export const PullQuery = Type.Object({
  village: UnitCode,
  after: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$', description: 'The `next` of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000, default: 1000 })),
});

const Text = Nullable(Type.String());

export const HouseholdRecordSchema = Type.Object({
  id: Type.String(),
  villageCode: Type.String(),
  label: Type.String(),
  address: Text,
  headName: Text,
  note: Text,
  status: Type.String({ description: 'active or gone' }),
  revision: Type.Integer(),
  updatedAt: Type.String(),
  updatedById: Type.Optional(Nullable(Type.String())),
  updatedBy: Type.Optional(Nullable(Type.String({ description: 'Display name of the account that made the last change' }))),
});

export const ResidentRecordSchema = Type.Object({
  id: Type.String(),
  householdId: Type.String(),
  fullName: Type.String(),
  birthYear: Nullable(Type.Integer()),
  sex: Text,
  groups: Type.Array(Type.String()),
  ethnicity: Text,
  language: Text,
  nationalIdLast4: Text,
  milestones: Type.Array(Type.String()),
  status: Type.String({ description: 'active, moved_away, deceased or merged' }),
  mergedInto: Nullable(Type.String()),
  revision: Type.Integer(),
  updatedAt: Type.String(),
  updatedById: Type.Optional(Nullable(Type.String())),
  updatedBy: Type.Optional(Nullable(Type.String({ description: 'Display name of the account that made the last change' }))),
});

export const PullResponse = Type.Object({
  households: Type.Array(HouseholdRecordSchema),
  residents: Type.Array(ResidentRecordSchema),
  visitedHouseholds: Type.Array(Type.String()),
  householdStates: Type.Array(Type.Object({
    householdId: Type.String(),
    status: Type.Union([Type.Literal('covered'), Type.Literal('come_back')], { description: 'covered: someone was guided; come_back: visited, nobody guided yet' }),
    lastTriedAt: Nullable(Type.String({ description: 'The latest live visit' })),
    lastOutcome: Nullable(Type.String()),
  }), { description: 'The coverage of the page\'s households that have a live visit; the others were never visited' }),
  next: Nullable(Type.String()),
  cursor: Type.String({ description: 'Where the device stands after this page, also on the last one: keep it and send it as `after` next time to receive only later changes' }),
  assignedToMe: Type.Optional(Type.Array(Type.String(), { description: 'On the last page: the village households the team leader assigned to this account' })),
  capped: Type.Boolean(),
  message: Type.Optional(Type.String()),
});

export const ConflictsQuery = Type.Object({
  unit: UnitCode,
  after: Type.Optional(Type.String({ format: 'uuid' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  /** Open conflicts (the default) or every one, settled ones with who settled them. */
  state: Type.Optional(Type.Enum(['open', 'all'])),
});

export const ConflictSchema = Type.Object({
  id: Type.String(),
  itemId: Type.String(),
  recordKind: Type.String(),
  recordId: Type.String(),
  villageCode: Type.String(),
  losingSide: Type.Enum(['incoming', 'stored']),
  baseRevision: Nullable(Type.Integer()),
  storedRevision: Type.Integer(),
  lostData: Type.Record(Type.String(), Type.Unknown()),
  lostRecordedAt: Type.String(),
  lostDeviceId: Nullable(Type.String()),
  lostUserId: Nullable(Type.String()),
  wonRecordedAt: Type.String(),
  detectedAt: Type.String(),
  current: Nullable(Type.Object({
    revision: Type.Integer(),
    data: Type.Record(Type.String(), Type.Unknown()),
    recordedAt: Type.String(),
    updatedBy: Nullable(Type.String()),
    status: Type.String(),
  })),
  resolution: Nullable(Type.Enum(['kept', 'restored'])),
  resolvedAt: Nullable(Type.String()),
  resolvedBy: Nullable(Type.String()),
});

export const ConflictParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const ConflictChoice = Type.Object({
  /** `keep`: the version the rule kept stays; `restore`: the replaced version is written back as a new edit. */
  choice: Type.Enum(['keep', 'restore']),
}, { additionalProperties: false });

export const ConflictPage = Type.Object({ items: Type.Array(ConflictSchema), next: Nullable(Type.String()) });
