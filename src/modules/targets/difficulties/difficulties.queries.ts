import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../../../db/database.js';
import type { DifficultiesTable, DifficultyStatus } from '../../../db/types.js';

/** A difficulty without its photo bytes, which only the photo route reads. */
export type DifficultyRow = Omit<Selectable<DifficultiesTable>, 'photo'> & { has_photo: boolean };

const COLUMNS = [
  'id', 'unit_code', 'province_code', 'category', 'description', 'status', 'reported_by', 'reported_at',
  'assignee_user_id', 'answer', 'answered_by', 'answered_at', 'closed_at', 'photo_type',
] as const;
const hasPhoto = sql<boolean>`photo is not null`.as('has_photo');

export async function insertDifficulty(db: Database, row: Insertable<DifficultiesTable>): Promise<DifficultyRow> {
  return db.insertInto('difficulties').values(row).returning([...COLUMNS, hasPhoto]).executeTakeFirstOrThrow();
}

export function findDifficulty(db: Database, id: string): Promise<DifficultyRow | undefined> {
  return db.selectFrom('difficulties').select([...COLUMNS, hasPhoto]).where('id', '=', id).executeTakeFirst();
}

export async function updateDifficulty(db: Database, id: string, patch: Updateable<DifficultiesTable>): Promise<DifficultyRow> {
  return db.updateTable('difficulties').set(patch).where('id', '=', id).returning([...COLUMNS, hasPhoto]).executeTakeFirstOrThrow();
}

/** Newest first; ids are UUIDv7, so their order is the order of reporting. */
export function listDifficulties(
  db: Database, filter: { unitCodes: readonly string[]; statuses?: readonly DifficultyStatus[]; after?: string; limit: number },
): Promise<DifficultyRow[]> {
  let query = db.selectFrom('difficulties').select([...COLUMNS, hasPhoto]).where(sql<boolean>`unit_code = any(${[...filter.unitCodes]}::text[])`);
  if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses);
  if (filter.after) query = query.where('id', '<', filter.after);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}

export function findDifficultyPhoto(db: Database, id: string): Promise<{ photo: Buffer | null; photo_type: string | null } | undefined> {
  return db.selectFrom('difficulties').select(['photo', 'photo_type']).where('id', '=', id).executeTakeFirst();
}

/** How many difficulties are still open (not closed) per unit, for the units asked. */
export async function countOpenByUnit(db: Database, unitCodes: readonly string[]): Promise<Map<string, number>> {
  if (unitCodes.length === 0) return new Map();
  const rows = await db.selectFrom('difficulties')
    .select(['unit_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where(sql<boolean>`unit_code = any(${[...unitCodes]}::text[])`)
    .where('status', '<>', 'closed')
    .groupBy('unit_code')
    .execute();
  return new Map(rows.map((r) => [r.unit_code, Number(r.n)]));
}
