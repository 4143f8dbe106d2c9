import { randomBytes } from 'node:crypto';
import { secretDigest } from '../../lib/hashes.js';
import { v7 } from 'uuid';
import type { Database } from '../../db/database.js';
import type { ReferenceStamps } from '../../db/reference-cache.js';
import { inTransaction, sqlStateOf, SQLSTATE } from '../../db/transaction.js';
import type { Role } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { isWithinScope } from '../units/units.service.js';
import {
  deleteExpiredSessionsOf,
  deleteSession,
  insertSession,
  insertUser,
  selectLiveSession,
  selectDisplayNames,
  selectUserById,
  selectUserByUsername,
  selectUserForLogin,
  type UserPublicRow,
} from './auth.queries.js';
import { recordAudit } from '../audit-log/audit-log.service.js';
import { dummyPasswordHash, hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { canGrantRole, scopeRootOf } from './roles.js';

export const SESSION_COOKIE = 'doorstep_session';

/** A user as the API shows them to themself and to officers: no hash, nothing personal. */
export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scopeUnitCode: string | null;
}

export interface UserRecord extends UserSummary {
  disabled: boolean;
  createdAt: string;
}

export function toUserRecord(row: UserPublicRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    scopeUnitCode: row.scope_unit_code,
    disabled: row.disabled,
    createdAt: row.created_at.toISOString(),
  };
}

/** Usernames compare without case or surrounding spaces, so "Nguyen.An " logs in as "nguyen.an". */
export function normaliseUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

/** Only the SHA-256 of a session token is stored: a copy of the table opens no session. */
export function hashSessionToken(token: string): string {
  return secretDigest(token);
}

export async function findUserByUsername(db: Database, username: string): Promise<UserRecord | undefined> {
  const row = await selectUserByUsername(db, normaliseUsername(username));
  return row && toUserRecord(row);
}

/** One account by id, for other modules that link to users (team members, committee members). */
export async function findUserById(db: Database, id: string): Promise<UserRecord | undefined> {
  const row = await selectUserById(db, id);
  return row && toUserRecord(row);
}

export interface LoginResult {
  user: UserSummary;
  /** The secret for the cookie; never stored, never logged. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Checks a username and password and opens a session. Unknown users, wrong passwords and
 * disabled accounts fail the same way and in about the same time: the answer tells an attacker
 * nothing about which usernames exist.
 */
export async function login(
  db: Database,
  credentials: { username: string; password: string },
  options: { ttlHours: number; replacingToken?: string },
): Promise<LoginResult> {
  const row = await selectUserForLogin(db, normaliseUsername(credentials.username));
  // No account has a longer password; refusing it unverified spares argon2 a huge input.
  const tooLong = credentials.password.length > MAX_PASSWORD_LENGTH;
  const stored = row && !tooLong ? row.password_hash : await dummyPasswordHash();
  const verified = await verifyPassword(stored, tooLong ? '' : credentials.password);
  const matches = verified && row !== undefined && !tooLong;

  if (!row || !matches || row.disabled) {
    // The typed username is not kept for unknown names: people type their password there by mistake.
    const reason = !row ? 'unknown_user' : row.disabled ? 'disabled' : 'wrong_password';
    await recordAudit(db, {
      actorUserId: null,
      action: 'auth.login_failed',
      unitCode: row?.scope_unit_code ?? null,
      subject: row?.id ?? null,
      detail: { reason },
    });
    throw new AppError('INVALID_CREDENTIALS');
  }

  return openSession(db, row, options);
}

/**
 * Opens a session for an account whose identity is proven (a password, a single sign-on), and
 * writes the audited login in the same transaction; `detail` says how it was proven.
 */
export async function openSession(
  db: Database,
  row: UserPublicRow,
  options: { ttlHours: number; replacingToken?: string; detail?: Record<string, unknown>; alsoInTransaction?: (trx: Database) => Promise<void> },
): Promise<LoginResult> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + options.ttlHours * 3_600_000);
  await inTransaction(db, async (trx) => {
    if (options.replacingToken) await deleteSession(trx, hashSessionToken(options.replacingToken));
    await deleteExpiredSessionsOf(trx, row.id, now);
    await insertSession(trx, { token_hash: hashSessionToken(token), user_id: row.id, csrf_token: csrfToken, expires_at: expiresAt });
    await recordAudit(trx, { actorUserId: row.id, action: 'auth.login', unitCode: row.scope_unit_code, subject: row.id, detail: options.detail });
    await options.alsoInTransaction?.(trx);
  });
  const { disabled: _disabled, createdAt: _createdAt, ...user } = toUserRecord(row);
  return { user, token, csrfToken, expiresAt };
}

export interface SessionView {
  viewer: Viewer;
  user: UserSummary;
  csrfToken: string;
  /** The reference data's stamps, read with the session: for this request's reads only. */
  referenceStamps: ReferenceStamps;
}

/** The signed-in user behind a cookie token, or null when the session is unknown, expired or the user disabled. */
export async function findSession(db: Database, token: string): Promise<SessionView | null> {
  const row = await selectLiveSession(db, hashSessionToken(token), new Date());
  if (!row) return null;
  return {
    viewer: { id: row.id, username: row.username, role: row.role, scopeUnitCode: row.scope_unit_code },
    user: { id: row.id, username: row.username, displayName: row.display_name, role: row.role, scopeUnitCode: row.scope_unit_code },
    csrfToken: row.csrf_token,
    referenceStamps: row.reference_stamps,
  };
}

export async function logout(db: Database, token: string, viewer: Viewer): Promise<void> {
  await inTransaction(db, async (trx) => {
    await deleteSession(trx, hashSessionToken(token));
    await recordAudit(trx, { actorUserId: viewer.id, action: 'auth.logout', unitCode: viewer.scopeUnitCode, subject: viewer.id });
  });
}

export interface NewUserInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  /** Required for every role but admin. */
  scopeUnitCode: string | null;
}

/**
 * Creates an account. With an actor (an officer through the API) the role must be at or below
 * the actor's and the scope inside the actor's subtree; without one (the CLI, the seed) the
 * caller is trusted. The password is hashed before any transaction opens, so the ~50 ms of
 * argon2 never holds a database connection.
 */
export async function createUser(db: Database, input: NewUserInput, actor: Viewer | null): Promise<{ id: string }> {
  const username = normaliseUsername(input.username);
  const displayName = input.displayName.normalize('NFC').trim();
  if (username.length === 0) throw new AppError('VALIDATION_FAILED', 'username is empty', 'username');
  if (displayName.length === 0) throw new AppError('VALIDATION_FAILED', 'displayName is empty', 'displayName');
  if (input.password.length < MIN_PASSWORD_LENGTH || input.password.length > MAX_PASSWORD_LENGTH) {
    throw new AppError('VALIDATION_FAILED', `password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`, 'password');
  }
  if (input.role !== 'admin' && input.scopeUnitCode === null) {
    throw new AppError('VALIDATION_FAILED', 'every role but admin needs a scope unit', 'scopeUnitCode');
  }

  if (actor) {
    if (!canGrantRole(actor, input.role)) throw new AppError('FORBIDDEN', `cannot grant role ${input.role}`, 'role');
    if (input.scopeUnitCode !== null && !(await isWithinScope(db, scopeRootOf(actor), input.scopeUnitCode))) {
      throw new AppError('FORBIDDEN', 'scope unit is outside your own scope', 'scopeUnitCode');
    }
  }

  // Checked before hashing to spare the CPU; the unique index still decides a race.
  if (await selectUserByUsername(db, username)) throw new AppError('USERNAME_TAKEN', undefined, 'username');
  const passwordHash = await hashPassword(input.password);
  const id = v7();
  try {
    await inTransaction(db, async (trx) => {
      await insertUser(trx, {
        id,
        username,
        display_name: displayName,
        password_hash: passwordHash,
        role: input.role,
        scope_unit_code: input.scopeUnitCode,
      });
      await recordAudit(trx, {
        actorUserId: actor?.id ?? null,
        action: 'user.create',
        unitCode: input.scopeUnitCode,
        subject: id,
        detail: { role: input.role },
      });
    });
  } catch (error) {
    const state = sqlStateOf(error);
    if (state === SQLSTATE.UNIQUE_VIOLATION) throw new AppError('USERNAME_TAKEN', undefined, 'username');
    // Reached only by trusted callers: an officer's unknown unit already failed the scope check.
    if (state === SQLSTATE.FOREIGN_KEY_VIOLATION) throw new AppError('UNIT_NOT_FOUND', undefined, 'scopeUnitCode');
    throw error;
  }
  return { id };
}

/** Who an account is on screen (its display name), for "changed by … at …" lines; unknown ids are left out. */
export async function displayNamesOf(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await selectDisplayNames(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, row.display_name]));
}
