import { v7 } from 'uuid';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import type { Language } from '../../i18n/index.js';
import { recordAudit } from '../audit-log/audit-log.service.js';
import { currentVersions, type CurrentVersion } from '../people/people.public.js';
import { getVisibleUnit, isWithinScope, subtreeCodes } from '../units/units.service.js';
import * as sq from './sync.queries.js';
import { applySyncBatch } from './sync.service.js';

export interface ConflictEntry {
  id: string;
  itemId: string;
  recordKind: string;
  recordId: string;
  villageCode: string;
  losingSide: 'incoming' | 'stored';
  baseRevision: number | null;
  storedRevision: number;
  lostData: Record<string, unknown>;
  lostRecordedAt: string;
  lostDeviceId: string | null;
  lostUserId: string | null;
  wonRecordedAt: string;
  detectedAt: string;
  /** The record as it stands now, to set beside the replaced version; null if it is gone. */
  current: CurrentVersion | null;
  resolution: 'kept' | 'restored' | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

const present = (row: sq.SyncConflictRow, current: CurrentVersion | undefined): ConflictEntry => ({
  id: row.id, itemId: row.item_id, recordKind: row.record_kind, recordId: row.record_id, villageCode: row.village_code,
  losingSide: row.losing_side, baseRevision: row.base_revision, storedRevision: row.stored_revision,
  lostData: (row.lost_data ?? {}) as Record<string, unknown>, lostRecordedAt: row.lost_recorded_at.toISOString(),
  lostDeviceId: row.lost_device_id, lostUserId: row.lost_user_id, wonRecordedAt: row.won_recorded_at.toISOString(),
  detectedAt: row.detected_at.toISOString(), current: current ?? null,
  resolution: row.resolution, resolvedAt: row.resolved_at?.toISOString() ?? null, resolvedBy: row.resolved_by,
});

/** The losing writes of concurrent edits in the unit's subtree, oldest first: the open ones unless `all`. */
export async function listConflicts(
  db: Database, viewer: Viewer, query: { unit: string; after?: string; limit: number; state?: 'open' | 'all' },
): Promise<{ items: ConflictEntry[]; next: string | null }> {
  await getVisibleUnit(db, viewer, query.unit, undefined, 'unit');
  const codes = await subtreeCodes(db, query.unit);
  const rows = await sq.selectConflictsPage(db, codes, query.after, query.limit + 1, query.state !== 'all');
  const shown = rows.slice(0, query.limit);
  const versions = await currentVersions(db, shown.map((row) => ({ kind: row.record_kind, id: row.record_id })));
  const items = shown.map((row) => present(row, versions.get(row.record_id)));
  if (items.length > 0) {
    await recordAudit(db, { actorUserId: viewer.id, action: 'sync.conflicts.read', unitCode: query.unit, subject: query.unit, detail: { records: items.length } });
  }
  return { items, next: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
}

/** The fields of a replaced version that an edit writes back; the ID number stays as it is now. */
function restoringWrite(row: sq.SyncConflictRow, current: CurrentVersion): Record<string, unknown> {
  const lost = (row.lost_data ?? {}) as Record<string, unknown>;
  const common = { id: row.record_id, baseRevision: current.revision };
  if (row.record_kind === 'household') {
    return { ...common, villageCode: row.village_code, label: lost.label, address: lost.address, headName: lost.headName, note: lost.note };
  }
  return {
    ...common, householdId: lost.householdId, fullName: lost.fullName, birthYear: lost.birthYear, sex: lost.sex,
    groups: lost.groups, ethnicity: lost.ethnicity, language: lost.language,
  };
}

/**
 * Settles a conflict by an officer of its village's commune or above: `keep` leaves the record as
 * the rule kept it; `restore` writes the replaced version back as a new edit through the field
 * sync's own write path (same checks, rollups and change feed), made on top of the current
 * revision so it never overwrites a later edit unseen. One choice wins; a second answers 409.
 */
export async function resolveConflict(
  db: Database, viewer: Viewer, id: string, choice: 'keep' | 'restore', options: { secretKey: string; lang: Language },
): Promise<ConflictEntry> {
  const row = await sq.selectConflict(db, id);
  if (!row || !(await isWithinScope(db, viewer.scopeUnitCode, row.village_code))) throw new AppError('CONFLICT_NOT_FOUND', `No conflict ${id}`, 'id');
  const current = (await currentVersions(db, [{ kind: row.record_kind, id: row.record_id }])).get(row.record_id);
  if (choice === 'restore' && !current) throw new AppError('CONFLICT_NOT_FOUND', `The record of conflict ${id} is gone`, 'id');
  const resolvedAt = new Date();
  const resolution = choice === 'keep' ? 'kept' : 'restored';
  if (!(await sq.settleConflict(db, id, { resolution, resolvedBy: viewer.id, resolvedAt }))) {
    throw new AppError('CONFLICT_SETTLED', `Conflict ${id} was settled already`, 'id');
  }
  if (choice === 'restore') {
    const { results } = await applySyncBatch(db, viewer, {
      // The conflict's own id names the "device": the feed and the record show the change came from this choice.
      deviceId: id,
      items: [{ id: v7(), kind: row.record_kind, data: restoringWrite(row, current!), recordedAt: resolvedAt.toISOString() }],
    }, options);
    const outcome = results[0]!;
    if (outcome.status !== 'applied') {
      await sq.reopenConflict(db, id);
      const code = outcome.status === 'conflict' ? 'CONFLICT_SETTLED' : 'CONFLICT_RESTORE_REFUSED';
      throw new AppError(code, outcome.error?.message ?? `The record changed again; look at it once more`, outcome.error?.field ?? 'id');
    }
  }
  await recordAudit(db, {
    actorUserId: viewer.id, action: 'sync.conflict.resolve', unitCode: row.village_code, subject: id,
    detail: { resolution, recordKind: row.record_kind },
  });
  const settled = await sq.selectConflict(db, id);
  const now = (await currentVersions(db, [{ kind: row.record_kind, id: row.record_id }])).get(row.record_id);
  return present(settled!, now);
}
