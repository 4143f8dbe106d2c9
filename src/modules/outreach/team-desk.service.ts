import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { addDays, vietnamDay } from '../../lib/vietnam-day.js';
import { findHouseholdPlaces, householdIdsOfVillage, milestonesByRecorder } from '../people/people.service.js';
import { currentMembersOfUnit } from '../teams/teams.service.js';
import { getVisibleUnit, type Unit } from '../units/units.service.js';
import * as q from './team-desk.queries.js';

/**
 * The team leader's desk: how the team's day and week went per member, who goes to which
 * household, and whose phone has not synced. Everything is of one village, the leader's.
 */

export interface Tally { visits: number; peopleGuided: number; milestones: number }

export interface DeskMember {
  memberId: string;
  userId: string | null;
  fullName: string;
  isLeader: boolean;
  /** When this member's phone last pulled the village; null when it never has. */
  lastSyncedAt: string | null;
  assignedHouseholds: number;
  day: Tally;
  week: Tally;
}

export interface TeamDesk {
  villageCode: string;
  day: string;
  /** The Monday the week shown starts on (Vietnam days). */
  weekFrom: string;
  members: DeskMember[];
  /** Work recorded by accounts not on the team (officers, former members). */
  others: { day: Tally; week: Tally };
  assignments: { householdId: string; userId: string }[];
}

/** A village in the viewer's scope, or the error a field app shows beside the village. */
async function deskVillage(db: Database, viewer: Viewer, code: string): Promise<Unit> {
  const unit = await getVisibleUnit(db, viewer, code, undefined, 'village');
  if (unit.tier !== 'village') throw new AppError('UNIT_NOT_VILLAGE', `${code} is not a village-level unit`, 'village');
  return unit;
}

/** Monday of the ISO week `day` lies in. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

const zero = (): Tally => ({ visits: 0, peopleGuided: 0, milestones: 0 });

export async function getTeamDesk(db: Database, viewer: Viewer, input: { village: string; day?: string }): Promise<TeamDesk> {
  const unit = await deskVillage(db, viewer, input.village);
  const day = input.day ?? vietnamDay();
  const weekFrom = weekStart(day);
  const [members, households, milestones, syncs, assignments] = await Promise.all([
    currentMembersOfUnit(db, unit.code, day),
    householdIdsOfVillage(db, unit.code),
    milestonesByRecorder(db, unit.code, weekFrom, day),
    q.selectMemberSyncs(db, unit.code),
    q.selectAssignments(db, unit.code),
  ]);
  const visits = await q.countVisitsByRecorder(db, households, weekFrom, day);

  const byUser = new Map<string, { day: Tally; week: Tally }>();
  const others = { day: zero(), week: zero() };
  const memberUsers = new Set(members.flatMap((m) => (m.userId ? [m.userId] : [])));
  const tallyOf = (userId: string | null) => {
    if (userId === null || !memberUsers.has(userId)) return others;
    let tally = byUser.get(userId);
    if (!tally) byUser.set(userId, (tally = { day: zero(), week: zero() }));
    return tally;
  };
  for (const row of visits) {
    const tally = tallyOf(row.recorded_by);
    tally.day.visits += row.visits_day;
    tally.week.visits += row.visits_range;
    tally.day.peopleGuided += row.people_day;
    tally.week.peopleGuided += row.people_range;
  }
  for (const row of milestones) {
    const tally = tallyOf(row.recorded_by);
    tally.day.milestones += row.on_day;
    tally.week.milestones += row.in_range;
  }
  const lastSync = new Map(syncs.map((row) => [row.user_id, row.last_synced_at.toISOString()]));
  const assignedCount = new Map<string, number>();
  for (const row of assignments) assignedCount.set(row.user_id, (assignedCount.get(row.user_id) ?? 0) + 1);

  return {
    villageCode: unit.code, day, weekFrom,
    members: members.map((m) => {
      const tally = m.userId ? byUser.get(m.userId) : undefined;
      return {
        memberId: m.memberId, userId: m.userId, fullName: m.fullName, isLeader: m.isLeader,
        lastSyncedAt: m.userId ? (lastSync.get(m.userId) ?? null) : null,
        assignedHouseholds: m.userId ? (assignedCount.get(m.userId) ?? 0) : 0,
        day: tally?.day ?? zero(), week: tally?.week ?? zero(),
      };
    }),
    others,
    assignments: assignments.map((row) => ({ householdId: row.household_id, userId: row.user_id })),
  };
}

/**
 * Assigns households of the village to a member with an account on its team, or (userId null)
 * takes them back. All or nothing: one household elsewhere or unknown refuses the whole request.
 */
export async function assignHouseholds(
  db: Database, viewer: Viewer, input: { village: string; householdIds: readonly string[]; userId: string | null },
): Promise<{ assigned: number }> {
  const unit = await deskVillage(db, viewer, input.village);
  const ids = [...new Set(input.householdIds.map((id) => id.toLowerCase()))];
  const places = await findHouseholdPlaces(db, ids);
  const stray = input.householdIds.findIndex((id) => places.get(id.toLowerCase())?.villageCode !== unit.code);
  if (stray >= 0) throw new AppError('HOUSEHOLD_NOT_FOUND', `No household ${input.householdIds[stray]} in ${unit.code}`, `householdIds[${stray}]`);
  if (input.userId === null) {
    await q.deleteAssignments(db, ids);
    return { assigned: 0 };
  }
  const members = await currentMembersOfUnit(db, unit.code);
  const userId = input.userId.toLowerCase();
  if (!members.some((m) => m.userId === userId)) {
    throw new AppError('ASSIGNEE_NOT_MEMBER', `User ${input.userId} is not on the team of ${unit.code}`, 'userId');
  }
  await q.upsertAssignments(db, ids.map((id) => ({ householdId: id, villageCode: unit.code, provinceCode: unit.provinceCode })), userId, viewer.id);
  return { assigned: ids.length };
}

/** After a pull of a village: the account's phone is up to date as of now. */
export function recordMemberSync(db: Database, viewer: Viewer, unit: Unit, at = new Date()): Promise<void> {
  return q.touchMemberSync(db, { userId: viewer.id, villageCode: unit.code, provinceCode: unit.provinceCode, at });
}

/** The households of a village assigned to this account, sent to its phone with the pull. */
export function householdsAssignedTo(db: Database, villageCode: string, userId: string): Promise<string[]> {
  return q.selectAssignedTo(db, villageCode, userId);
}
