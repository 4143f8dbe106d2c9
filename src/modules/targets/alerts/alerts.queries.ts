import { sql } from 'kysely';
import type { Database } from '../../../db/database.js';

export async function statusesOf(db: Database, unitCodes: readonly string[]): Promise<Map<string, string>> {
  if (unitCodes.length === 0) return new Map();
  const rows = await db.selectFrom('indicator_status').select(['indicator_code', 'unit_code', 'status'])
    .where(sql<boolean>`unit_code = any(${[...unitCodes]}::text[])`).execute();
  return new Map(rows.map((r) => [`${r.indicator_code}|${r.unit_code}`, r.status]));
}

export async function saveStatuses(db: Database, rows: readonly { indicator_code: string; unit_code: string; province_code: string; status: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('indicator_status').values(rows.map((r) => ({ ...r })))
    .onConflict((oc) => oc.columns(['indicator_code', 'unit_code', 'province_code']).doUpdateSet((eb) => ({ status: eb.ref('excluded.status'), changed_at: sql`now()` })))
    .execute();
}

export async function insertAlerts(
  db: Database, rows: readonly { indicator_code: string; unit_code: string; province_code: string; previous_status: string | null; status: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('progress_alerts').values(rows.map((r) => ({ ...r }))).execute();
}

export function listAlerts(db: Database, unitCodes: readonly string[], after: number | undefined, limit: number) {
  let query = db.selectFrom('progress_alerts').selectAll().where(sql<boolean>`unit_code = any(${[...unitCodes]}::text[])`);
  if (after !== undefined) query = query.where('id', '<', after);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

export function findAlert(db: Database, id: number) {
  return db.selectFrom('progress_alerts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function acknowledgeAlert(db: Database, id: number, userId: string) {
  return db.updateTable('progress_alerts').set({ acknowledged_at: sql`now()`, acknowledged_by: userId })
    .where('id', '=', id).where('acknowledged_at', 'is', null).returningAll().executeTakeFirst();
}
