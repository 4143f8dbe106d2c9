import { sql, type Selectable } from 'kysely';
import type { AuditEventsTable } from '../../db/types.js';
import type { Database } from '../../db/database.js';

export type AuditEventRow = Selectable<AuditEventsTable>;

export interface NewAuditEventRow {
  actor_user_id: string | null;
  action: string;
  unit_code: string | null;
  subject: string | null;
  /** Already serialised JSON: the column is jsonb. */
  detail: string;
}

export async function insertAuditEvent(db: Database, row: NewAuditEventRow): Promise<void> {
  await db.insertInto('audit_events').values(row).execute();
}

/**
 * Audit entries newest first, before the cursor id. `unitCodes` null means every entry,
 * including those tied to no unit (only the administrator reads those).
 */
export async function selectAuditPage(
  db: Database,
  unitCodes: readonly string[] | null,
  before: number | undefined,
  limit: number,
): Promise<AuditEventRow[]> {
  let query = db.selectFrom('audit_events').selectAll();
  if (unitCodes !== null) query = query.where(sql<boolean>`unit_code = any(${[...unitCodes]}::text[])`);
  if (before !== undefined) query = query.where('id', '<', before);
  return query.orderBy('id', 'desc').limit(limit).execute();
}
