import type { Database } from '../../db/database.js';
import { insertAuditEvent, insertAuditEvents, type NewAuditEventRow } from './audit-log.queries.js';

// The audit log's writing side, below every other module so that each of them, units included,
// can leave an entry without depending on auth (which depends on units for scopes). Reading the
// log, by scope, is auth's (audit.service.ts).

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

/** Writes one audit entry on the caller's connection, so it commits or rolls back with the action. */
export async function recordAudit(db: Database, input: AuditInput): Promise<void> {
  await insertAuditEvent(db, auditRow(input));
}

/** recordAudit for the entries of a batch of actions, in one statement. */
export async function recordAudits(db: Database, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length > 0) await insertAuditEvents(db, inputs.map(auditRow));
}

function auditRow(input: AuditInput): NewAuditEventRow {
  return {
    actor_user_id: input.actorUserId,
    action: input.action,
    unit_code: input.unitCode,
    subject: input.subject,
    detail: JSON.stringify(input.detail ?? {}),
  };
}
