import type { Database } from '../../db/database.js';
import { ReferenceCache } from '../../db/reference-cache.js';
import { listKey } from '../../lib/list-key.js';
import { AppError } from '../../errors.js';
import { getUnit, subtreeMembers } from '../units/units.service.js';
import { unitsWithCommittee } from './committees.queries.js';
import { teamReachOf } from './team-reach.js';
import { activeMembersByUnit, unitsWithActiveTeam } from './teams.queries.js';

export interface TeamCoverage {
  unitCode: string;
  day: string;
  /** Commune-level units in force in the subtree on the day. */
  totalCommunes: number;
  /** Of those, the ones with a steering committee decided by the day, their own or one inherited through a merge. */
  unitsWithCommittee: number;
  /** Village-level units in force in the subtree on the day that need a team (see team-reach.ts). */
  totalVillages: number;
  /** Of those, the ones whose team was set up by the day and has a member on it. */
  villagesWithActiveTeam: number;
  /** Members on any team of the subtree (village and commune teams) on the day. */
  activeMembers: number;
}

/** Which of `codes` have a committee and an active team on `day`, and how many members each unit's team has then. */
export interface TeamPresence {
  committeeUnits: Set<string>;
  teamUnits: Set<string>;
  membersByUnit: Map<string, number>;
}

/**
 * Committees, active teams and members per unit for a list of units on a day, for callers that
 * group units their own way (targets per child unit). Three indexed queries, whatever the list.
 */
export function teamPresence(db: Database, codes: readonly string[], day: string): Promise<TeamPresence> {
  return presences.get(db, `${day}|${listKey(codes)}`, async () => ({
    committeeUnits: new Set(await unitsWithCommittee(db, codes, day)),
    teamUnits: new Set(await unitsWithActiveTeam(db, codes, day)),
    membersByUnit: new Map((await activeMembersByUnit(db, codes, day)).map((row) => [row.unit_code, row.n])),
  }));
}

/** Committees and teams change seldom; the dashboards ask for the same subtrees all day. */
const presences = new ReferenceCache<TeamPresence>(['teams']);

/**
 * How far committees and teams reach in a unit's subtree on a day: the figures behind "steering
 * committees in 100% of communes" and "teams in 100% of villages". Plain counts over indexed
 * columns; the caller checks the viewer's scope.
 */
export async function teamCoverage(db: Database, unitCode: string, day: string): Promise<TeamCoverage> {
  const root = await getUnit(db, unitCode, day);
  if (root.validFrom > day || (root.validTo !== null && root.validTo <= day)) {
    throw new AppError('UNIT_NOT_ACTIVE', `Unit ${unitCode} is not in force on ${day}`, 'unitCode');
  }
  // One query for the whole subtree: units in force carry their tier; ended ones still hold members.
  const members = await subtreeMembers(db, unitCode, day);
  const communes = members.filter((m) => m.successorCode === null && m.tier === 'commune');
  const presence = await teamPresence(db, members.map((m) => m.code), day);
  const reach = teamReachOf(members, presence);
  let activeMembers = 0;
  for (const n of presence.membersByUnit.values()) activeMembers += n;
  return {
    unitCode,
    day,
    totalCommunes: communes.length,
    unitsWithCommittee: reach.communesWithCommittee.size,
    totalVillages: reach.villagesNeedingTeam.size,
    villagesWithActiveTeam: reach.villagesWithTeam.size,
    activeMembers,
  };
}
