import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Role } from '../../db/types.js';

/** The writes of account management: role, scope, disabling, passwords, reset codes and sessions. */

export async function updateUserFields(
  db: Database, id: string, fields: { display_name?: string; role?: Role; scope_unit_code?: string | null; disabled?: boolean },
): Promise<void> {
  await db.updateTable('users').set(fields).where('id', '=', id).execute();
}

export async function updatePasswordHash(db: Database, id: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

export async function selectPasswordHash(db: Database, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  return row?.password_hash;
}

/** Active administrators, counted under a lock on their rows so two officers cannot disable the last two at once. */
export async function countActiveAdminsForUpdate(db: Database): Promise<number> {
  const rows = await db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled', '=', false).forUpdate().execute();
  return rows.length;
}

export async function insertPasswordReset(db: Database, row: { code_hash: string; user_id: string; created_by: string | null; expires_at: Date }): Promise<void> {
  await db.insertInto('password_resets').values(row).execute();
}

/** A new code replaces the user's earlier unused ones: only the last code handed out works. */
export async function voidUnusedResets(db: Database, userId: string, now: Date): Promise<void> {
  await db.updateTable('password_resets').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

/** Marks a live code used and answers whose it was; a used, expired or unknown code answers nothing. */
export async function consumePasswordReset(db: Database, codeHash: string, userId: string, now: Date): Promise<boolean> {
  const rows = await db.updateTable('password_resets').set({ used_at: now })
    .where('code_hash', '=', codeHash).where('user_id', '=', userId).where('used_at', 'is', null).where('expires_at', '>', now)
    .returning('user_id').execute();
  return rows.length === 1;
}

export async function deleteSessionsOf(db: Database, userId: string, exceptTokenHash?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptTokenHash) query = query.where('token_hash', '<>', exceptTokenHash);
  await query.execute();
}

export interface SessionRow { token_hash: string; created_at: Date; expires_at: Date }

export async function selectLiveSessionsOf(db: Database, userId: string, now: Date): Promise<SessionRow[]> {
  return db.selectFrom('sessions').select(['token_hash', 'created_at', 'expires_at'])
    .where('user_id', '=', userId).where('expires_at', '>', now).orderBy(sql`created_at`, 'desc').limit(200).execute();
}
