import type { Role } from '../../db/types.js';
import type { Viewer } from '../../http/access.js';

export const ROLES = ['admin', 'province_officer', 'commune_officer', 'team_leader', 'team_member', 'learner'] as const satisfies readonly Role[];

/** Higher ranks may do what lower ranks may; a user can only hand out roles at or below their own. */
const RANK: Record<Role, number> = {
  admin: 5,
  province_officer: 4,
  commune_officer: 3,
  team_leader: 2,
  team_member: 1,
  learner: 0,
};

/** Roles that manage accounts: only they may create users. */
const ACCOUNT_MANAGERS: readonly Role[] = ['admin', 'province_officer', 'commune_officer'];

/**
 * Whether `actor` may give an account this role. Only the administrator makes administrators;
 * officers give their own role or a lower one; field roles and learners create no accounts.
 */
export function canGrantRole(actor: Viewer, role: Role): boolean {
  if (!ACCOUNT_MANAGERS.includes(actor.role)) return false;
  if (role === 'admin') return actor.role === 'admin';
  return RANK[role] <= RANK[actor.role];
}

/**
 * The root of the subtree a viewer sees; null means everything. The administrator sees all
 * whatever scope their row carries, so a misconfigured admin is never locked out of the tree.
 */
export function scopeRootOf(viewer: Viewer): string | null {
  return viewer.role === 'admin' ? null : viewer.scopeUnitCode;
}
