import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { XapiStatementsTable, XapiSystemsTable } from '../../db/types.js';

export type SystemRow = Selectable<XapiSystemsTable>;
export type StatementRow = Selectable<XapiStatementsTable>;

export async function insertSystem(db: Database, row: Insertable<XapiSystemsTable>): Promise<void> {
  await db.insertInto('xapi_systems').values(row).execute();
}

export async function selectSystemByKey(db: Database, key: string): Promise<SystemRow | undefined> {
  return db.selectFrom('xapi_systems').selectAll().where('key', '=', key).where('disabled_at', 'is', null).executeTakeFirst();
}

export async function selectSystemById(db: Database, id: string): Promise<SystemRow | undefined> {
  return db.selectFrom('xapi_systems').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function disableSystem(db: Database, id: string, at: Date): Promise<SystemRow | undefined> {
  return db.updateTable('xapi_systems').set({ disabled_at: at }).where('id', '=', id).where('disabled_at', 'is', null).returningAll().executeTakeFirst();
}

export async function selectSystemsInUnits(db: Database, unitCodes: readonly string[]): Promise<SystemRow[]> {
  return db.selectFrom('xapi_systems').selectAll().where('unit_code', 'in', unitCodes).orderBy('created_at').limit(200).execute();
}

export async function selectStatementsByIds(db: Database, ids: readonly string[]): Promise<StatementRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('xapi_statements').selectAll().where('id', 'in', ids).execute();
}

export async function insertStatements(db: Database, rows: readonly Insertable<XapiStatementsTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('xapi_statements').values([...rows]).execute();
}

export async function markVoided(db: Database, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('xapi_statements').set({ voided: true }).where('id', 'in', ids).execute();
}

export interface StatementFilter {
  actorIfi?: string;
  verbId?: string;
  activityId?: string;
  registration?: string;
  since?: Date;
  until?: Date;
  /** The seq after (ascending) or before (descending) which the page starts. */
  cursor?: number;
  ascending: boolean;
  limit: number;
}

/** A page of statements that are not voided, by stored order, with one extra row to tell a next page. */
export async function selectStatements(db: Database, f: StatementFilter): Promise<StatementRow[]> {
  let query = db.selectFrom('xapi_statements').selectAll().where('voided', '=', false);
  if (f.actorIfi !== undefined) query = query.where('actor_ifi', '=', f.actorIfi);
  if (f.verbId !== undefined) query = query.where('verb_id', '=', f.verbId);
  if (f.activityId !== undefined) query = query.where('activity_id', '=', f.activityId);
  if (f.registration !== undefined) query = query.where('registration', '=', f.registration);
  if (f.since !== undefined) query = query.where('stored', '>', f.since);
  if (f.until !== undefined) query = query.where('stored', '<=', f.until);
  if (f.cursor !== undefined) query = query.where('seq', f.ascending ? '>' : '<', f.cursor);
  return query.orderBy('seq', f.ascending ? 'asc' : 'desc').limit(f.limit + 1).execute();
}
