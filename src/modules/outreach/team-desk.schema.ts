import { Type } from 'typebox';
import { Day, Nullable, UnitCode } from '../../http/schemas.js';

const Tally = Type.Object({ visits: Type.Integer(), peopleGuided: Type.Integer(), milestones: Type.Integer() });

export const DeskQuery = Type.Object({ village: UnitCode, date: Type.Optional(Day) }, { additionalProperties: false });

export const TeamDeskSchema = Type.Object({
  villageCode: Type.String(),
  day: Type.String(),
  weekFrom: Type.String(),
  members: Type.Array(Type.Object({
    memberId: Type.String(), userId: Nullable(Type.String()), fullName: Type.String(), isLeader: Type.Boolean(),
    lastSyncedAt: Nullable(Type.String()), assignedHouseholds: Type.Integer(), day: Tally, week: Tally,
  })),
  others: Type.Object({ day: Tally, week: Tally }),
  assignments: Type.Array(Type.Object({ householdId: Type.String(), userId: Type.String() })),
});

export const AssignBody = Type.Object({
  village: UnitCode,
  householdIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 500 }),
  /** The member's account; null takes the households back from whoever had them. */
  userId: Nullable(Type.String({ format: 'uuid' })),
}, { additionalProperties: false });

export const AssignResponse = Type.Object({ assigned: Type.Integer() });
