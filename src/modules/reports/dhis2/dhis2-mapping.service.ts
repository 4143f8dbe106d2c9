import type { Database } from '../../../db/database.js';
import { AppError, type RowReason } from '../../../errors.js';
import type { Viewer } from '../../../http/access.js';
import type { Language } from '../../../i18n/index.js';
import { readCsv, RowErrors } from '../../../lib/csv.js';
import { recordAudit } from '../../audit-log/audit-log.service.js';
import { listIndicators } from '../../targets/indicators/indicators.service.js';
import { getUnitsAt, isWithinScope, listAllChildren, provinceCodeOf, subtreeCodes } from '../../units/units.service.js';
import * as q from './dhis2-mapping.queries.js';

/** DHIS2's own identifiers: 11 characters, a letter first, then letters and digits. */
export const DHIS2_UID = /^[A-Za-z][A-Za-z0-9]{10}$/;
/** Lines one mapping file holds at most: every village of a large province fits. */
export const MAPPING_IMPORT_CAP = 20_000;
export const MAPPING_COLUMNS = ['kind', 'code', 'uid', 'category_option_combo'] as const;

interface Stamp { updatedAt: string | null; updatedBy: string | null }
export interface IndicatorMapping extends Stamp { code: string; name: string; dataElement: string | null; categoryOptionCombo: string | null }
export interface UnitMapping extends Stamp { code: string; name: string; orgUnit: string | null }
export interface Dhis2Mapping { provinceCode: string; indicators: IndicatorMapping[]; units: UnitMapping[] }

/** The UIDs the export writes in place of codes; absent codes have none. */
export interface Dhis2Identifiers {
  dataElements: Map<string, { uid: string; categoryOptionCombo: string | null }>;
  orgUnits: Map<string, string>;
}

/**
 * The province whose mapping a viewer reads or changes: their own, or for the administrator the
 * one asked. A province is one DHIS2 instance; communes and villages are lines within it.
 */
export async function mappingProvince(db: Database, viewer: Viewer, asked: string | undefined): Promise<string> {
  const own = viewer.scopeUnitCode === null ? null : await provinceCodeOf(db, viewer.scopeUnitCode);
  const province = own ?? asked;
  if (province === undefined) throw new AppError('VALIDATION_FAILED', 'Name the province', 'province');
  if (asked !== undefined && asked !== province) throw new AppError('UNIT_NOT_FOUND', `No province ${asked} in scope`, 'province');
  if ((await provinceCodeOf(db, province)) !== province) throw new AppError('UNIT_NOT_FOUND', `No province ${province}`, 'province');
  return province;
}

/** Every indicator of the province, mapped or not; the province, its communes and every mapped unit. */
export async function getMapping(db: Database, viewer: Viewer, asked: string | undefined, lang: Language): Promise<Dhis2Mapping> {
  const provinceCode = await mappingProvince(db, viewer, asked);
  const [rows, indicators, communes] = await Promise.all([
    q.selectMapping(db, provinceCode), listIndicators(db, lang, false, provinceCode), listAllChildren(db, provinceCode),
  ]);
  const stamp = (row: q.Dhis2MappingRow | undefined): Stamp => ({ updatedAt: row?.updated_at.toISOString() ?? null, updatedBy: row?.updated_by_username ?? null });
  // A province maps thousands of villages: look lines and names up by key, not by scanning.
  const lines = new Map(rows.map((r) => [`${r.kind}:${r.code}`, r]));
  const line = (kind: 'indicator' | 'unit', code: string) => lines.get(`${kind}:${code}`);
  const unitCodes = [...new Set([provinceCode, ...communes.map((c) => c.code), ...rows.filter((r) => r.kind === 'unit').map((r) => r.code)])];
  const names = new Map((await getUnitsAt(db, unitCodes)).map((u) => [u.code, u.name]));
  return {
    provinceCode,
    indicators: indicators.map((indicator) => {
      const row = line('indicator', indicator.code);
      return { code: indicator.code, name: indicator.name, dataElement: row?.uid ?? null, categoryOptionCombo: row?.category_option_combo ?? null, ...stamp(row) };
    }),
    units: unitCodes.map((code) => {
      const row = line('unit', code);
      return { code, name: names.get(code) ?? code, orgUnit: row?.uid ?? null, ...stamp(row) };
    }),
  };
}

/** The identifiers the export of a province uses. */
export async function dhis2Identifiers(db: Database, provinceCode: string): Promise<Dhis2Identifiers> {
  const rows = await q.selectMapping(db, provinceCode);
  return {
    dataElements: new Map(rows.filter((r) => r.kind === 'indicator').map((r) => [r.code, { uid: r.uid, categoryOptionCombo: r.category_option_combo }])),
    orgUnits: new Map(rows.filter((r) => r.kind === 'unit').map((r) => [r.code, r.uid])),
  };
}

interface LineInput { kind: 'indicator' | 'unit'; code: string; uid: string; categoryOptionCombo?: string | null }

interface Known { indicators: Set<string>; unitInProvince: (code: string) => Promise<boolean> }

/** Why a line cannot be stored, as [field, reason]; undefined when it can. */
async function lineProblem(known: Known, line: LineInput): Promise<[string, RowReason] | undefined> {
  if (!DHIS2_UID.test(line.uid)) return ['uid', 'DHIS2_UID_INVALID'];
  if (line.kind === 'indicator') {
    if (!known.indicators.has(line.code)) return ['code', 'UNKNOWN_INDICATOR'];
    if (line.categoryOptionCombo && !DHIS2_UID.test(line.categoryOptionCombo)) return ['category_option_combo', 'DHIS2_UID_INVALID'];
    return undefined;
  }
  if (line.categoryOptionCombo) return ['category_option_combo', 'BAD_VALUE'];
  if (!(await known.unitInProvince(line.code))) return ['code', 'UNKNOWN_UNIT'];
  return undefined;
}

const toRow = (line: LineInput): q.Dhis2MappingLine => ({
  kind: line.kind, code: line.code, uid: line.uid, category_option_combo: line.kind === 'indicator' ? (line.categoryOptionCombo || null) : null,
});

/** Sets one line from the screen; the refusal names the field of the form. */
export async function setMappingLine(db: Database, viewer: Viewer, asked: string | undefined, line: LineInput): Promise<void> {
  const provinceCode = await mappingProvince(db, viewer, asked);
  const indicators = new Set((await listIndicators(db, 'vi', true, provinceCode)).map((i) => i.code));
  const problem = await lineProblem({ indicators, unitInProvince: (code) => isWithinScope(db, provinceCode, code) }, line);
  if (problem) {
    const [field, reason] = problem;
    const code = reason === 'UNKNOWN_UNIT' ? 'UNIT_NOT_FOUND' : reason === 'UNKNOWN_INDICATOR' ? 'NOT_FOUND' : 'VALIDATION_FAILED';
    throw new AppError(code, `${line.kind} ${line.code}: ${reason}`, field === 'category_option_combo' ? 'categoryOptionCombo' : field);
  }
  await db.transaction().execute(async (trx) => {
    await q.upsertMappingLines(trx, provinceCode, [toRow(line)], viewer.id);
    await recordAudit(trx, { actorUserId: viewer.id, action: 'dhis2.mapping.set', unitCode: provinceCode, subject: `${line.kind}:${line.code}`, detail: { uid: line.uid } });
  }).catch(rethrowTakenOrgUnit);
}

export async function removeMappingLine(db: Database, viewer: Viewer, asked: string | undefined, kind: 'indicator' | 'unit', code: string): Promise<void> {
  const provinceCode = await mappingProvince(db, viewer, asked);
  await db.transaction().execute(async (trx) => {
    if (!(await q.deleteMappingLine(trx, provinceCode, kind, code))) throw new AppError('NOT_FOUND', `No DHIS2 line for ${kind} ${code}`, 'code');
    await recordAudit(trx, { actorUserId: viewer.id, action: 'dhis2.mapping.remove', unitCode: provinceCode, subject: `${kind}:${code}` });
  });
}

function rethrowTakenOrgUnit(error: unknown): never {
  if ((error as { code?: string }).code === '23505') throw new AppError('VALIDATION_FAILED', 'Another unit has this organisation unit', 'uid');
  throw error;
}

/**
 * A mapping file (kind, code, uid, category_option_combo) applied all or nothing: every line is
 * checked, and one error anywhere writes nothing and lists every line at fault. Lines not in the
 * file stay as they are. Answers the number of lines written.
 */
export async function importMapping(db: Database, viewer: Viewer, asked: string | undefined, file: Buffer): Promise<{ lines: number }> {
  const provinceCode = await mappingProvince(db, viewer, asked);
  const { rows } = readCsv(file, ['kind', 'code', 'uid']);
  const errors = new RowErrors();
  if (rows.length > MAPPING_IMPORT_CAP) {
    errors.add(MAPPING_IMPORT_CAP + 2, 'file', 'TOO_MANY_ROWS', { max: MAPPING_IMPORT_CAP });
    errors.throwIfAny();
  }
  const units = new Set(await subtreeCodes(db, provinceCode));
  const known: Known = {
    indicators: new Set((await listIndicators(db, 'vi', true, provinceCode)).map((i) => i.code)),
    unitInProvince: async (code) => units.has(code),
  };
  const existingOrgUnits = new Map((await q.selectMapping(db, provinceCode)).filter((r) => r.kind === 'unit').map((r) => [r.uid, r.code]));
  const seen = new Map<string, number>();
  const orgUnitLines = new Map<string, { line: number; code: string }>();
  const lines: LineInput[] = [];
  for (const row of rows) {
    const kind = errors.required(row, 'kind');
    const code = errors.required(row, 'code');
    const uid = errors.required(row, 'uid');
    if (kind === undefined || code === undefined || uid === undefined) continue;
    if (kind !== 'indicator' && kind !== 'unit') {
      errors.add(row.line, 'kind', 'BAD_VALUE', { column: 'kind', value: kind });
      continue;
    }
    const key = `${kind}:${code}`;
    if (seen.has(key)) errors.add(row.line, 'code', 'DUPLICATE_CODE', { code, other: seen.get(key)! });
    seen.set(key, row.line);
    const line: LineInput = { kind, code, uid, categoryOptionCombo: row.values.category_option_combo || null };
    const problem = await lineProblem(known, line);
    if (problem) {
      const [field, reason] = problem;
      errors.add(row.line, field, reason, { code, column: field, value: field === 'uid' ? uid : (line.categoryOptionCombo ?? '') });
      continue;
    }
    if (kind === 'unit') {
      const other = orgUnitLines.get(uid);
      const holder = existingOrgUnits.get(uid);
      if (other) errors.add(row.line, 'uid', 'DHIS2_UID_TAKEN', { uid, code: other.code });
      else if (holder !== undefined && holder !== code && !rows.some((r) => r.values.kind === 'unit' && r.values.code === holder)) {
        errors.add(row.line, 'uid', 'DHIS2_UID_TAKEN', { uid, code: holder });
      }
      orgUnitLines.set(uid, { line: row.line, code });
    }
    lines.push(line);
  }
  errors.throwIfAny();
  await db.transaction().execute(async (trx) => {
    await q.upsertMappingLines(trx, provinceCode, lines.map(toRow), viewer.id);
    await recordAudit(trx, { actorUserId: viewer.id, action: 'dhis2.mapping.import', unitCode: provinceCode, subject: null, detail: { lines: lines.length } });
  }).catch(rethrowTakenOrgUnit);
  return { lines: lines.length };
}
