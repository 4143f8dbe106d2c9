import type { CommitteeRole, TeamAffiliation } from '../../db/types.js';
import type { CommitteeMemberRow, CommitteeRow } from './committees.queries.js';
import type { TeamRole } from './team-labels.js';
import type { LeadershipRow, MemberRow, TeamListRow, TeamRow } from './teams.queries.js';

/** What the API shows of teams and committees: camelCase, days as YYYY-MM-DD. */
export interface TeamSummary {
  id: string;
  unitCode: string;
  provinceCode: string;
  name: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  establishedOn: string;
}

export interface TeamListItem extends TeamSummary {
  activeMembers: number;
  leaderName: string | null;
}

export interface TeamMember {
  id: string;
  fullName: string;
  affiliation: TeamAffiliation;
  phone: string | null;
  /** The role on the day asked: the leader is the member whose leadership covers it. */
  role: TeamRole;
  userId: string | null;
  joinedOn: string;
  leftOn: string | null;
  active: boolean;
}

export interface Leadership {
  memberId: string;
  from: string;
  to: string | null;
}

export interface TeamDetail extends TeamSummary {
  day: string;
  leaderId: string | null;
  members: TeamMember[];
  leaderships: Leadership[];
}

export function presentTeam(row: TeamRow): TeamSummary {
  return {
    id: row.id,
    unitCode: row.unit_code,
    provinceCode: row.province_code,
    name: row.name,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    establishedOn: row.established_on,
  };
}

export function presentTeamListItem(row: TeamListRow): TeamListItem {
  return { ...presentTeam(row), activeMembers: row.active_members, leaderName: row.leader_name };
}

export function isActiveOn(member: Pick<MemberRow, 'joined_on' | 'left_on'>, day: string): boolean {
  return member.joined_on <= day && (member.left_on === null || member.left_on > day);
}

export function leaderOn(leaderships: readonly LeadershipRow[], day: string): string | null {
  const covering = leaderships.filter((l) => l.from_day <= day && (l.to_day === null || l.to_day > day));
  return covering.at(-1)?.member_id ?? null;
}

export function presentMember(row: MemberRow, day: string, leaderId: string | null): TeamMember {
  return {
    id: row.id,
    fullName: row.full_name,
    affiliation: row.affiliation,
    phone: row.phone,
    role: row.id === leaderId ? 'leader' : 'member',
    userId: row.user_id,
    joinedOn: row.joined_on,
    leftOn: row.left_on,
    active: isActiveOn(row, day),
  };
}

export function presentTeamDetail(team: TeamRow, members: MemberRow[], leaderships: LeadershipRow[], day: string): TeamDetail {
  const leaderId = leaderOn(leaderships, day);
  return {
    ...presentTeam(team),
    day,
    leaderId,
    members: members.map((m) => presentMember(m, day, leaderId)),
    leaderships: leaderships.map((l) => ({ memberId: l.member_id, from: l.from_day, to: l.to_day })),
  };
}

export interface CommitteeMember {
  id: string;
  fullName: string;
  position: string;
  committeeRole: CommitteeRole;
  userId: string | null;
}

export interface Committee {
  unitCode: string;
  provinceCode: string;
  decisionNumber: string;
  decisionDate: string;
  updatedAt: string;
  members: CommitteeMember[];
  /** Set when the commune has no committee of its own yet and answers with one of a commune merged into it. */
  inheritedFrom: string | null;
}

export function presentCommittee(row: CommitteeRow, members: CommitteeMemberRow[]): Committee {
  return {
    unitCode: row.unit_code,
    provinceCode: row.province_code,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    updatedAt: row.updated_at.toISOString(),
    members: members.map((m) => ({ id: m.id, fullName: m.full_name, position: m.position, committeeRole: m.committee_role, userId: m.user_id })),
    inheritedFrom: null,
  };
}
