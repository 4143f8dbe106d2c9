import { sql, type Insertable, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import { executePrepared } from '../../db/prepared.js';
import { referenceStampsColumn, type ReferenceStamps } from '../../db/reference-cache.js';
import type { Role, UsersTable } from '../../db/types.js';

export type UserRow = Selectable<UsersTable>;

/** A user without the password hash: what every read outside login gets. */
export type UserPublicRow = Omit<UserRow, 'password_hash'>;

const PUBLIC_USER_COLUMNS = ['id', 'username', 'display_name', 'role', 'scope_unit_code', 'disabled', 'created_at'] as const;

/** The only query that reads a password hash: login needs it, nothing else does. */
export async function selectUserForLogin(db: Database, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function selectUserByUsername(db: Database, username: string): Promise<UserPublicRow | undefined> {
  return db.selectFrom('users').select(PUBLIC_USER_COLUMNS).where('username', '=', username).executeTakeFirst();
}

export async function selectUserById(db: Database, id: string): Promise<UserPublicRow | undefined> {
  return db.selectFrom('users').select(PUBLIC_USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type NewUserRow = Insertable<UsersTable>;

export async function insertUser(db: Database, row: NewUserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

/**
 * Users whose scope unit is one of `scopeCodes`, in username order after the cursor.
 * `scopeCodes` null means no restriction (the administrator). The codes travel as one array
 * parameter, so a province subtree of thousands of units is still a single bind value.
 */
export async function selectUsersPage(
  db: Database,
  scopeCodes: readonly string[] | null,
  after: string | undefined,
  limit: number,
): Promise<UserPublicRow[]> {
  let query = db.selectFrom('users').select(PUBLIC_USER_COLUMNS);
  if (scopeCodes !== null) query = query.where(sql<boolean>`scope_unit_code = any(${[...scopeCodes]}::text[])`);
  if (after !== undefined) query = query.where('username', '>', after);
  return query.orderBy('username').limit(limit).execute();
}

export interface NewSessionRow {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  expires_at: Date;
}

export async function insertSession(db: Database, row: NewSessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export interface SessionUserRow {
  csrf_token: string;
  id: string;
  username: string;
  display_name: string;
  role: Role;
  scope_unit_code: string | null;
  reference_stamps: ReferenceStamps;
}

/** The live session of a token hash and its user; expired sessions and disabled users give none. */
export async function selectLiveSession(db: Database, tokenHash: string, now: Date): Promise<SessionUserRow | undefined> {
  // Every signed-in request sends it: prepared, so PostgreSQL plans it once per connection.
  const query = db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.csrf_token', 'u.id', 'u.username', 'u.display_name', 'u.role', 'u.scope_unit_code'])
    // The reference stamps ride along: a dashboard read needs them next (db/reference-cache.ts).
    .select(referenceStampsColumn.as('reference_stamps'))
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('u.disabled', '=', false);
  return (await executePrepared(db, query)).rows[0];
}

export async function deleteSession(db: Database, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Keeps the sessions table from growing with every login: a user's dead sessions go on their next login. */
export async function deleteExpiredSessionsOf(db: Database, userId: string, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<=', now).execute();
}

/** Display names of these accounts, one query for any number. */
export async function selectDisplayNames(db: Database, ids: readonly string[]): Promise<{ id: string; display_name: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'display_name']).where(sql<boolean>`id = any(${[...ids]}::uuid[])`).execute();
}
