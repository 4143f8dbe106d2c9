import { Type, type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import '../../http/calendar-formats.js';
import { UnitCode } from '../../http/schemas.js';
import { findUnstorable } from '../../http/storable-input.js';
import { NATIONAL_ID_PATTERN } from '../people/people.public.js';
import { RESIDENT_GROUPS } from '../people/people.service.js';
import { CheckInData, type CheckInItemData } from '../events/events.schema.js';

/**
 * The data of each kind of sync item. The envelope is checked by the route (a bad one answers
 * 400); each item's data is checked here, so one bad item is rejected with its field while
 * the others apply.
 */
const Uuid = Type.String({ format: 'uuid' });
const Code = Type.String({ minLength: 1, maxLength: 40 });
const OptionalText = (maxLength: number) => Type.Optional(Type.Union([Type.String({ maxLength }), Type.Null()]));
const Required = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
// A revision is an int column; anything past it is no revision the server gave.
const BaseRevision = Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647 }));

export const HouseholdData = Type.Object({
  id: Uuid,
  villageCode: UnitCode,
  label: Required(200),
  address: OptionalText(300),
  headName: OptionalText(200),
  note: OptionalText(1000),
  status: Type.Optional(Type.Enum(['active', 'gone'])),
  baseRevision: BaseRevision,
}, { additionalProperties: false });

export const ResidentData = Type.Object({
  id: Uuid,
  householdId: Uuid,
  fullName: Required(200),
  birthYear: Type.Optional(Type.Union([Type.Integer({ minimum: 1900, maximum: 2100 }), Type.Null()])),
  sex: Type.Optional(Type.Union([Type.Enum(['male', 'female', 'other']), Type.Null()])),
  groups: Type.Array(Type.Enum(RESIDENT_GROUPS), { maxItems: RESIDENT_GROUPS.length }),
  ethnicity: OptionalText(60),
  language: OptionalText(60),
  nationalId: Type.Optional(Type.Union([Type.String({ pattern: NATIONAL_ID_PATTERN }), Type.Null()])),
  status: Type.Optional(Type.Enum(['active', 'moved_away', 'deceased'])),
  /** The resident this one is the same person as: a merge into that record. */
  sameAs: Type.Optional(Uuid),
  baseRevision: BaseRevision,
}, { additionalProperties: false });

export const VisitData = Type.Object({
  // The item id is the visit's id; a copy here is accepted when it is the same.
  id: Type.Optional(Uuid),
  householdId: Uuid,
  visitedAt: Type.String({ format: 'date-time' }),
  peoplePresent: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
  help: Type.Optional(Type.Array(Type.Object({
    residentId: Uuid,
    milestone: Code,
    /** With `skills_confirmed`: which skills were checked (skills confirmed, guided). */
    skills: Type.Optional(Type.Array(Code, { minItems: 1, maxItems: 20 })),
  }, { additionalProperties: false }), { maxItems: 200 })),
  skillsTaught: Type.Optional(Type.Array(Code, { maxItems: 20 })),
  outcome: Type.Enum(['guided', 'not_home', 'refused', 'follow_up']),
  notes: OptionalText(2000),
  supersedes: Type.Optional(Uuid),
}, { additionalProperties: false });

export const MilestoneData = Type.Object({
  id: Type.Optional(Uuid),
  residentId: Uuid,
  kind: Code,
  achievedOn: Type.String({ format: 'date' }),
  source: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
}, { additionalProperties: false });

/** A difficulty raised by a team, offline like every write; its id is the item's id. */
export const DifficultyData = Type.Object({
  unitCode: UnitCode,
  category: Type.Enum(['weak_network', 'no_devices', 'no_trainers', 'no_materials', 'other']),
  description: Required(2000),
  /** A JPEG, PNG or WebP data URL, downscaled on the phone; the server caps the bytes. */
  photo: Type.Optional(Type.String({ maxLength: 600_000 })),
}, { additionalProperties: false });

export type HouseholdItemData = Static<typeof HouseholdData>;
export type ResidentItemData = Static<typeof ResidentData>;
export type VisitItemData = Static<typeof VisitData>;
export type MilestoneItemData = Static<typeof MilestoneData>;
export type DifficultyItemData = Static<typeof DifficultyData>;

export type ParsedItem =
  | { kind: 'household'; data: HouseholdItemData }
  | { kind: 'resident'; data: ResidentItemData }
  | { kind: 'visit'; data: VisitItemData }
  | { kind: 'milestone'; data: MilestoneItemData }
  | { kind: 'difficulty'; data: DifficultyItemData }
  | { kind: 'check_in'; data: CheckInItemData };

export type SyncKind = ParsedItem['kind'];

const validators = {
  household: Compile(HouseholdData),
  resident: Compile(ResidentData),
  visit: Compile(VisitData),
  milestone: Compile(MilestoneData),
  difficulty: Compile(DifficultyData),
  check_in: Compile(CheckInData),
};

interface SchemaError {
  instancePath: string;
  params: { requiredProperties?: string[]; additionalProperties?: string[] };
}

/** `/help/0/residentId` → `help[0].residentId`, with the missing or extra property named. */
function fieldOf(error: SchemaError): string {
  const parts = error.instancePath.split('/').filter(Boolean).map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`));
  const leaf = error.params.requiredProperties?.[0] ?? error.params.additionalProperties?.[0];
  if (leaf !== undefined) parts.push(`.${leaf}`);
  return parts.join('').replace(/^\./, '');
}

const UPPER = /[A-F]/;
const lower = (id: string) => (UPPER.test(id) ? id.toLowerCase() : id);
const lowerOptional = (id: string | undefined) => (id === undefined ? id : lower(id));

/**
 * Ids as the database writes them (lower case), so a device may send either case. The data is
 * the request's own parsed body, changed in place, in plain loops: a batch of 500 visits
 * allocates nothing here (a closure per visit did).
 */
function normaliseIds(item: ParsedItem): ParsedItem {
  switch (item.kind) {
    case 'household':
      item.data.id = lower(item.data.id);
      break;
    case 'resident':
      item.data.id = lower(item.data.id);
      item.data.householdId = lower(item.data.householdId);
      break;
    case 'visit': {
      const data = item.data;
      data.householdId = lower(data.householdId);
      if (data.id !== undefined) data.id = lower(data.id);
      if (data.supersedes !== undefined) data.supersedes = lower(data.supersedes);
      const present = data.peoplePresent ?? [];
      for (let i = 0; i < present.length; i++) present[i] = lower(present[i]!);
      const help = data.help ?? [];
      for (let i = 0; i < help.length; i++) help[i]!.residentId = lower(help[i]!.residentId);
      break;
    }
    case 'milestone':
      item.data.residentId = lower(item.data.residentId);
      item.data.id = lowerOptional(item.data.id);
      break;
    case 'difficulty':
      break;
    case 'check_in':
      item.data.eventId = lower(item.data.eventId);
      item.data.residentId = lowerOptional(item.data.residentId);
      break;
  }
  return item;
}

/**
 * The item's data typed by kind, or the path of the first thing wrong with it (relative to `data`).
 * `storable`: the batch's text showed that nothing in it can be unstorable (`isKnownStorable`).
 */
export function parseItemData(
  kind: SyncKind, data: unknown, storable = false,
): { ok: true; item: ParsedItem } | { ok: false; field: string; detail: string } {
  // Checked before the schema so a NUL in a property the schema would refuse is named too.
  const unstorable = storable ? undefined : findUnstorable(data);
  if (unstorable !== undefined) return { ok: false, field: unstorable, detail: 'text or number that cannot be stored' };
  const validator = validators[kind] as ReturnType<typeof Compile<TSchema>>;
  if (validator.Check(data)) return { ok: true, item: normaliseIds({ kind, data } as ParsedItem) };
  const [first] = validator.Errors(data) as unknown as (SchemaError & { message: string })[];
  return { ok: false, field: first ? fieldOf(first) : '', detail: first?.message ?? 'invalid data' };
}
