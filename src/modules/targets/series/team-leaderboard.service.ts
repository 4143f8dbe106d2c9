import type { Database } from '../../../db/database.js';
import { AppError } from '../../../errors.js';
import type { Viewer } from '../../../http/access.js';
import { addDays, vietnamDay } from '../../../lib/vietnam-day.js';
import { MILESTONE_SOURCE_PREFIX } from '../../people/milestones.service.js';
import { sumRollups } from '../../rollups/rollups.service.js';
import { teamsInUnits } from '../../teams/teams.service.js';
import { getUnitsAt, getVisibleUnit, subtreeMembers, type SubtreeMember } from '../../units/units.service.js';

export interface TeamScore {
  teamId: string;
  name: string;
  unitCode: string;
  /** The name of the team's unit on `to`. */
  unitName: string;
  activeMembers: number;
  visits: number;
  householdsVisited: number;
  householdsCovered: number;
  /** Milestones recorded for residents (services the team helped people to), from the counts. */
  milestones: number;
}

export interface TeamLeaderboard {
  unitCode: string;
  from: string | null;
  to: string;
  /** Teams in the subtree, whether listed or not. */
  teams: number;
  items: TeamScore[];
}

/** Each unit of the subtree → the nearest unit at or above it that has a team (an ended unit climbs through its successor). */
function teamUnitResolver(members: readonly SubtreeMember[], teamUnits: ReadonlySet<string>): (code: string) => string | null {
  const byCode = new Map(members.map((m) => [m.code, m]));
  const memo = new Map<string, string | null>();
  const resolve = (code: string, depth = 0): string | null => {
    if (teamUnits.has(code)) return code;
    if (memo.has(code)) return memo.get(code)!;
    const member = byCode.get(code);
    const up = member?.parentCode ?? member?.successorCode ?? null;
    const found = up === null || depth > 64 ? null : resolve(up, depth + 1);
    memo.set(code, found);
    return found;
  };
  return resolve;
}

/**
 * Teams of a unit's subtree ranked by visits, with households reached and milestones recorded,
 * over a period (from the start when `from` is absent). Read from the rollups, like every
 * dashboard figure: a team is credited with what was counted in its unit and in units below it
 * without a team of their own.
 */
export async function teamLeaderboard(
  db: Database, viewer: Viewer | null, unitCode: string, options: { from?: string; to?: string; limit: number },
): Promise<TeamLeaderboard> {
  const today = vietnamDay();
  const to = options.to ?? today;
  if (to > today) throw new AppError('PERIOD_INVALID', `${to} is in the future`, 'to');
  if (options.from !== undefined && options.from > to) throw new AppError('PERIOD_INVALID', `from ${options.from} is after to ${to}`, 'from');
  const unit = await getVisibleUnit(db, viewer, unitCode, to, 'unit');
  const members = await subtreeMembers(db, unit.code, to);
  const codes = members.map((m) => m.code);
  const teams = await teamsInUnits(db, codes, to);
  const teamOf = teamUnitResolver(members, new Set(teams.map((t) => t.unitCode)));

  const sources = { exact: ['visits', 'households_visited', 'households_covered'], prefix: MILESTONE_SOURCE_PREFIX };
  const totals = new Map<string, { visits: number; householdsVisited: number; householdsCovered: number; milestones: number }>();
  const add = async (day: string, sign: 1 | -1) => {
    for (const row of await sumRollups(db, codes, sources, day)) {
      const teamUnit = teamOf(row.unitCode);
      if (teamUnit === null) continue;
      const tally = totals.get(teamUnit) ?? { visits: 0, householdsVisited: 0, householdsCovered: 0, milestones: 0 };
      if (row.source === 'visits') tally.visits += sign * row.value;
      else if (row.source === 'households_visited') tally.householdsVisited += sign * row.value;
      else if (row.source === 'households_covered') tally.householdsCovered += sign * row.value;
      else tally.milestones += sign * row.value;
      totals.set(teamUnit, tally);
    }
  };
  await add(to, 1);
  if (options.from !== undefined) await add(addDays(options.from, -1), -1);

  const ranked = teams
    .map((team) => ({
      teamId: team.id, name: team.name, unitCode: team.unitCode, activeMembers: team.activeMembers,
      ...(totals.get(team.unitCode) ?? { visits: 0, householdsVisited: 0, householdsCovered: 0, milestones: 0 }),
    }))
    .sort((a, b) => b.visits - a.visits || b.milestones - a.milestones || b.householdsVisited - a.householdsVisited || a.unitCode.localeCompare(b.unitCode))
    .slice(0, options.limit);
  const names = new Map((await getUnitsAt(db, ranked.map((team) => team.unitCode), to)).map((u) => [u.code, u.name]));
  const items = ranked.map((team) => ({ ...team, unitName: names.get(team.unitCode) ?? team.unitCode }));
  return { unitCode: unit.code, from: options.from ?? null, to, teams: teams.length, items };
}
