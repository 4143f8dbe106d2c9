import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { findUserById } from '../auth/auth.service.js';
import { getActiveUnit, getUnit, isWithinScope, type Unit } from '../units/units.service.js';
import { findTeam, lockTeam, type TeamRow } from './teams.queries.js';

/**
 * Where teams may stand and who may see them. A team outside the viewer's subtree answers
 * exactly like a missing one, so officers cannot probe other communes.
 */

export async function visibleTeam(db: Database, viewer: Viewer | null, id: string, options: { lock?: boolean } = {}): Promise<TeamRow> {
  const team = options.lock ? await lockTeam(db, id) : await findTeam(db, id);
  if (!team || (viewer && !(await isWithinScope(db, viewer.scopeUnitCode, team.unit_code)))) {
    throw new AppError('TEAM_NOT_FOUND', `No team ${id}`, 'id');
  }
  return team;
}

/** A unit in force on `day` and in the viewer's scope where a team may be set up. */
export async function teamUnit(db: Database, viewer: Viewer | null, code: string, day: string, field: string): Promise<Unit> {
  const unit = await getActiveUnit(db, viewer, code, day, field);
  if (unit.tier !== 'village' && unit.tier !== 'commune') {
    throw new AppError('TEAM_UNIT_INVALID', `Unit ${code} is a ${unit.tier}`, field);
  }
  return unit;
}

/** The commune-level unit a unit lies in on `day` (itself for a commune), or null above communes. */
export async function communeOf(db: Database, unit: Unit, day: string): Promise<string | null> {
  let current = unit;
  for (let depth = 0; current.tier === 'village' && current.parentCode !== null && depth < 16; depth += 1) {
    current = await getUnit(db, current.parentCode, day);
  }
  return current.tier === 'commune' ? current.code : null;
}

/** The scope units an account linked to a team member may have: the team's unit or its commune. */
export async function linkableScopes(db: Database, unit: Unit, day: string): Promise<Set<string>> {
  const commune = await communeOf(db, unit, day);
  return new Set(commune ? [unit.code, commune] : [unit.code]);
}

/** Checks an account to link to a team member: it exists and is scoped to the team's unit or commune. */
export async function checkTeamUser(db: Database, userId: string, unitCode: string, field: string, day = vietnamDay()): Promise<void> {
  const user = await findUserById(db, userId);
  const scopes = await linkableScopes(db, await getUnit(db, unitCode, day), day);
  if (!user || user.scopeUnitCode === null || !scopes.has(user.scopeUnitCode)) {
    throw new AppError('LINKED_USER_INVALID', `User ${userId} is not scoped to ${[...scopes].join(' or ')}`, field);
  }
}

/** Checks an account to link to a committee member: it exists and is scoped inside the commune. */
export async function checkCommitteeUser(db: Database, userId: string, communeCode: string, field: string): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user || user.scopeUnitCode === null || !(await isWithinScope(db, communeCode, user.scopeUnitCode))) {
    throw new AppError('LINKED_USER_INVALID', `User ${userId} is not scoped inside ${communeCode}`, field);
  }
}
