import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Database } from '../../db/database.js';
import type { UnitTier } from '../../db/types.js';
import type { Viewer } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { readCsv, RowErrors } from '../../lib/csv.js';
import { installationRoot } from '../../lib/installation-root.js';
import { recordAudit } from '../audit-log/audit-log.service.js';
import { isDay } from '../../lib/vietnam-day.js';
import { renameUnit } from './unit-operations.js';
import { normaliseOfficialCode, tierOf } from './unit-types.js';
import * as q from './units.queries.js';
import { subtreeCodes } from './units.service.js';

/**
 * The official list in force from 1 July 2025 (34 provinces, 3,321 commune-level units), shipped
 * in reference/ from the National Statistics Office's catalogue, so a fresh install and the tests
 * need nothing beside the repository. `doorstep import-units` loads it when no file is named.
 */
export const OFFICIAL_UNIT_LIST = pathToFileURL(path.join(installationRoot(), 'reference', 'vn-admin-units-2025.csv'));

/**
 * Imports of the unit tree and its statistics. Each file is checked whole first; one bad row
 * rejects the file with every row's reason and nothing is written. Callers run them inside a
 * transaction. Re-importing the same file changes nothing.
 */

export interface ImportSummary {
  created: number;
  renamed: number;
  unchanged: number;
}

/** The codes a viewer may write to, or null for "everything" (administrator, command line). */
async function writableCodes(db: Database, viewer: Viewer | null): Promise<Set<string> | null> {
  if (!viewer || viewer.scopeUnitCode === null) return null;
  return new Set(await subtreeCodes(db, viewer.scopeUnitCode));
}

interface PlannedUnit {
  line: number;
  code: string;
  name: string;
  type: string;
  tier: UnitTier;
  parentCode: string | null;
}

/**
 * Compares the planned units with what the database holds on `day` and writes the difference:
 * new units are inserted, renamed ones get a new version, identical ones are left alone.
 */
async function applyPlan(db: Database, viewer: Viewer | null, plan: PlannedUnit[], day: string, errors: RowErrors, actorId: string | null, kind: string): Promise<ImportSummary> {
  const known = await q.existingCodes(db, plan.map((p) => p.code));
  const current = new Map((await q.findUnitsAt(db, [...known.keys()], day)).map((row) => [row.code, row]));
  const fresh: PlannedUnit[] = [];
  const renames: PlannedUnit[] = [];
  for (const unit of plan) {
    const existing = known.get(unit.code);
    if (!existing) { fresh.push(unit); continue; }
    const row = current.get(unit.code);
    if (existing.tier !== unit.tier) errors.add(unit.line, 'code', 'CODE_CONFLICT', { code: unit.code });
    else if (!row) errors.add(unit.line, 'code', 'UNIT_ENDED', { code: unit.code });
    else if (row.parent_code !== unit.parentCode) errors.add(unit.line, 'code', 'PARENT_CONFLICT', { code: unit.code, parent: row.parent_code ?? '-' });
    else if (row.name !== unit.name || row.type !== unit.type) renames.push(unit);
  }
  errors.throwIfAny();

  const provinceOf = new Map<string, string>();
  for (const unit of plan) if (unit.tier === 'province') provinceOf.set(unit.code, unit.code);
  const parents = [...new Set(fresh.map((u) => u.parentCode).filter((c): c is string => c !== null && !provinceOf.has(c)))];
  for (const row of await q.findUnitsAt(db, parents, day)) provinceOf.set(row.code, row.province_code);

  await q.insertUnits(db, fresh.map((u) => ({
    code: u.code, tier: u.tier, valid_from: day,
    province_code: u.parentCode === null ? u.code : provinceOf.get(u.parentCode)!,
  })));
  await q.insertVersions(db, fresh.map((u) => ({ code: u.code, valid_from: day, name: u.name, type: u.type, parent_code: u.parentCode })));
  for (const unit of renames) await renameUnit(db, viewer, unit.code, { name: unit.name, type: unit.type, effectiveDate: day }, actorId);
  const summary = { created: fresh.length, renamed: renames.length, unchanged: plan.length - fresh.length - renames.length };
  await q.insertOperation(db, { kind: 'import', effective_date: day, unit_codes: [], detail: { file: kind, ...summary }, actor_user_id: actorId });
  return summary;
}

const OFFICIAL_COLUMNS = ['province_code', 'province_name', 'province_type', 'unit_code', 'unit_name', 'unit_type'] as const;

/** The national list of provinces and commune-level units (the statistics office catalogue). */
export async function importOfficialList(db: Database, viewer: Viewer | null, file: Buffer | string, day: string, actorId: string | null): Promise<ImportSummary> {
  const { rows } = readCsv(file, OFFICIAL_COLUMNS);
  const errors = new RowErrors();
  const writable = await writableCodes(db, viewer);
  const provinces = new Map<string, PlannedUnit>();
  const units = new Map<string, PlannedUnit>();
  for (const row of rows) {
    const values = Object.fromEntries(OFFICIAL_COLUMNS.map((c) => [c, errors.required(row, c)]));
    if (Object.values(values).some((v) => v === undefined)) continue;
    const provinceCode = normaliseOfficialCode(values.province_code!, 'province');
    const unitCode = normaliseOfficialCode(values.unit_code!, 'commune');
    const provinceType = values.province_type!.toLowerCase();
    const unitType = values.unit_type!.toLowerCase();
    if (!provinceCode) errors.add(row.line, 'province_code', 'BAD_VALUE', { column: 'province_code', value: values.province_code! });
    if (!unitCode) errors.add(row.line, 'unit_code', 'BAD_VALUE', { column: 'unit_code', value: values.unit_code! });
    if (tierOf(provinceType) !== 'province') errors.add(row.line, 'province_type', 'UNKNOWN_TYPE', { value: values.province_type! });
    if (tierOf(unitType) !== 'commune') errors.add(row.line, 'unit_type', 'UNKNOWN_TYPE', { value: values.unit_type! });
    if (!provinceCode || !unitCode) continue;

    const province = provinces.get(provinceCode);
    if (!province) {
      provinces.set(provinceCode, { line: row.line, code: provinceCode, name: values.province_name!, type: provinceType, tier: 'province', parentCode: null });
    } else if (province.name !== values.province_name) {
      errors.add(row.line, 'province_name', 'BAD_VALUE', { column: 'province_name', value: values.province_name! });
    }
    const twin = units.get(unitCode);
    if (twin) errors.add(row.line, 'unit_code', 'DUPLICATE_CODE', { code: unitCode, other: twin.line });
    else units.set(unitCode, { line: row.line, code: unitCode, name: values.unit_name!, type: unitType, tier: 'commune', parentCode: provinceCode });
    if (writable && !writable.has(provinceCode)) errors.add(row.line, 'province_code', 'OUT_OF_SCOPE', { code: provinceCode });
  }
  errors.throwIfAny();
  return applyPlan(db, viewer, [...provinces.values(), ...units.values()], day, errors, actorId, 'official-list');
}

const VILLAGE_COLUMNS = ['commune_code', 'village_code', 'name', 'type'] as const;
const VILLAGE_CODE = /^[A-Za-z0-9._-]{1,32}$/;

/** Village-level groups of a commune (thôn, buôn, tổ dân phố…), as a commune sends them. */
export async function importVillages(db: Database, viewer: Viewer | null, file: Buffer | string, day: string, actorId: string | null): Promise<ImportSummary> {
  const { rows } = readCsv(file, VILLAGE_COLUMNS);
  const errors = new RowErrors();
  const writable = await writableCodes(db, viewer);
  const plan = new Map<string, PlannedUnit>();
  const parentsOf = new Map<string, string>();
  for (const row of rows) {
    const values = Object.fromEntries(VILLAGE_COLUMNS.map((c) => [c, errors.required(row, c)]));
    if (Object.values(values).some((v) => v === undefined)) continue;
    const parentRaw = values.commune_code!;
    parentsOf.set(parentRaw, normaliseOfficialCode(parentRaw, 'commune') ?? parentRaw);
    const code = values.village_code!;
    const type = values.type!.toLowerCase();
    if (!VILLAGE_CODE.test(code)) errors.add(row.line, 'village_code', 'BAD_VALUE', { column: 'village_code', value: code });
    if (tierOf(type) !== 'village') errors.add(row.line, 'type', 'UNKNOWN_TYPE', { value: values.type! });
    const twin = plan.get(code);
    if (twin) errors.add(row.line, 'village_code', 'DUPLICATE_CODE', { code, other: twin.line });
    else plan.set(code, { line: row.line, code, name: values.name!, type, tier: 'village', parentCode: parentRaw });
  }
  // Parents may be written unpadded ("22015" or "2215"); either form must name a unit in force.
  const parentRows = new Map((await q.findUnitsAt(db, [...new Set([...parentsOf.keys(), ...parentsOf.values()])], day)).map((r) => [r.code, r]));
  for (const unit of plan.values()) {
    const raw = unit.parentCode!;
    const parent = parentRows.get(raw) ?? parentRows.get(parentsOf.get(raw)!);
    if (!parent || parent.tier === 'province') errors.add(unit.line, 'commune_code', 'UNKNOWN_PARENT', { code: raw });
    else if (writable && !writable.has(parent.code)) errors.add(unit.line, 'commune_code', 'OUT_OF_SCOPE', { code: raw });
    else unit.parentCode = parent.code;
  }
  errors.throwIfAny();
  return applyPlan(db, viewer, [...plan.values()], day, errors, actorId, 'villages');
}

/** Who may set denominators: the province (or an administrator, or the command line), never the unit measured. */
function canSetStatistics(viewer: Viewer | null): boolean {
  return viewer === null || viewer.role === 'admin' || viewer.role === 'province_officer';
}

/**
 * Statistics per unit and day, one column per statistic kind; an empty cell leaves that figure
 * alone. A commune officer is refused: a commune that sets its own adults to 1 shows 200% on the
 * public page. Each value keeps who set it, and the import leaves one audit entry.
 */
export async function importStatistics(db: Database, viewer: Viewer | null, file: Buffer | string): Promise<{ values: number }> {
  if (!canSetStatistics(viewer)) throw new AppError('STATISTICS_BY_PROVINCE', `A ${viewer!.role} cannot set unit statistics`, 'file');
  const kinds = await q.statisticKindCodes(db);
  const { columns, rows } = readCsv(file, ['unit_code', 'as_of']);
  const errors = new RowErrors();
  const valueColumns = columns.filter((c) => c !== 'unit_code' && c !== 'as_of');
  for (const column of valueColumns) if (!kinds.includes(column)) errors.add(1, column, 'BAD_VALUE', { column, value: column });
  if (valueColumns.length === 0) errors.add(1, 'file', 'MISSING_COLUMN', { column: kinds.join('|') });
  errors.throwIfAny();

  const writable = await writableCodes(db, viewer);
  const rawCodes = [...new Set(rows.map((r) => r.values.unit_code ?? ''))];
  const candidates = rawCodes.flatMap((c) => [c, normaliseOfficialCode(c, 'commune') ?? c]);
  const known = await q.existingCodes(db, candidates);
  const seen = new Map<string, number>();
  const values: { unit_code: string; kind: string; as_of: string; value: number; province_code: string; recorded_by: string | null }[] = [];
  for (const row of rows) {
    const raw = errors.required(row, 'unit_code');
    const asOf = errors.required(row, 'as_of');
    if (raw === undefined || asOf === undefined) continue;
    const code = known.has(raw) ? raw : normaliseOfficialCode(raw, 'commune');
    const unit = code ? known.get(code) : undefined;
    if (!code || !unit) { errors.add(row.line, 'unit_code', 'UNKNOWN_UNIT', { code: raw }); continue; }
    if (writable && !writable.has(code)) { errors.add(row.line, 'unit_code', 'OUT_OF_SCOPE', { code: raw }); continue; }
    if (!isDay(asOf)) { errors.add(row.line, 'as_of', 'BAD_VALUE', { column: 'as_of', value: asOf }); continue; }
    const key = `${code}|${asOf}`;
    if (seen.has(key)) { errors.add(row.line, 'unit_code', 'DUPLICATE_CODE', { code: raw, other: seen.get(key)! }); continue; }
    seen.set(key, row.line);
    for (const kind of valueColumns) {
      const cell = row.values[kind] ?? '';
      if (cell === '') continue;
      if (!/^\d{1,12}$/.test(cell)) { errors.add(row.line, kind, 'BAD_VALUE', { column: kind, value: cell }); continue; }
      values.push({ unit_code: code, kind, as_of: asOf, value: Number(cell), province_code: unit.province_code, recorded_by: viewer?.id ?? null });
    }
  }
  errors.throwIfAny();
  await q.upsertStatistics(db, values);
  if (viewer) {
    const units = new Set(values.map((v) => v.unit_code));
    await recordAudit(db, {
      actorUserId: viewer.id, action: 'units.statistics.import', unitCode: viewer.scopeUnitCode,
      subject: units.size === 1 ? [...units][0]! : null, detail: { values: values.length, units: units.size },
    });
  }
  return { values: values.length };
}
