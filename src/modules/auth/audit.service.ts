import { toPage, type Page } from '../../lib/page.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { translate, type Language } from '../../i18n/index.js';
import { toCsv } from '../../lib/csv-write.js';
import { addDays, vietnamDay, vietnamDayStart } from '../../lib/vietnam-day.js';
import { getVisibleUnit, subtreeCodes } from '../units/units.service.js';
import type { Database } from '../../db/database.js';
import { recordAudit } from '../audit-log/audit-log.service.js';
import { selectAuditPage, type AuditEventRow, type AuditSelection } from './audit.queries.js';
import type { AuditFilterQuery } from './audit.schema.js';
import { scopeRootOf } from './roles.js';

export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  unitCode: string | null;
  subject: string | null;
  detail: Record<string, unknown>;
}

/** The most entries one export holds: a year of a province's reads fits; narrow the filters for more. */
export const AUDIT_EXPORT_CAP = 50_000;

function toAuditEntry(row: AuditEventRow): AuditEntry {
  return {
    id: Number(row.id),
    at: row.at.toISOString(),
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    action: row.action,
    unitCode: row.unit_code,
    subject: row.subject,
    detail: (row.detail ?? {}) as Record<string, unknown>,
  };
}

/**
 * What a viewer's filters select. Entries of units in the viewer's subtree only (or of the unit
 * asked, which must lie in it); entries tied to no unit (e.g. failed logins of unknown names) are
 * the administrator's alone, and only while no unit is asked.
 */
async function selectionOf(db: Database, viewer: Viewer, filter: AuditFilterQuery): Promise<AuditSelection> {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new AppError('VALIDATION_FAILED', 'The first day comes after the last day', 'from');
  }
  let unitCodes: string[] | null;
  if (filter.unit !== undefined) {
    await getVisibleUnit(db, viewer, filter.unit, vietnamDay(), 'unit');
    unitCodes = await subtreeCodes(db, filter.unit);
  } else {
    const root = scopeRootOf(viewer);
    unitCodes = root === null ? null : await subtreeCodes(db, root);
  }
  return {
    unitCodes,
    actionPrefix: filter.action,
    actorUsername: filter.actor,
    from: filter.from === undefined ? undefined : vietnamDayStart(filter.from),
    until: filter.to === undefined ? undefined : vietnamDayStart(addDays(filter.to, 1)),
  };
}

/** The audit entries a viewer may read, newest first, narrowed by the filters. */
export async function listAuditEntries(
  db: Database,
  viewer: Viewer,
  filter: AuditFilterQuery,
  page: { after?: number; limit: number },
): Promise<Page<AuditEntry, number>> {
  const rows = await selectAuditPage(db, await selectionOf(db, viewer, filter), page.after, page.limit + 1);
  return toPage(rows, page.limit, toAuditEntry, (entry) => entry.id);
}

/**
 * The filtered log as CSV for Excel, newest first, up to the cap. Reading the log is itself
 * recorded: the export writes its own `audit.export` entry with the filters and the row count.
 */
export async function exportAuditEntries(
  db: Database,
  viewer: Viewer,
  filter: AuditFilterQuery,
  lang: Language,
): Promise<{ csv: string; rows: number }> {
  const selection = await selectionOf(db, viewer, filter);
  const rows = (await selectAuditPage(db, selection, undefined, AUDIT_EXPORT_CAP)).map(toAuditEntry);
  const header = (['at', 'action', 'actor', 'unit', 'subject', 'detail'] as const).map((key) => translate(lang, `audit.header.${key}`));
  const lines = rows.map((e) => [e.at, e.action, e.actorUsername ?? e.actorUserId, e.unitCode, e.subject, JSON.stringify(e.detail)]);
  await recordAudit(db, {
    actorUserId: viewer.id, action: 'audit.export', unitCode: filter.unit ?? viewer.scopeUnitCode, subject: null,
    detail: { rows: rows.length, capped: rows.length === AUDIT_EXPORT_CAP, ...filter },
  });
  return { csv: toCsv([header, ...lines], { bom: true }), rows: rows.length };
}
