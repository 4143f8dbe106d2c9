import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.js';
import type { RowError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { importInvalid } from '../../lib/csv.js';
import { fastUuidV7 } from '../../lib/fast-uuid.js';
import { keyedHash } from '../../lib/hashes.js';
import { recordAudit } from '../audit-log/audit-log.service.js';
import { enrol, findCourseByCode, recordCourseCompletion, type Course } from '../learning/enrolments.service.js';
import { recordMilestones, type MilestoneFact } from '../people/milestones.service.js';
import { ChangeFeedLocks, lockForChange, residentsByNationalIdHash, type ResidentHolder } from '../people/people.service.js';
import { addToRollups, holdRollupsForWrite, RollupDeltas } from '../rollups/rollups.service.js';
import { ScopeCache } from '../units/units.public.js';
import { getUnit } from '../units/units.service.js';
import * as q from './learning-imports.queries.js';
import { createImportedResidents } from './new-residents.js';
import type { NationalRow } from './national-csv.js';

/** The milestone a registration on the national platform gives. */
const PLATFORM_MILESTONE = 'learning_platform';
const SOURCE = 'national_platform';

export interface NotPlaced {
  row: number;
  reason: 'RESIDENT_UNMATCHED' | 'PHONE_UNMATCHED' | 'NEW_RESIDENT_NEEDS_VILLAGE';
}

export interface ImportReport {
  rows: number;
  enrolments: number;
  completions: number;
  milestones: number;
  /** Residents created for numbers that matched no one (only when asked). */
  residentsCreated: number;
  /** Rows an earlier import (or an earlier row of this file) applied already. */
  unchanged: number;
  notPlaced: NotPlaced[];
  /** True for a preview: nothing was kept. */
  preview: boolean;
}

export interface ImportOptions {
  /** Show what the import would do, keeping nothing. */
  preview?: boolean;
  /** Create a resident (a one-person household in the row's village) for an ID number that matches no one. */
  createResidents?: boolean;
}

class PreviewDone extends Error {
  constructor(readonly report: ImportReport) {
    super('preview');
  }
}

interface Checked {
  row: NationalRow;
  course: Course;
  provinceCode: string;
}

/** Units in scope and known courses, row by row; one faulty row refuses the file, listing every fault. */
async function checkRows(db: Database, scope: ScopeCache, rows: readonly NationalRow[]): Promise<Checked[]> {
  const provinces = new Map<string, Promise<string | null>>();
  const courses = new Map<string, Promise<Course | null>>();
  const errors: RowError[] = [];
  const checked: Checked[] = [];
  for (const row of rows) {
    let province = provinces.get(row.unitCode);
    if (!province) {
      provinces.set(row.unitCode, (province = (async () => ((await scope.includes(row.unitCode))
        ? (await getUnit(db, row.unitCode).catch(() => null))?.provinceCode ?? null : null))()));
    }
    const provinceCode = await province;
    if (!provinceCode) {
      errors.push({ row: row.line, field: 'ma_don_vi', reason: 'UNKNOWN_UNIT', params: { code: row.unitCode.slice(0, 20) } });
      continue;
    }
    const key = `${provinceCode}/${row.course}`;
    let course = courses.get(key);
    if (!course) courses.set(key, (course = findCourseByCode(db, provinceCode, row.course)));
    const found = await course;
    if (!found) {
      errors.push({ row: row.line, field: 'khoa_hoc', reason: 'UNKNOWN_COURSE', params: { value: row.course.slice(0, 60) } });
      continue;
    }
    checked.push({ row, course: found, provinceCode });
  }
  if (errors.length > 0) throw importInvalid(errors);
  return checked;
}

const fingerprintOf = (residentId: string, courseId: string, status: string, day: string) =>
  createHash('sha256').update(`${residentId}|${courseId}|${status}|${day}`).digest('hex');

/**
 * Applies a national-platform export in the caller's transaction: enrolments and completions on
 * the residents matched through the keyed hash of their ID number (the number itself is never
 * kept), the "registered on the learning platform" milestone, and a list of the rows that match
 * no one. Rows applied before change nothing, so importing the same file again changes nothing.
 */
export async function importNationalRows(
  trx: Database, viewer: Viewer | null, rows: readonly NationalRow[], secretKey: string, options: ImportOptions = {},
): Promise<ImportReport> {
  const run = async (tx: Database): Promise<ImportReport> => {
    const scope = new ScopeCache(tx, viewer);
    const checked = await checkRows(tx, scope, rows);
    await holdRollupsForWrite(tx);
    const feed = new ChangeFeedLocks(tx);
    const rollups = new RollupDeltas();
    const notPlaced: NotPlaced[] = [];
    const byProvince = new Map<string, Checked[]>();
    for (const c of checked) {
      if (c.row.identity.kind === 'phone') notPlaced.push({ row: c.row.line, reason: 'PHONE_UNMATCHED' });
      else byProvince.set(c.provinceCode, [...(byProvince.get(c.provinceCode) ?? []), c]);
    }
    const matched: { c: Checked; hash: string; resident: ResidentHolder | undefined }[] = [];
    for (const [provinceCode, list] of byProvince) {
      const hashes = list.map((c) => keyedHash(secretKey, 'national-id', c.row.identity.value));
      const found = await residentsByNationalIdHash(tx, provinceCode, hashes);
      list.forEach((c, i) => matched.push({ c, hash: hashes[i]!, resident: found.get(hashes[i]!) }));
    }
    const unmatched = matched.filter((m) => !m.resident);
    let residentsCreated = 0;
    if (options.createResidents && unmatched.length > 0) {
      const made = await createImportedResidents(tx, viewer, unmatched.map((m) => ({
        line: m.c.row.line, hash: m.hash, nationalId: m.c.row.identity.value, name: m.c.row.name, unitCode: m.c.row.unitCode,
      })), { secretKey, scope, feed, rollups });
      for (const m of unmatched) m.resident = made.created.get(m.hash);
      residentsCreated = made.created.size;
      for (const line of made.notVillage) notPlaced.push({ row: line, reason: 'NEW_RESIDENT_NEEDS_VILLAGE' });
    }
    const reported = new Set(notPlaced.map((n) => n.row));
    const placed: { c: Checked; resident: ResidentHolder; fingerprint: string }[] = [];
    for (const { c, resident } of matched) {
      if (resident) placed.push({ c, resident, fingerprint: fingerprintOf(resident.id, c.course.id, c.row.status, c.row.day) });
      else if (!reported.has(c.row.line)) notPlaced.push({ row: c.row.line, reason: 'RESIDENT_UNMATCHED' });
    }
    const applied = await q.selectAppliedFingerprints(tx, placed.map((p) => p.fingerprint));
    const fresh = placed.filter((p) => !applied.has(p.fingerprint) && (applied.add(p.fingerprint), true));
    await lockForChange(tx, [], fresh.map((p) => p.resident.id));
    let enrolments = 0;
    let completions = 0;
    const firstDay = new Map<string, { resident: ResidentHolder; day: string }>();
    for (const { c, resident } of fresh) {
      const who = { residentId: resident.id, courseId: c.course.id, unitCode: resident.villageCode, provinceCode: resident.provinceCode, source: SOURCE };
      if (c.row.status === 'completed') {
        if ((await recordCourseCompletion(tx, { ...who, completedOn: c.row.day })).created) completions += 1;
      } else if ((await enrol(tx, { ...who, enrolledOn: c.row.day })).created) enrolments += 1;
      const earlier = firstDay.get(resident.id);
      if (!earlier || c.row.day < earlier.day) firstDay.set(resident.id, { resident, day: c.row.day });
    }
    const facts: MilestoneFact[] = [...firstDay.values()].map(({ resident, day }) => ({
      id: fastUuidV7(), residentId: resident.id, kind: PLATFORM_MILESTONE, achievedOn: day, source: SOURCE, visitId: null,
      villageCode: resident.villageCode, provinceCode: resident.provinceCode,
    }));
    await recordMilestones(tx, facts, viewer?.id ?? null, feed, rollups);
    await addToRollups(tx, rollups.rows());
    await q.insertFingerprints(tx, fresh.map((p) => p.fingerprint));
    const report: ImportReport = {
      rows: rows.length, enrolments, completions, milestones: facts.length, residentsCreated, unchanged: placed.length - fresh.length,
      notPlaced: notPlaced.sort((a, b) => a.row - b.row), preview: options.preview ?? false,
    };
    if (viewer && !options.preview) {
      await recordAudit(tx, { actorUserId: viewer.id, action: 'learning.import', unitCode: viewer.scopeUnitCode, subject: null, detail: { rows: rows.length, placed: fresh.length, residentsCreated } });
    }
    if (options.preview) throw new PreviewDone(report);
    return report;
  };
  try {
    // A preview runs the whole import in a transaction of its own and rolls it back: it shows exactly what applying would do.
    return trx.isTransaction ? await run(trx) : await trx.transaction().execute(run);
  } catch (error) {
    if (error instanceof PreviewDone) return error.report;
    throw error;
  }
}
