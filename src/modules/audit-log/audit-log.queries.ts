import type { Database } from '../../db/database.js';

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

export async function insertAuditEvents(db: Database, rows: readonly NewAuditEventRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('audit_events').values(rows.slice(i, i + 1000)).execute();
}
