import type { Insertable, Updateable } from 'kysely';
import { v7 } from 'uuid';
import type { Database } from '../../db/database.js';
import type { TeamLeadershipsTable, TeamMembersTable, TeamsTable } from '../../db/types.js';
import type { RowErrors } from '../../lib/csv.js';
import { memberKey } from './team-labels.js';
import type { PlannedTeam } from './team-imports.js';
import * as q from './teams.queries.js';

export interface TeamImportSummary {
  teamsCreated: number;
  teamsRenamed: number;
  membersAdded: number;
  membersUpdated: number;
  leadersChanged: number;
  /** Rows whose member was already on the team exactly as written. */
  unchanged: number;
}

/** What one member row of a file does (or would do): the preview shows it beside the row. */
export type MemberOutcome = 'added' | 'updated' | 'unchanged' | 'leader';

interface Writes {
  teams: Insertable<TeamsTable>[];
  renames: { id: string; name: string }[];
  members: Insertable<TeamMembersTable>[];
  updates: { id: string; patch: Updateable<TeamMembersTable> }[];
  closeLeaderships: string[];
  leaderships: Insertable<TeamLeadershipsTable>[];
}

/**
 * Compares the checked file with the teams as they stand (locked for the transaction), records
 * any row that contradicts their history, and writes the difference only when there is none.
 */
export async function applyTeamPlan(
  db: Database, plan: PlannedTeam[], day: string, actorId: string | null, errors: RowErrors, outcomes?: Map<number, MemberOutcome>,
): Promise<TeamImportSummary> {
  const existing = new Map((await q.lockTeamsOfUnits(db, plan.map((t) => t.unit.code))).map((t) => [t.unit_code, t]));
  const teamIds = [...existing.values()].map((t) => t.id);
  const current = await q.currentMembersOfTeams(db, teamIds, day);
  const open = new Map((await q.openLeaderships(db, teamIds)).map((l) => [l.team_id, l]));
  const writes: Writes = { teams: [], renames: [], members: [], updates: [], closeLeaderships: [], leaderships: [] };
  const summary: TeamImportSummary = { teamsCreated: 0, teamsRenamed: 0, membersAdded: 0, membersUpdated: 0, leadersChanged: 0, unchanged: 0 };

  for (const planned of plan) {
    const { unit } = planned;
    const team = existing.get(unit.code);
    const teamId = team?.id ?? v7();
    if (!team) {
      writes.teams.push({ id: teamId, unit_code: unit.code, province_code: unit.provinceCode, name: planned.name, established_on: day, created_by: actorId });
      summary.teamsCreated += 1;
    } else {
      if (day < team.established_on) errors.add(planned.line, 'village_code', 'BEFORE_ESTABLISHED', { code: unit.code, day: team.established_on });
      if (team.name !== planned.name) {
        writes.renames.push({ id: team.id, name: planned.name });
        summary.teamsRenamed += 1;
      }
    }

    const onTeam = current.filter((m) => m.team_id === teamId);
    const byKey = new Map(onTeam.map((m) => [memberKey(m.full_name), m]));
    let leaderId: string | undefined;
    let leaderLine = planned.line;
    for (const member of planned.members) {
      const found = byKey.get(member.key);
      const id = found?.id ?? v7();
      if (member.userId && onTeam.some((m) => m.user_id === member.userId && m.id !== found?.id)) {
        errors.add(member.line, 'username', 'USER_TWICE', { username: member.username ?? '' });
      }
      if (member.role === 'leader') {
        leaderId = id;
        leaderLine = member.line;
      }
      if (!found) {
        writes.members.push({
          id, team_id: teamId, unit_code: unit.code, province_code: unit.provinceCode, full_name: member.fullName,
          affiliation: member.affiliation, phone: member.phone, user_id: member.userId, joined_on: day,
        });
        summary.membersAdded += 1;
        outcomes?.set(member.line, 'added');
        continue;
      }
      const patch: Updateable<TeamMembersTable> = {};
      if (found.affiliation !== member.affiliation) patch.affiliation = member.affiliation;
      if (member.phone !== null && found.phone !== member.phone) patch.phone = member.phone;
      if (member.userId !== null && found.user_id !== member.userId) patch.user_id = member.userId;
      if (Object.keys(patch).length > 0) {
        writes.updates.push({ id, patch });
        summary.membersUpdated += 1;
        outcomes?.set(member.line, 'updated');
      } else if (member.role !== 'leader' || open.get(teamId)?.member_id === id) {
        summary.unchanged += 1;
        outcomes?.set(member.line, 'unchanged');
      } else outcomes?.set(member.line, 'leader');
    }

    const leadership = open.get(teamId);
    if (leaderId !== undefined && leadership?.member_id !== leaderId) {
      if (leadership && day < leadership.from_day) {
        errors.add(leaderLine, 'role', 'BEFORE_LEADER', { code: unit.code, day: leadership.from_day });
      }
      if (leadership) writes.closeLeaderships.push(teamId);
      writes.leaderships.push({ team_id: teamId, member_id: leaderId, unit_code: unit.code, province_code: unit.provinceCode, from_day: day });
      summary.leadersChanged += 1;
    }
  }
  errors.throwIfAny();

  await q.insertTeams(db, writes.teams);
  for (const { id, name } of writes.renames) await q.updateTeam(db, id, { name });
  await q.insertMembers(db, writes.members);
  for (const { id, patch } of writes.updates) await q.updateMember(db, id, patch);
  for (const teamId of writes.closeLeaderships) await q.closeLeadership(db, teamId, day);
  await q.insertLeaderships(db, writes.leaderships);
  return summary;
}
