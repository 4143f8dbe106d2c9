import { toPage, type Page } from '../../lib/page.js';
import type { Viewer } from '../../http/access.js';
import { subtreeCodes } from '../units/units.service.js';
import type { Database } from '../../db/database.js';
import { insertAuditEvent, selectAuditPage, type AuditEventRow } from './audit.queries.js';
import { scopeRootOf } from './roles.js';

export interface AuditInput {
  actorUserId: string | null;
  /** Dotted verb, e.g. `auth.login`, `user.create`, `people.export`. */
  action: string;
  /** The unit the action touched, so officers of that subtree can read the entry. */
  unitCode: string | null;
  /** What was acted on (a user id, a file name…), never personal data itself. */
  subject: string | null;
  /** Small, non-personal facts about the action. Never a password, a name or an ID number. */
  detail?: Record<string, unknown>;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: string | null;
  action: string;
  unitCode: string | null;
  subject: string | null;
  detail: Record<string, unknown>;
}

/** Writes one audit entry on the caller's connection, so it commits or rolls back with the action. */
export async function recordAudit(db: Database, input: AuditInput): Promise<void> {
  await insertAuditEvent(db, {
    actor_user_id: input.actorUserId,
    action: input.action,
    unit_code: input.unitCode,
    subject: input.subject,
    detail: JSON.stringify(input.detail ?? {}),
  });
}

function toAuditEntry(row: AuditEventRow): AuditEntry {
  return {
    id: Number(row.id),
    at: row.at.toISOString(),
    actorUserId: row.actor_user_id,
    action: row.action,
    unitCode: row.unit_code,
    subject: row.subject,
    detail: (row.detail ?? {}) as Record<string, unknown>,
  };
}

/**
 * The audit entries a viewer may read, newest first: those of units in the viewer's subtree.
 * Entries tied to no unit (e.g. failed logins of unknown names) are the administrator's alone.
 */
export async function listAuditEntries(
  db: Database,
  viewer: Viewer,
  page: { after?: number; limit: number },
): Promise<Page<AuditEntry, number>> {
  const root = scopeRootOf(viewer);
  const codes = root === null ? null : await subtreeCodes(db, root);
  const rows = await selectAuditPage(db, codes, page.after, page.limit + 1);
  return toPage(rows, page.limit, toAuditEntry, (entry) => entry.id);
}
