import { Type } from 'typebox';
import { Day, Nullable, PageQuery, UnitCode } from '../../http/schemas.js';
import { AFFILIATIONS, COMMITTEE_ROLES, TEAM_ROLES } from './team-labels.js';

const Id = Type.String({ format: 'uuid' });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const DecisionNumber = Type.String({ minLength: 1, maxLength: 100, description: 'Số quyết định, e.g. 125/QĐ-UBND' });
const Phone = Type.String({ maxLength: 20, pattern: '^[0-9 +.()-]*$', description: 'Vietnamese phone number; stored as 0xxxxxxxxx' });
const Affiliation = Type.Enum(AFFILIATIONS);
const TeamRole = Type.Enum(TEAM_ROLES);
const CommitteeRole = Type.Enum(COMMITTEE_ROLES);

export const TeamParams = Type.Object({ id: Id });
export const MemberParams = Type.Object({ id: Id, memberId: Id });
export const CommitteeParams = Type.Object({ unitCode: UnitCode });
export const DayQuery = Type.Object({ date: Type.Optional(Day) });
export const TeamListQuery = Type.Object({ unit: UnitCode, date: Type.Optional(Day), ...PageQuery });
export const CsvFile = Type.Unknown({ description: 'UTF-8 CSV with the header village_code,team_name,member_name,affiliation,role,phone,username' });
export const XlsxFile = Type.Unknown({ description: 'A workbook whose first sheet has the same columns as the CSV' });

/** `date`: the day new teams, members and leaders start; today by default. */
export const ImportQuery = Type.Object({ date: Type.Optional(Day) });

const TeamFields = {
  id: Type.String(),
  unitCode: Type.String(),
  provinceCode: Type.String(),
  name: Type.String(),
  decisionNumber: Nullable(Type.String()),
  decisionDate: Nullable(Type.String()),
  establishedOn: Type.String(),
};

export const TeamListItemSchema = Type.Object({ ...TeamFields, activeMembers: Type.Integer(), leaderName: Nullable(Type.String()) });
export const TeamPage = Type.Object({ items: Type.Array(TeamListItemSchema), next: Nullable(Type.String()) });

export const TeamMemberSchema = Type.Object({
  id: Type.String(),
  fullName: Type.String(),
  affiliation: Affiliation,
  phone: Nullable(Type.String()),
  role: TeamRole,
  userId: Nullable(Type.String()),
  joinedOn: Type.String(),
  leftOn: Nullable(Type.String()),
  active: Type.Boolean(),
});

export const TeamDetailSchema = Type.Object({
  ...TeamFields,
  day: Type.String(),
  leaderId: Nullable(Type.String()),
  members: Type.Array(TeamMemberSchema),
  leaderships: Type.Array(Type.Object({ memberId: Type.String(), from: Type.String(), to: Nullable(Type.String()) })),
});

export const CreateTeamBody = Type.Object({
  unitCode: UnitCode,
  name: Name,
  decisionNumber: Type.Optional(Nullable(DecisionNumber)),
  decisionDate: Type.Optional(Nullable(Day)),
  establishedOn: Day,
}, { additionalProperties: false });

export const UpdateTeamBody = Type.Object({
  name: Type.Optional(Name),
  decisionNumber: Type.Optional(Nullable(DecisionNumber)),
  decisionDate: Type.Optional(Nullable(Day)),
}, { additionalProperties: false, minProperties: 1 });

export const AddMemberBody = Type.Object({
  fullName: Name,
  affiliation: Affiliation,
  phone: Type.Optional(Nullable(Phone)),
  role: TeamRole,
  userId: Type.Optional(Nullable(Id)),
  joinedOn: Type.Optional(Day),
}, { additionalProperties: false });

export const EndMemberBody = Type.Object({ leftOn: Day }, { additionalProperties: false });
export const MoveMemberBody = Type.Object({ toTeamId: Id, on: Type.Optional(Day) }, { additionalProperties: false });
export const SetLeaderBody = Type.Object({ memberId: Id, from: Type.Optional(Day) }, { additionalProperties: false });

export const ImportSummarySchema = Type.Object({
  teamsCreated: Type.Integer(),
  teamsRenamed: Type.Integer(),
  membersAdded: Type.Integer(),
  membersUpdated: Type.Integer(),
  leadersChanged: Type.Integer(),
  unchanged: Type.Integer(),
});

const CommitteeMemberFields = {
  fullName: Name,
  position: Type.String({ minLength: 1, maxLength: 200, description: 'Chức vụ, e.g. Bí thư Đảng ủy xã' }),
  committeeRole: CommitteeRole,
};

export const CommitteeSchema = Type.Object({
  unitCode: Type.String(),
  provinceCode: Type.String(),
  decisionNumber: Type.String(),
  decisionDate: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  members: Type.Array(Type.Object({ id: Type.String(), ...CommitteeMemberFields, userId: Nullable(Type.String()) })),
  inheritedFrom: Nullable(Type.String()),
});

export const PutCommitteeBody = Type.Object({
  decisionNumber: DecisionNumber,
  decisionDate: Day,
  members: Type.Array(
    Type.Object({ ...CommitteeMemberFields, userId: Type.Optional(Nullable(Id)) }, { additionalProperties: false }),
    { maxItems: 60 },
  ),
}, { additionalProperties: false });

const PreviewProblem = Type.Object({ field: Nullable(Type.String()), message: Type.String() });
export const ImportPreviewSchema = Type.Object({
  rows: Type.Array(Type.Object({
    line: Type.Integer(),
    villageCode: Type.String(),
    teamName: Type.String(),
    fullName: Type.String(),
    role: Type.String(),
    outcome: Nullable(Type.Union([Type.Literal('added'), Type.Literal('updated'), Type.Literal('unchanged'), Type.Literal('leader')])),
    errors: Type.Array(PreviewProblem),
  })),
  summary: Nullable(ImportSummarySchema),
  fileErrors: Type.Array(PreviewProblem),
});
