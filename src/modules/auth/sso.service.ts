import * as client from 'openid-client';
import { v7 } from 'uuid';
import type { Database } from '../../db/database.js';
import { inTransaction, sqlStateOf, SQLSTATE } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { keyedHash, secretDigest } from '../../lib/hashes.js';
import { recordAudit } from '../audit-log/audit-log.service.js';
import { openSession, type LoginResult } from './auth.service.js';
import type { SsoProvider } from './sso-client.js';
import {
  deleteExpiredSsoAttempts,
  deleteIdentity,
  insertIdentity,
  insertSsoAttempt,
  markIdentityUsed,
  selectIdentitiesOf,
  selectUserByIdentity,
  takeSsoAttempt,
  type IdentityRow,
} from './sso.queries.js';
import { getUserInScope } from './users.service.js';

/** How long someone may spend at the provider's login before coming back. */
const ATTEMPT_MINUTES = 10;

export interface Identity {
  id: string;
  issuer: string;
  /** The subject's last four characters: enough to tell links apart, not the subject itself. */
  subjectHint: string;
  createdAt: string;
  lastLoginAt: string | null;
}

const toIdentity = (row: IdentityRow): Identity => ({
  id: row.id,
  issuer: row.issuer,
  subjectHint: row.subject_hint,
  createdAt: row.created_at.toISOString(),
  lastLoginAt: row.last_login_at?.toISOString() ?? null,
});

const subjectHash = (secretKey: string, subject: string) => keyedHash(secretKey, 'sso-subject', subject);

/**
 * Starts a single sign-on: the state, nonce and PKCE verifier stay on the server (the state's
 * hash as the key); the browser carries the state in an httpOnly cookie as well, so a callback
 * that someone else started, or a state that was tampered with, matches nothing.
 */
export async function startSsoLogin(db: Database, provider: SsoProvider): Promise<{ url: URL; state: string }> {
  const checks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
  const url = await provider.authorizationUrl(checks);
  const now = new Date();
  await inTransaction(db, async (trx) => {
    await deleteExpiredSsoAttempts(trx, now);
    await insertSsoAttempt(trx, {
      state_hash: secretDigest(checks.state),
      code_verifier: checks.codeVerifier,
      nonce: checks.nonce,
      expires_at: new Date(now.getTime() + ATTEMPT_MINUTES * 60_000),
    });
  });
  return { url, state: checks.state };
}

async function refuse(db: Database, code: 'SSO_STATE_INVALID' | 'SSO_ACCOUNT_UNKNOWN', reason: string, detail: Record<string, unknown> = {}, user?: { id: string; scope_unit_code: string | null }): Promise<never> {
  await recordAudit(db, { actorUserId: null, action: 'auth.login_failed', unitCode: user?.scope_unit_code ?? null, subject: user?.id ?? null, detail: { method: 'sso', reason, ...detail } });
  throw new AppError(code, reason);
}

/**
 * Finishes a single sign-on when the provider sends the browser back: the state must be the
 * one this browser was given and still unused, the code is traded at the provider, and the
 * subject must be linked to an enabled account by an administrator. Nothing is created for an
 * unknown subject. Every outcome is audited.
 */
export async function finishSsoLogin(
  db: Database,
  provider: SsoProvider,
  secretKey: string,
  input: { query: Record<string, string>; cookieState: string | undefined; ttlHours: number; replacingToken?: string },
): Promise<LoginResult> {
  const state = input.query.state;
  if (!state || !input.cookieState || state !== input.cookieState) return refuse(db, 'SSO_STATE_INVALID', 'state_mismatch');
  const attempt = await takeSsoAttempt(db, secretDigest(state));
  if (!attempt || attempt.expires_at.getTime() <= Date.now()) return refuse(db, 'SSO_STATE_INVALID', attempt ? 'state_expired' : 'state_unknown');

  let proven: { issuer: string; subject: string };
  try {
    proven = await provider.finish(input.query, { state, nonce: attempt.nonce, codeVerifier: attempt.code_verifier });
  } catch (error) {
    const code = error instanceof AppError ? error.code : 'SSO_REFUSED';
    await recordAudit(db, { actorUserId: null, action: 'auth.login_failed', unitCode: null, subject: null, detail: { method: 'sso', reason: code.toLowerCase() } });
    throw error;
  }

  const row = await selectUserByIdentity(db, proven.issuer, subjectHash(secretKey, proven.subject));
  if (!row) return refuse(db, 'SSO_ACCOUNT_UNKNOWN', 'unknown_subject', { issuer: proven.issuer });
  if (row.disabled) return refuse(db, 'SSO_ACCOUNT_UNKNOWN', 'disabled', { issuer: proven.issuer }, row);
  const { password_hash: _hash, identity_id: identityId, ...user } = row;
  return openSession(db, user, {
    ttlHours: input.ttlHours,
    replacingToken: input.replacingToken,
    detail: { method: 'sso', issuer: proven.issuer },
    alsoInTransaction: (trx) => markIdentityUsed(trx, identityId, new Date()),
  });
}

/** The single sign-on links of an account the administrator sees. */
export async function listIdentities(db: Database, viewer: Viewer, userId: string): Promise<Identity[]> {
  await getUserInScope(db, viewer, userId);
  return (await selectIdentitiesOf(db, userId)).map(toIdentity);
}

/** Links an account to a subject of an issuer; a subject belongs to one account only. */
export async function linkIdentity(db: Database, secretKey: string, viewer: Viewer, userId: string, input: { issuer: string; subject: string }): Promise<Identity> {
  const user = await getUserInScope(db, viewer, userId);
  const issuer = input.issuer.trim();
  const subject = input.subject.trim();
  if (issuer === '') throw new AppError('VALIDATION_FAILED', 'issuer is empty', 'issuer');
  if (subject === '') throw new AppError('VALIDATION_FAILED', 'subject is empty', 'subject');
  const id = v7();
  try {
    await inTransaction(db, async (trx) => {
      await insertIdentity(trx, { id, user_id: userId, issuer, subject_hash: subjectHash(secretKey, subject), subject_hint: subject.slice(-4), created_by: viewer.id });
      await recordAudit(trx, { actorUserId: viewer.id, action: 'identity.link', unitCode: user.scopeUnitCode, subject: userId, detail: { issuer, identityId: id } });
    });
  } catch (error) {
    if (sqlStateOf(error) === SQLSTATE.UNIQUE_VIOLATION) throw new AppError('IDENTITY_TAKEN', undefined, 'subject');
    throw error;
  }
  const created = (await selectIdentitiesOf(db, userId)).find((row) => row.id === id);
  if (!created) throw new AppError('IDENTITY_NOT_FOUND');
  return toIdentity(created);
}

export async function unlinkIdentity(db: Database, viewer: Viewer, userId: string, identityId: string): Promise<void> {
  const user = await getUserInScope(db, viewer, userId);
  await inTransaction(db, async (trx) => {
    const removed = await deleteIdentity(trx, userId, identityId);
    if (!removed) throw new AppError('IDENTITY_NOT_FOUND');
    await recordAudit(trx, { actorUserId: viewer.id, action: 'identity.unlink', unitCode: user.scopeUnitCode, subject: userId, detail: { issuer: removed.issuer, identityId } });
  });
}
