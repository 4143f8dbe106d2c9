import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../../db/database.js';
import type { DifficultyCategory, DifficultyStatus } from '../../../db/types.js';
import { AppError } from '../../../errors.js';
import type { Viewer } from '../../../http/access.js';
import { toPage, type Page } from '../../../lib/page.js';
import { getUserInScope } from '../../auth/users.service.js';
import { getVisibleUnit, isWithinScope, subtreeCodes } from '../../units/units.service.js';
import * as q from './difficulties.queries.js';

/**
 * Difficulties a commune or a team reports (weak network, no devices, no trainers…), which the
 * province answers, assigns and closes: the standing agency's job of "promptly providing
 * solutions to remove difficulties".
 */
export interface Difficulty {
  id: string;
  unitCode: string;
  category: DifficultyCategory;
  description: string;
  status: DifficultyStatus;
  reportedBy: string | null;
  reportedAt: string;
  assigneeUserId: string | null;
  answer: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  /** A photo came with it (GET /api/difficulties/:id/photo). */
  hasPhoto: boolean;
}

/** A photo a team attaches: the phone downscales it; the server still caps what it keeps. */
export const PHOTO_MAX_BYTES = 300 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export interface DifficultyPhoto { bytes: Buffer; type: (typeof PHOTO_TYPES)[number] }

/** `data:image/jpeg;base64,…` → the bytes and type, or an error naming `field`. */
export function parsePhotoDataUrl(value: string, field: string): DifficultyPhoto {
  const match = /^data:(image\/(?:jpeg|png|webp));base64,([A-Za-z0-9+/]+={0,2})$/.exec(value);
  if (!match) throw new AppError('VALIDATION_FAILED', 'A photo is a JPEG, PNG or WebP data URL', field);
  const bytes = Buffer.from(match[2]!, 'base64');
  if (bytes.length > PHOTO_MAX_BYTES) throw new AppError('PHOTO_TOO_LARGE', `A photo is at most ${PHOTO_MAX_BYTES} bytes`, field);
  return { bytes, type: match[1] as DifficultyPhoto['type'] };
}

const isoOrNull = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function present(row: q.DifficultyRow): Difficulty {
  return {
    id: row.id, unitCode: row.unit_code, category: row.category, description: row.description, status: row.status,
    reportedBy: row.reported_by, reportedAt: new Date(row.reported_at).toISOString(), assigneeUserId: row.assignee_user_id,
    answer: row.answer, answeredAt: isoOrNull(row.answered_at), closedAt: isoOrNull(row.closed_at), hasPhoto: row.has_photo,
  };
}

export async function reportDifficulty(
  db: Database, viewer: Viewer,
  input: { id?: string; unitCode: string; category: DifficultyCategory; description: string; photo?: DifficultyPhoto },
): Promise<Difficulty> {
  const unit = await getVisibleUnit(db, viewer, input.unitCode, undefined, 'unitCode');
  const row = await q.insertDifficulty(db, {
    id: input.id ?? uuidv7(), unit_code: unit.code, province_code: unit.provinceCode, category: input.category,
    description: input.description.trim(), status: 'open', reported_by: viewer.id,
    photo: input.photo?.bytes ?? null, photo_type: input.photo?.type ?? null,
  });
  return present(row);
}

async function visibleDifficulty(db: Database, viewer: Viewer, id: string): Promise<q.DifficultyRow> {
  const row = await q.findDifficulty(db, id);
  if (!row || !(await isWithinScope(db, viewer.scopeUnitCode, row.unit_code))) throw new AppError('DIFFICULTY_NOT_FOUND', `No difficulty ${id}`, 'id');
  return row;
}

export async function getDifficulty(db: Database, viewer: Viewer, id: string): Promise<Difficulty> {
  return present(await visibleDifficulty(db, viewer, id));
}

/** The photo of a difficulty in the viewer's scope; none answers 404. */
export async function getDifficultyPhoto(db: Database, viewer: Viewer, id: string): Promise<{ bytes: Buffer; type: string }> {
  await visibleDifficulty(db, viewer, id);
  const row = await q.findDifficultyPhoto(db, id);
  if (!row?.photo || !row.photo_type) throw new AppError('DIFFICULTY_NOT_FOUND', `No photo with difficulty ${id}`, 'id');
  return { bytes: row.photo, type: row.photo_type };
}

export async function listDifficulties(
  db: Database, viewer: Viewer, filter: { unitCode: string; statuses?: DifficultyStatus[]; after?: string; limit: number },
): Promise<Page<Difficulty>> {
  await getVisibleUnit(db, viewer, filter.unitCode, undefined, 'unit');
  const rows = await q.listDifficulties(db, { ...filter, unitCodes: await subtreeCodes(db, filter.unitCode), limit: filter.limit + 1 });
  return toPage(rows, filter.limit, present, (d) => d.id);
}

export type DifficultyAction =
  | { action: 'assign'; assigneeUserId: string }
  | { action: 'answer'; answer: string }
  | { action: 'close' };

/** The province's handling: assign to someone, answer, close. A closed difficulty stays closed. */
export async function handleDifficulty(db: Database, viewer: Viewer, id: string, step: DifficultyAction): Promise<Difficulty> {
  const row = await visibleDifficulty(db, viewer, id);
  if (row.status === 'closed') throw new AppError('STATUS_TRANSITION_INVALID', 'The difficulty is closed', 'status');
  switch (step.action) {
    case 'assign':
      await getUserInScope(db, viewer, step.assigneeUserId).catch(() => {
        throw new AppError('USER_NOT_FOUND', 'No such user in your scope', 'assigneeUserId');
      });
      return present(await q.updateDifficulty(db, id, { status: 'assigned', assignee_user_id: step.assigneeUserId }));
    case 'answer':
      return present(await q.updateDifficulty(db, id, { status: 'answered', answer: step.answer.trim(), answered_by: viewer.id, answered_at: new Date() }));
    case 'close':
      return present(await q.updateDifficulty(db, id, { status: 'closed', closed_at: new Date() }));
  }
}

/** Open (not closed) difficulties per unit, to stand beside the unit's targets. */
export function countOpenDifficulties(db: Database, unitCodes: readonly string[]): Promise<Map<string, number>> {
  return q.countOpenByUnit(db, unitCodes);
}
