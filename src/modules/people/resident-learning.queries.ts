import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

export async function selectResidentGroups(db: Database, ids: readonly string[]): Promise<{ id: string; groups: string[] }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('residents').select(['id', 'groups']).where('id', '=', sql<string>`any(${[...ids]}::uuid[])`).execute();
}

export async function selectHeldKind(db: Database, residentId: string, kind: string): Promise<{ first_on: string } | undefined> {
  return db.selectFrom('resident_milestones').select(['first_on']).where('resident_id', '=', residentId).where('kind', '=', kind).executeTakeFirst();
}
