import { AppError } from '../../errors.js';
import { toPage, type Page } from '../../lib/page.js';
import type { Viewer } from '../../http/access.js';
import { isWithinScope, subtreeCodes } from '../units/units.service.js';
import type { Database } from '../../db/database.js';
import { selectUserById, selectUsersPage } from './auth.queries.js';
import { toUserRecord, type UserRecord } from './auth.service.js';
import { scopeRootOf } from './roles.js';

/**
 * One user, if the viewer may see them. A user outside the viewer's subtree answers exactly
 * like a missing one, so officers cannot probe which accounts exist elsewhere.
 */
export async function getUserInScope(db: Database, viewer: Viewer, id: string): Promise<UserRecord> {
  const row = await selectUserById(db, id);
  if (!row) throw new AppError('USER_NOT_FOUND');
  const root = scopeRootOf(viewer);
  if (root !== null) {
    // Administrators have no scope unit; only another administrator sees them.
    const visible = row.scope_unit_code !== null && (await isWithinScope(db, root, row.scope_unit_code));
    if (!visible) throw new AppError('USER_NOT_FOUND');
  }
  return toUserRecord(row);
}

/** The users whose scope lies in the viewer's subtree, by username, one page after the cursor. */
export async function listUsersInScope(
  db: Database,
  viewer: Viewer,
  page: { after?: string; limit: number },
): Promise<Page<UserRecord, string>> {
  const root = scopeRootOf(viewer);
  const codes = root === null ? null : await subtreeCodes(db, root);
  const rows = await selectUsersPage(db, codes, page.after, page.limit + 1);
  return toPage(rows, page.limit, toUserRecord, (user) => user.username);
}
