import { randomInt } from 'node:crypto';
import { secretDigest } from '../../lib/hashes.js';
import type { Database } from '../../db/database.js';
import type { Role } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { isWithinScope } from '../units/units.service.js';
import * as q from './accounts.queries.js';
import { selectUserForLogin } from './auth.queries.js';
import { findUserById, hashSessionToken, normaliseUsername, type UserRecord } from './auth.service.js';
import { recordAudit } from '../audit-log/audit-log.service.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { canGrantRole, scopeRootOf } from './roles.js';
import { getUserInScope } from './users.service.js';

/** How long a reset code works: long enough to reach a commune by phone, short enough to go stale. */
export const RESET_CODE_TTL_HOURS = 24;
// No 0/O, 1/I/L: the code is read out over the phone and typed on a small keyboard.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export interface UserChanges {
  displayName?: string;
  role?: Role;
  scopeUnitCode?: string | null;
  disabled?: boolean;
}

/**
 * Changes an account in the officer's subtree: display name, role, scope, disabled. The officer
 * must be able to grant both the account's present role and its new one, the new scope lies in
 * their own subtree, and the last active administrator keeps both role and access. A disabled
 * account's sessions end at once.
 */
export async function updateUser(db: Database, viewer: Viewer, id: string, changes: UserChanges): Promise<UserRecord> {
  const target = await getUserInScope(db, viewer, id);
  if (!canGrantRole(viewer, target.role)) throw new AppError('FORBIDDEN', `cannot manage a ${target.role}`, 'role');
  if (changes.role !== undefined && !canGrantRole(viewer, changes.role)) throw new AppError('FORBIDDEN', `cannot grant role ${changes.role}`, 'role');
  if (changes.disabled === true && target.id === viewer.id) throw new AppError('FORBIDDEN', 'cannot disable your own account', 'disabled');
  const role = changes.role ?? target.role;
  const scope = changes.scopeUnitCode !== undefined ? changes.scopeUnitCode : target.scopeUnitCode;
  if (role !== 'admin' && scope === null) throw new AppError('VALIDATION_FAILED', 'every role but admin needs a scope unit', 'scopeUnitCode');
  if (changes.scopeUnitCode && !(await isWithinScope(db, scopeRootOf(viewer), changes.scopeUnitCode))) {
    throw new AppError('FORBIDDEN', 'scope unit is outside your own scope', 'scopeUnitCode');
  }
  const leavesAdmins = target.role === 'admin' && !target.disabled && (changes.disabled === true || role !== 'admin');
  if (leavesAdmins && (await q.countActiveAdminsForUpdate(db)) <= 1) {
    throw new AppError('LAST_ADMIN', 'the last active administrator', changes.disabled === true ? 'disabled' : 'role');
  }
  const displayName = changes.displayName?.normalize('NFC').trim();
  if (displayName === '') throw new AppError('VALIDATION_FAILED', 'displayName is empty', 'displayName');

  await q.updateUserFields(db, id, {
    display_name: displayName, role: changes.role, scope_unit_code: changes.scopeUnitCode, disabled: changes.disabled,
  });
  if (changes.disabled === true) await q.deleteSessionsOf(db, id);
  await recordAudit(db, {
    actorUserId: viewer.id, action: 'user.update', unitCode: scope ?? target.scopeUnitCode, subject: id,
    // What changed, never the name itself.
    detail: { role: changes.role, scopeUnitCode: changes.scopeUnitCode, disabled: changes.disabled, displayName: displayName !== undefined ? 'changed' : undefined },
  });
  return (await findUserById(db, id))!;
}

const hashCode = (code: string) => secretDigest(code.toUpperCase().replace(/[^A-Z0-9]/g, ''));

function newCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/**
 * A one-time code for a user who forgot their password, shown once to the officer who asked for it;
 * only its hash is stored. It replaces the user's earlier codes and works for RESET_CODE_TTL_HOURS.
 */
export async function createResetCode(db: Database, viewer: Viewer, id: string): Promise<{ code: string; expiresAt: string }> {
  const target = await getUserInScope(db, viewer, id);
  if (!canGrantRole(viewer, target.role)) throw new AppError('FORBIDDEN', `cannot manage a ${target.role}`, 'id');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + RESET_CODE_TTL_HOURS * 3_600_000);
  const code = newCode();
  await q.voidUnusedResets(db, id, now);
  await q.insertPasswordReset(db, { code_hash: hashCode(code), user_id: id, created_by: viewer.id, expires_at: expiresAt });
  await recordAudit(db, { actorUserId: viewer.id, action: 'user.reset_code', unitCode: target.scopeUnitCode, subject: id });
  return { code, expiresAt: expiresAt.toISOString() };
}

/**
 * Sets a new password with a reset code: the code is used up, every session of the user ends.
 * An unknown user, a disabled one and a wrong, used or expired code all fail alike.
 */
export async function resetPasswordWithCode(db: Database, input: { username: string; code: string; newPassword: string }): Promise<void> {
  const user = await selectUserForLogin(db, normaliseUsername(input.username));
  const passwordHash = await hashPassword(input.newPassword);
  if (!user || user.disabled || !(await q.consumePasswordReset(db, hashCode(input.code), user.id, new Date()))) {
    throw new AppError('INVALID_CREDENTIALS', 'unknown user or reset code', 'code');
  }
  await q.updatePasswordHash(db, user.id, passwordHash);
  await q.deleteSessionsOf(db, user.id);
  await recordAudit(db, { actorUserId: user.id, action: 'auth.password_reset', unitCode: user.scope_unit_code, subject: user.id });
}

/** Changes one's own password; the other sessions end, the one in use stays. */
export async function changeOwnPassword(db: Database, viewer: Viewer, token: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const stored = await q.selectPasswordHash(db, viewer.id);
  if (!stored || !(await verifyPassword(stored, input.currentPassword))) {
    throw new AppError('CURRENT_PASSWORD_WRONG', undefined, 'currentPassword');
  }
  await q.updatePasswordHash(db, viewer.id, await hashPassword(input.newPassword));
  await q.deleteSessionsOf(db, viewer.id, hashSessionToken(token));
  await recordAudit(db, { actorUserId: viewer.id, action: 'auth.password_change', unitCode: viewer.scopeUnitCode, subject: viewer.id });
}

export interface SessionSummary { id: string; createdAt: string; expiresAt: string; current: boolean }

/** One's live sessions, newest first; an id is a short prefix of the token's hash, never the token. */
export async function listOwnSessions(db: Database, viewer: Viewer, token: string): Promise<SessionSummary[]> {
  const current = hashSessionToken(token);
  const rows = await q.selectLiveSessionsOf(db, viewer.id, new Date());
  return rows.map((row) => ({
    id: row.token_hash.slice(0, 12), createdAt: new Date(row.created_at).toISOString(), expiresAt: new Date(row.expires_at).toISOString(),
    current: row.token_hash === current,
  }));
}

/** Ends every session of the viewer, on every device, this one included. */
export async function logoutEverywhere(db: Database, viewer: Viewer): Promise<void> {
  await q.deleteSessionsOf(db, viewer.id);
  await recordAudit(db, { actorUserId: viewer.id, action: 'auth.logout_everywhere', unitCode: viewer.scopeUnitCode, subject: viewer.id });
}
