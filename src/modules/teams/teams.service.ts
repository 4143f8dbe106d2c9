import { v7 } from 'uuid';
import type { Database } from '../../db/database.js';
import { inTransaction, sqlStateOf, SQLSTATE } from '../../db/transaction.js';
import type { TeamAffiliation } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { toPage, type Page } from '../../lib/page.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { recordAudit } from '../audit-log/audit-log.service.js';
import { getVisibleUnit, subtreeCodes } from '../units/units.service.js';
import { cleanName, normalisePhone, type TeamRole } from './team-labels.js';
import { checkTeamUser, teamUnit, visibleTeam } from './team-scope.js';
import { isActiveOn, leaderOn, presentMember, presentTeamDetail, presentTeamListItem, type TeamDetail, type TeamListItem, type TeamMember } from './teams.presenter.js';
import * as q from './teams.queries.js';

export type { TeamDetail, TeamListItem, TeamMember } from './teams.presenter.js';

/**
 * Community digital technology teams: one per village-level unit (or commune-level unit), its
 * members over time and one leader at a time. Members leave by a dated end and are never
 * deleted; a leadership change closes one period and opens the next, only forward in time.
 */

export interface NewTeam {
  unitCode: string;
  name: string;
  decisionNumber?: string | null;
  decisionDate?: string | null;
  establishedOn: string;
}

export async function createTeam(db: Database, viewer: Viewer | null, input: NewTeam): Promise<TeamDetail> {
  return inTransaction(db, async (trx) => {
    const unit = await teamUnit(trx, viewer, input.unitCode, input.establishedOn, 'unitCode');
    const id = v7();
    try {
      await q.insertTeams(trx, [{
        id, unit_code: unit.code, province_code: unit.provinceCode, name: cleanName(input.name),
        decision_number: input.decisionNumber?.trim() || null, decision_date: input.decisionDate ?? null,
        established_on: input.establishedOn, created_by: viewer?.id ?? null,
      }]);
    } catch (error) {
      if (sqlStateOf(error) === SQLSTATE.UNIQUE_VIOLATION) throw new AppError('TEAM_EXISTS', `Unit ${unit.code} has a team`, 'unitCode');
      throw error;
    }
    return loadTeam(trx, id, input.establishedOn);
  });
}

export interface TeamPatch {
  name?: string;
  decisionNumber?: string | null;
  decisionDate?: string | null;
}

/** Names the team or records its founding decision, which often arrives after an import. */
export async function updateTeam(db: Database, viewer: Viewer | null, id: string, patch: TeamPatch): Promise<TeamDetail> {
  return inTransaction(db, async (trx) => {
    await visibleTeam(trx, viewer, id, { lock: true });
    await q.updateTeam(trx, id, {
      ...(patch.name !== undefined && { name: cleanName(patch.name) }),
      ...(patch.decisionNumber !== undefined && { decision_number: patch.decisionNumber?.trim() || null }),
      ...(patch.decisionDate !== undefined && { decision_date: patch.decisionDate }),
    });
    return loadTeam(trx, id, vietnamDay());
  });
}

async function loadTeam(db: Database, id: string, day: string): Promise<TeamDetail> {
  const team = await q.findTeam(db, id);
  if (!team) throw new AppError('TEAM_NOT_FOUND', `No team ${id}`, 'id');
  return presentTeamDetail(team, await q.membersOfTeam(db, id), await q.leadershipsOfTeam(db, id), day);
}

/** A team with every member it has had, roles as on `day`. Members' names and phones are personal data: the read is audited. */
export async function getTeam(db: Database, viewer: Viewer | null, id: string, day = vietnamDay()): Promise<TeamDetail> {
  const team = await visibleTeam(db, viewer, id);
  const detail = await loadTeam(db, id, day);
  await recordAudit(db, { actorUserId: viewer?.id ?? null, action: 'teams.read', unitCode: team.unit_code, subject: team.id });
  return detail;
}

/** The teams of a unit's subtree on `day`, by unit code, one page after the cursor (a unit code). */
export async function listTeams(
  db: Database, viewer: Viewer | null, unitCode: string, page: { day?: string; after?: string; limit: number },
): Promise<Page<TeamListItem>> {
  const day = page.day ?? vietnamDay();
  await getVisibleUnit(db, viewer, unitCode, day, 'unit');
  const codes = await subtreeCodes(db, unitCode, day);
  const rows = await q.listTeamsPage(db, codes, day, page.after, page.limit + 1);
  return toPage(rows, page.limit, presentTeamListItem, (team) => team.unitCode);
}

/**
 * Every team in these units on `day`, in one statement: a ranking of a whole province's teams
 * (3,000 and more) wants them all, where paging asked for the subtree again for every page.
 * `codes` are a subtree the caller may see (the units service's `subtreeMembers`).
 */
export async function teamsInUnits(db: Database, codes: readonly string[], day: string): Promise<TeamListItem[]> {
  return (await q.listTeamsPage(db, codes, day, undefined)).map(presentTeamListItem);
}

export interface NewMember {
  fullName: string;
  affiliation: TeamAffiliation;
  phone?: string | null;
  role: TeamRole;
  userId?: string | null;
  joinedOn?: string;
}

/** Checks a phone number and answers it in national form; the number itself never goes into an error. */
export function phoneOrThrow(phone: string | null | undefined, field: string): string | null {
  if (phone === undefined || phone === null || phone.trim() === '') return null;
  const normal = normalisePhone(phone);
  if (!normal) throw new AppError('VALIDATION_FAILED', 'Not a Vietnamese phone number', field);
  return normal;
}

export async function addMember(db: Database, viewer: Viewer | null, teamId: string, input: NewMember): Promise<TeamMember> {
  const joinedOn = input.joinedOn ?? vietnamDay();
  const phone = phoneOrThrow(input.phone, 'phone');
  return inTransaction(db, async (trx) => {
    const team = await visibleTeam(trx, viewer, teamId, { lock: true });
    if (joinedOn < team.established_on) throw new AppError('TEAM_DATE_INVALID', `Team set up on ${team.established_on}`, 'joinedOn');
    if (input.userId) {
      await checkTeamUser(trx, input.userId, team.unit_code, 'userId', joinedOn);
      const current = await q.currentMembersOfTeams(trx, [teamId], joinedOn);
      if (current.some((m) => m.user_id === input.userId)) throw new AppError('LINKED_USER_INVALID', 'Account already linked to a member of this team', 'userId');
    }
    const [open] = await q.openLeaderships(trx, [teamId]);
    if (input.role === 'leader' && open) throw new AppError('TEAM_LEADER_EXISTS', `Member ${open.member_id} leads the team`, 'role');
    const id = v7();
    const row = {
      id, team_id: teamId, unit_code: team.unit_code, province_code: team.province_code,
      full_name: cleanName(input.fullName), affiliation: input.affiliation, phone,
      user_id: input.userId ?? null, joined_on: joinedOn, left_on: null,
    };
    await q.insertMembers(trx, [row]);
    if (input.role === 'leader') {
      await q.insertLeaderships(trx, [{ team_id: teamId, member_id: id, unit_code: team.unit_code, province_code: team.province_code, from_day: joinedOn }]);
    }
    const member = await q.findMember(trx, teamId, id);
    return presentMember(member!, joinedOn, input.role === 'leader' ? id : null);
  });
}

/**
 * A member leaves the team on `leftOn` (the first day they are no longer on it). The leader
 * cannot leave while others remain: a team always has one leader once it has had one, so a new
 * leader is named first. A leader who is the last member takes the leadership with them.
 */
export async function endMember(db: Database, viewer: Viewer | null, teamId: string, memberId: string, leftOn: string): Promise<TeamMember> {
  return inTransaction(db, async (trx) => {
    const team = await visibleTeam(trx, viewer, teamId, { lock: true });
    const member = await q.findMember(trx, team.id, memberId);
    if (!member) throw new AppError('TEAM_MEMBER_NOT_FOUND', `No member ${memberId} in team ${teamId}`, 'memberId');
    if (member.left_on !== null) throw new AppError('TEAM_MEMBER_ENDED', `Member left on ${member.left_on}`, 'memberId');
    if (leftOn < member.joined_on) throw new AppError('TEAM_DATE_INVALID', `Member joined on ${member.joined_on}`, 'leftOn');
    const [open] = await q.openLeaderships(trx, [teamId]);
    if (open?.member_id === memberId) {
      if (await q.countOtherActiveMembers(trx, teamId, memberId, leftOn) > 0) {
        throw new AppError('TEAM_LEADER_LEAVING', 'Name another leader before the leader leaves', 'memberId');
      }
      if (leftOn < open.from_day) throw new AppError('TEAM_DATE_INVALID', `Leader since ${open.from_day}`, 'leftOn');
      await q.closeLeadership(trx, teamId, leftOn);
    }
    await q.updateMember(trx, memberId, { left_on: leftOn });
    return presentMember({ ...member, left_on: leftOn }, leftOn, null);
  });
}

/**
 * A member moves to another team on `on`: leaves this one and joins the other that day, both or
 * neither. The account link stays behind (an account is scoped to its village); the officer links
 * the account again if the person's account moves too.
 */
export async function moveMember(db: Database, viewer: Viewer | null, teamId: string, memberId: string, input: { toTeamId: string; on?: string }): Promise<TeamMember> {
  const on = input.on ?? vietnamDay();
  if (input.toTeamId === teamId) throw new AppError('VALIDATION_FAILED', 'The member is already on this team', 'toTeamId');
  return inTransaction(db, async (trx) => {
    const left = await endMember(trx, viewer, teamId, memberId, on);
    return addMember(trx, viewer, input.toTeamId, { fullName: left.fullName, affiliation: left.affiliation, phone: left.phone, role: 'member', joinedOn: on });
  });
}

/**
 * Hands the leadership to a current member from `from` on; the previous leader stays a member.
 * Changes go forward only: a change dated before the current leader's start is refused.
 */
export async function setLeader(db: Database, viewer: Viewer | null, teamId: string, input: { memberId: string; from?: string }): Promise<TeamDetail> {
  const from = input.from ?? vietnamDay();
  return inTransaction(db, async (trx) => {
    const team = await visibleTeam(trx, viewer, teamId, { lock: true });
    const member = await q.findMember(trx, team.id, input.memberId);
    if (!member) throw new AppError('TEAM_MEMBER_NOT_FOUND', `No member ${input.memberId} in team ${teamId}`, 'memberId');
    if (member.left_on !== null) throw new AppError('TEAM_MEMBER_ENDED', `Member left on ${member.left_on}`, 'memberId');
    if (!isActiveOn(member, from)) throw new AppError('TEAM_DATE_INVALID', `Member joined on ${member.joined_on}`, 'from');
    const [open] = await q.openLeaderships(trx, [teamId]);
    if (open?.member_id !== member.id) {
      if (open && from < open.from_day) throw new AppError('TEAM_DATE_INVALID', `Current leader since ${open.from_day}`, 'from');
      if (open) await q.closeLeadership(trx, teamId, from);
      await q.insertLeaderships(trx, [{ team_id: teamId, member_id: member.id, unit_code: team.unit_code, province_code: team.province_code, from_day: from }]);
    }
    return loadTeam(trx, teamId, from);
  });
}

/** A member on a unit's team on a day, as the team leader's desk lists them. */
export interface CurrentMember {
  memberId: string;
  fullName: string;
  userId: string | null;
  isLeader: boolean;
}

/** The members of the team of a unit on `day` (none when it has no team); the caller checks scope. */
export async function currentMembersOfUnit(db: Database, unitCode: string, day = vietnamDay()): Promise<CurrentMember[]> {
  const team = await q.findTeamOfUnit(db, unitCode);
  if (!team) return [];
  const members = (await q.currentMembersOfTeams(db, [team.id], day)).filter((m) => m.joined_on <= day);
  const leaderId = leaderOn(await q.leadershipsOfTeam(db, team.id), day);
  return members.map((m) => ({ memberId: m.id, fullName: m.full_name, userId: m.user_id, isLeader: m.id === leaderId }));
}

/**
 * Links an account to the team of a unit as a new member from `day` (the demo's accounts join
 * the village team its scenario set up), optionally as its leader from that day on.
 */
export async function joinTeamOfUnit(
  db: Database, unitCode: string, input: { userId: string; fullName: string; leader: boolean; day?: string },
): Promise<boolean> {
  const team = await q.findTeamOfUnit(db, unitCode);
  if (!team) return false;
  const day = input.day ?? vietnamDay();
  const member = await addMember(db, null, team.id, { fullName: input.fullName, affiliation: 'resident', role: 'member', userId: input.userId, joinedOn: day });
  if (input.leader) await setLeader(db, null, team.id, { memberId: member.id, from: day });
  return true;
}
