import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { LearnerLinksTable } from '../../db/learning-types.js';

export type LinkRow = Selectable<LearnerLinksTable>;

export async function selectLinkOfUser(db: Database, userId: string): Promise<LinkRow | undefined> {
  return db.selectFrom('learner_links').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function selectLinkOfResident(db: Database, residentId: string): Promise<LinkRow | undefined> {
  return db.selectFrom('learner_links').selectAll().where('resident_id', '=', residentId).executeTakeFirst();
}

export async function insertLink(db: Database, row: Insertable<LearnerLinksTable>): Promise<void> {
  await db.insertInto('learner_links').values(row).execute();
}

export async function deleteLink(db: Database, userId: string): Promise<void> {
  await db.deleteFrom('learner_links').where('user_id', '=', userId).execute();
}
