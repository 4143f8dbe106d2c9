import { Type, type Static } from 'typebox';
import { Day, Nullable, UnitCode } from '../../http/schemas.js';

export const EVENT_TYPES = ['week', 'class', 'festival', 'contest_ceremony', 'other'] as const;
export const CAMPAIGN_KINDS = ['week', 'other'] as const;

const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 with offset' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const SkillCode = Type.String({ minLength: 1, maxLength: 40 });

export const IdParams = Type.Object({ id: Uuid });

export const CampaignBody = Type.Object({
  provinceCode: UnitCode,
  kind: Type.Enum(CAMPAIGN_KINDS),
  title: Text(200),
  startsOn: Day,
  endsOn: Day,
}, { additionalProperties: false });
export type CampaignInput = Static<typeof CampaignBody>;

export const CampaignSchema = Type.Object({
  id: Type.String(), provinceCode: Type.String(), kind: Type.String(), title: Type.String(), startsOn: Type.String(), endsOn: Type.String(),
});
export const CampaignList = Type.Object({ items: Type.Array(CampaignSchema) });
export const ProvinceQuery = Type.Object({ province: UnitCode });

export const CampaignProgress = Type.Object({
  campaign: CampaignSchema,
  organised: Type.Integer({ description: 'Communes with at least one event of the campaign' }),
  communes: Type.Integer({ description: 'Communes of the province today' }),
  notOrganised: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
});

export const EventBody = Type.Object({
  unitCode: UnitCode,
  type: Type.Enum(EVENT_TYPES),
  title: Text(200),
  startsAt: Instant,
  endsAt: Instant,
  place: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000 }))),
  skills: Type.Optional(Type.Array(SkillCode, { maxItems: 20 })),
  organiser: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  campaignId: Type.Optional(Nullable(Uuid)),
}, { additionalProperties: false });
export type EventInput = Static<typeof EventBody>;

export const EventSchema = Type.Object({
  id: Type.String(),
  unitCode: Type.String(),
  communeCode: Type.String(),
  type: Type.String(),
  title: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  place: Nullable(Type.String()),
  capacity: Nullable(Type.Integer()),
  skills: Type.Array(Type.String()),
  organiser: Nullable(Type.String()),
  campaignId: Nullable(Type.String()),
  registered: Type.Integer(),
});
export type EventView = Static<typeof EventSchema>;
export const EventList = Type.Object({ items: Type.Array(EventSchema) });
export const EventListQuery = Type.Object({
  unit: UnitCode,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
});

export const RegistrationBody = Type.Object({
  fullName: Text(200),
  phone: Type.Optional(Type.String({ maxLength: 20, pattern: '^[0-9 +.-]*$' })),
  unitCode: Type.Optional(UnitCode),
  /** A team member registering a resident of their village (signed in). */
  residentId: Type.Optional(Uuid),
}, { additionalProperties: false });
export type RegistrationInput = Static<typeof RegistrationBody>;

export const RegistrationAnswer = Type.Object({
  code: Type.String({ description: 'The short code to show at the door' }),
  qr: Type.Optional(Type.String({ description: 'The code as a QR image (SVG)' })),
  event: Type.Object({ title: Type.String(), startsAt: Type.String(), endsAt: Type.String(), place: Nullable(Type.String()) }),
});

export const PublicEventSchema = Type.Object({
  id: Type.String(), type: Type.String(), title: Type.String(), startsAt: Type.String(), endsAt: Type.String(),
  place: Nullable(Type.String()), capacity: Nullable(Type.Integer()), registered: Type.Integer(), unitName: Type.String(),
});

export const AttendanceSchema = Type.Object({
  people: Type.Integer({ description: 'Distinct people checked in (registered or residents)' }),
  attendances: Type.Integer({ description: 'People plus walk-ins counted by head' }),
  headCount: Type.Integer({ description: 'Walk-ins without a record' }),
  capacity: Nullable(Type.Integer()),
  overCapacity: Type.Boolean(),
  bySkill: Type.Array(Type.Object({ skill: Type.String(), attendances: Type.Integer() })),
});

export const UnitAttendanceQuery = Type.Object({
  unit: UnitCode,
  from: Type.Optional(Day),
  to: Type.Optional(Day),
}, { additionalProperties: false });

export const UnitAttendanceSchema = Type.Object({
  unitCode: Type.String(),
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
  events: Type.Integer({ description: 'Events of the unit and its units with at least one check-in in the span' }),
  people: Type.Integer({ description: 'Distinct people checked in (registered or residents), once however many events they came to' }),
  attendances: Type.Integer({ description: 'Each person once per event, plus walk-ins by head' }),
  headCount: Type.Integer({ description: 'Walk-ins without a record' }),
  bySkill: Type.Array(Type.Object({ skill: Type.String(), people: Type.Integer(), attendances: Type.Integer(), events: Type.Integer() })),
});

/** The data of a `check_in` sync item: exactly one of a registration code, a resident or a head count. */
export const CheckInData = Type.Object({
  eventId: Uuid,
  registrationCode: Type.Optional(Type.String({ minLength: 4, maxLength: 16, pattern: '^[A-Za-z0-9-]+$' })),
  residentId: Type.Optional(Uuid),
  /** The check code of a certificate in force, as its QR or a typed code gives it: the holder is checked in. */
  certificateCode: Type.Optional(Type.String({ minLength: 10, maxLength: 16, pattern: '^[A-Za-z0-9 -]+$' })),
  headCount: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  skill: Type.Optional(SkillCode),
  checkedInAt: Instant,
}, { additionalProperties: false });
export type CheckInItemData = Static<typeof CheckInData>;
