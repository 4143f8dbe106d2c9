import { sql, type Selectable } from 'kysely';
import type { AuditEventsTable } from '../../db/types.js';
import type { Database } from '../../db/database.js';

export type AuditEventRow = Selectable<AuditEventsTable> & { actor_username: string | null };

/** Which entries a read covers. `unitCodes` null means every entry, those tied to no unit too. */
export interface AuditSelection {
  unitCodes: readonly string[] | null;
  actionPrefix?: string;
  actorUsername?: string;
  /** Instants bounding the entries: from included, until excluded. */
  from?: Date;
  until?: Date;
}

/** Audit entries newest first, before the cursor id, with the actor's user name. */
export async function selectAuditPage(
  db: Database,
  selection: AuditSelection,
  before: number | undefined,
  limit: number,
): Promise<AuditEventRow[]> {
  let query = db.selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .selectAll('a')
    .select('u.username as actor_username');
  const { unitCodes, actionPrefix, actorUsername, from, until } = selection;
  if (unitCodes !== null) query = query.where(sql<boolean>`a.unit_code = any(${[...unitCodes]}::text[])`);
  // The prefix is matched as text, not as a LIKE pattern: its _ and % mean themselves.
  if (actionPrefix !== undefined) query = query.where(sql<boolean>`left(a.action, ${actionPrefix.length}) = ${actionPrefix}`);
  if (actorUsername !== undefined) query = query.where('u.username', '=', actorUsername);
  if (from !== undefined) query = query.where('a.at', '>=', from);
  if (until !== undefined) query = query.where('a.at', '<', until);
  if (before !== undefined) query = query.where('a.id', '<', before);
  return query.orderBy('a.id', 'desc').limit(limit).execute();
}
