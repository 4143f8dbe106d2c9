import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DifficultiesTable, DifficultyStatus } from '../../db/types.js';

export type DifficultyRow = Selectable<DifficultiesTable>;

export async function insertDifficulty(db: Database, row: Insertable<DifficultiesTable>): Promise<DifficultyRow> {
  return db.insertInto('difficulties').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findDifficulty(db: Database, id: string): Promise<DifficultyRow | undefined> {
  return db.selectFrom('difficulties').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateDifficulty(db: Database, id: string, patch: Updateable<DifficultiesTable>): Promise<DifficultyRow> {
  return db.updateTable('difficulties').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Newest first; ids are UUIDv7, so their order is the order of reporting. */
export function listDifficulties(
  db: Database, filter: { unitCodes: readonly string[]; statuses?: readonly DifficultyStatus[]; after?: string; limit: number },
): Promise<DifficultyRow[]> {
  let query = db.selectFrom('difficulties').selectAll().where(sql<boolean>`unit_code = any(${[...filter.unitCodes]}::text[])`);
  if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses);
  if (filter.after) query = query.where('id', '<', filter.after);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
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
