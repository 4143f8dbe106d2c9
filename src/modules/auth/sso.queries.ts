import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { SsoAttemptsTable, UserIdentitiesTable } from '../../db/sso-types.js';
import type { UserRow } from './auth.queries.js';

export type IdentityRow = Selectable<UserIdentitiesTable>;

export async function insertSsoAttempt(db: Database, row: Insertable<SsoAttemptsTable>): Promise<void> {
  await db.insertInto('sso_attempts').values(row).execute();
}

/** Takes a login attempt out for its one use: a replayed state finds nothing. */
export async function takeSsoAttempt(db: Database, stateHash: string): Promise<Selectable<SsoAttemptsTable> | undefined> {
  return db.deleteFrom('sso_attempts').where('state_hash', '=', stateHash).returningAll().executeTakeFirst();
}

/** Attempts abandoned at the provider go on the next login, so the table stays small. */
export async function deleteExpiredSsoAttempts(db: Database, now: Date): Promise<void> {
  await db.deleteFrom('sso_attempts').where('expires_at', '<=', now).execute();
}

/** The account linked to a subject of an issuer, with what login needs to open a session. */
export async function selectUserByIdentity(db: Database, issuer: string, subjectHash: string): Promise<(UserRow & { identity_id: string }) | undefined> {
  return db
    .selectFrom('user_identities as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .selectAll('u')
    .select('i.id as identity_id')
    .where('i.issuer', '=', issuer)
    .where('i.subject_hash', '=', subjectHash)
    .executeTakeFirst();
}

export async function markIdentityUsed(db: Database, identityId: string, at: Date): Promise<void> {
  await db.updateTable('user_identities').set({ last_login_at: at }).where('id', '=', identityId).execute();
}

export async function selectIdentitiesOf(db: Database, userId: string): Promise<IdentityRow[]> {
  return db.selectFrom('user_identities').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
}

export async function insertIdentity(db: Database, row: Insertable<UserIdentitiesTable>): Promise<void> {
  await db.insertInto('user_identities').values(row).execute();
}

export async function deleteIdentity(db: Database, userId: string, identityId: string): Promise<IdentityRow | undefined> {
  return db.deleteFrom('user_identities').where('id', '=', identityId).where('user_id', '=', userId).returningAll().executeTakeFirst();
}
