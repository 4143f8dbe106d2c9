import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { ContestParticipantsTable } from '../../db/types.js';

export type ParticipantRow = Selectable<ContestParticipantsTable>;

export function selectParticipantByToken(db: Database, tokenHash: string): Promise<ParticipantRow | undefined> {
  return db.selectFrom('contest_participants').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function selectParticipantByPhone(db: Database, provinceCode: string, phoneHash: string): Promise<ParticipantRow | undefined> {
  return db.selectFrom('contest_participants').selectAll().where('province_code', '=', provinceCode).where('phone_hash', '=', phoneHash).executeTakeFirst();
}

/** Inserts, or leaves the row of the same phone as it is; answers the row that holds the phone either way. */
export async function insertParticipant(db: Database, row: Insertable<ContestParticipantsTable>): Promise<ParticipantRow> {
  const inserted = await db.insertInto('contest_participants').values(row)
    .onConflict((oc) => oc.columns(['province_code', 'phone_hash']).doNothing())
    .returningAll().executeTakeFirst();
  return inserted ?? (await selectParticipantByPhone(db, row.province_code, row.phone_hash))!;
}

export async function replaceToken(db: Database, id: string, tokenHash: string): Promise<void> {
  await db.updateTable('contest_participants').set({ token_hash: tokenHash }).where('id', '=', id).execute();
}

export function selectParticipants(db: Database, ids: readonly string[]): Promise<Pick<ParticipantRow, 'id' | 'full_name' | 'unit_code'>[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('contest_participants').select(['id', 'full_name', 'unit_code']).where('id', 'in', ids).execute();
}
