import { Readable } from 'node:stream';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { fastUuidV7 as uuidv7 } from '../../lib/fast-uuid.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { addToRollups, holdRollupsForWrite, RollupDeltas, type RollupDelta } from '../rollups/rollups.service.js';
import { ancestorCodes, getActiveUnit, getVisibleUnit, subtreeCodes } from '../units/units.service.js';
import * as q from './materials.queries.js';

/** The largest file the library takes: a short video for a phone; a loudspeaker clip is far smaller. */
export const MATERIAL_MAX_BYTES = 25 * 1024 * 1024;
/** Rows of a quarter megabyte: a download streams them one by one. */
const CHUNK_BYTES = 256 * 1024;

/**
 * The types the library takes, each recognised by its first bytes as well as by the type the
 * uploader claims, so a renamed executable is refused before anything is stored.
 */
export const MATERIAL_TYPES: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'audio/mpeg': (b) => b.subarray(0, 3).toString('latin1') === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0),
  'audio/ogg': (b) => b.subarray(0, 4).toString('latin1') === 'OggS',
  'audio/mp4': (b) => b.subarray(4, 8).toString('latin1') === 'ftyp',
  'video/mp4': (b) => b.subarray(4, 8).toString('latin1') === 'ftyp',
  'video/webm': (b) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])),
};
export const MATERIAL_KINDS = ['poster', 'leaflet', 'audio', 'video', 'other'] as const;
export const ACTIVITY_KINDS = ['conference', 'training', 'banner', 'poster', 'leaflet', 'loudspeaker', 'news_post', 'social_post'] as const;

export interface MaterialView {
  id: string; unitCode: string; kind: string; title: string; targetGroup: string | null; language: string;
  mediaType: string; fileName: string; sizeBytes: number; createdAt: string;
}

const present = (r: q.MaterialRow): MaterialView => ({
  id: r.id, unitCode: r.unit_code, kind: r.kind, title: r.title, targetGroup: r.target_group, language: r.language,
  mediaType: r.media_type, fileName: r.file_name, sizeBytes: Number(r.size_bytes), createdAt: new Date(r.created_at).toISOString(),
});

export interface MaterialInput { unit: string; kind: string; title: string; language: string; targetGroup?: string; fileName: string }

/** Checks the type and the size first, then writes the file in chunks with its record, all or nothing. */
export async function uploadMaterial(db: Database, viewer: Viewer, input: MaterialInput, mediaType: string, body: Buffer): Promise<MaterialView> {
  const recognise = MATERIAL_TYPES[mediaType];
  if (!recognise || !recognise(body)) throw new AppError('MATERIAL_TYPE_REFUSED', `Not a file of type ${mediaType}`, 'body');
  if (body.length > MATERIAL_MAX_BYTES) throw new AppError('MATERIAL_TOO_LARGE', `Over ${MATERIAL_MAX_BYTES} bytes`, 'body');
  const unit = await getActiveUnit(db, viewer, input.unit, vietnamDay(), 'unit');
  const id = uuidv7();
  const chunks: Buffer[] = [];
  for (let at = 0; at < body.length; at += CHUNK_BYTES) chunks.push(body.subarray(at, at + CHUNK_BYTES));
  await db.transaction().execute(async (trx) => {
    await q.insertMaterial(trx, {
      id, province_code: unit.provinceCode, unit_code: unit.code, kind: input.kind, title: input.title.trim(), target_group: input.targetGroup ?? null,
      language: input.language, media_type: mediaType, file_name: input.fileName, size_bytes: body.length, uploaded_by: viewer.id,
    });
    await q.insertChunks(trx, { id, provinceCode: unit.provinceCode }, chunks);
  });
  return present((await q.selectMaterial(db, id))!);
}

/** Materials a team may use: those of its unit, the units below and the units above it (the province's posters). */
export async function listMaterials(db: Database, viewer: Viewer, unitCode: string): Promise<MaterialView[]> {
  const unit = await getVisibleUnit(db, viewer, unitCode, vietnamDay(), 'unit');
  const codes = [...new Set([...(await subtreeCodes(db, unit.code)), ...(await ancestorCodes(db, unit.code))])];
  return (await q.selectMaterialsIn(db, codes, 200)).map(present);
}

/** The file as a stream of its chunks, read one at a time. */
export async function openMaterial(db: Database, viewer: Viewer, id: string): Promise<{ material: MaterialView; stream: Readable }> {
  const row = await q.selectMaterial(db, id);
  if (!row) throw new AppError('MATERIAL_NOT_FOUND', undefined, 'id');
  const codes = new Set([...(await ancestorCodes(db, viewer.scopeUnitCode ?? row.unit_code)), ...(viewer.scopeUnitCode ? await subtreeCodes(db, viewer.scopeUnitCode) : [])]);
  if (viewer.role !== 'admin' && viewer.scopeUnitCode !== null && !codes.has(row.unit_code)) throw new AppError('MATERIAL_NOT_FOUND', undefined, 'id');
  let seq = 0;
  const stream = new Readable({
    read() {
      q.selectChunk(db, id, seq++).then((chunk) => this.push(chunk ?? null), (error: Error) => this.destroy(error));
    },
  });
  return { material: present(row), stream };
}

/** A communication activity of a unit: counted per kind and in reach, like other facts. */
export async function recordActivity(db: Database, viewer: Viewer, input: { unitCode: string; kind: string; day: string; reach?: number; note?: string }) {
  const unit = await getActiveUnit(db, viewer, input.unitCode, input.day, 'unitCode');
  if (input.day > vietnamDay()) throw new AppError('INVALID_DATE', 'The activity lies in the future', 'day');
  const row = { id: uuidv7(), unit_code: unit.code, province_code: unit.provinceCode, kind: input.kind, day: input.day, reach: input.reach ?? null, note: input.note?.trim() || null };
  await db.transaction().execute(async (trx) => {
    await holdRollupsForWrite(trx);
    await q.insertActivity(trx, { ...row, recorded_by: viewer.id });
    const deltas = new RollupDeltas();
    addActivityCounts(deltas, { unitCode: row.unit_code, provinceCode: row.province_code, day: row.day, kind: row.kind, n: 1, reach: row.reach ?? 0 });
    await addToRollups(trx, deltas.rows());
  });
  return presentActivity(row);
}

const presentActivity = (r: q.ActivityRow) => ({ id: r.id, unitCode: r.unit_code, kind: r.kind, day: r.day, reach: r.reach, note: r.note });

/** The latest activities of a unit and its units, and the totals per kind over all of them. */
export async function listActivities(db: Database, viewer: Viewer, unitCode: string) {
  const unit = await getVisibleUnit(db, viewer, unitCode, vietnamDay(), 'unit');
  const codes = await subtreeCodes(db, unit.code);
  return { items: (await q.selectActivitiesIn(db, codes, 200)).map(presentActivity), totals: await q.activityTotals(db, codes) };
}

/** `communication_activities` (one per activity), `communication_reach` (people reached), `communication:<kind>`. */
export const COMMUNICATION_PREFIX = 'communication:';
export const COMMUNICATION_SOURCES = { exact: ['communication_activities', 'communication_reach'], prefixes: [COMMUNICATION_PREFIX] };

function addActivityCounts(deltas: RollupDeltas, c: { unitCode: string; provinceCode: string; day: string; kind: string; n: number; reach: number }): void {
  deltas.add('communication_activities', c.unitCode, c.provinceCode, c.day, c.n);
  deltas.add('communication_reach', c.unitCode, c.provinceCode, c.day, c.reach);
  deltas.add(`${COMMUNICATION_PREFIX}${c.kind}`, c.unitCode, c.provinceCode, c.day, c.n);
}

export async function recountCommunicationRollups(trx: Database): Promise<RollupDelta[]> {
  const deltas = new RollupDeltas();
  for (const r of await q.countActivities(trx)) addActivityCounts(deltas, { unitCode: r.unit_code, provinceCode: r.province_code, day: r.day, kind: r.kind, n: r.n, reach: r.reach });
  return deltas.rows();
}
