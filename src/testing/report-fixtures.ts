import type { Database } from '../db/database.js';
import { addToRollups } from '../modules/rollups/rollups.service.js';
import { installPlan } from '../modules/targets/indicators/indicators.service.js';
import { DAKLAK_2025_PLAN } from '../modules/targets/indicators/daklak-2025-plan.js';
import { putCommittee } from '../modules/teams/committees.service.js';
import { addMember, createTeam } from '../modules/teams/teams.service.js';
import { upsertStatistics } from '../modules/units/units.queries.js';
import { createSmallProvince } from './unit-fixtures.js';

/** Villages of the small test province, each with 100 adults. */
export const VILLAGES = ['6600101', '6600102', '6600201', '6600202', '6600301', '6600302'];

/**
 * A small province with figures for report tests (the same as the progress tests'): on
 * 2025-09-01 commune 66001 has 30% of adults confirmed, 66002 15%, 66003 none; 66001 has a
 * steering committee and one village team with two named members (who must never appear in
 * a public answer).
 */
export async function seedReportProvince(db: Database): Promise<void> {
  await createSmallProvince(db);
  await upsertStatistics(db, VILLAGES.map((code) => ({ unit_code: code, kind: 'adults', as_of: '2025-07-01', value: 100, province_code: '66' })));
  await installPlan(db, DAKLAK_2025_PLAN, '66');
  const milestone = (unitCode: string, day: string, delta: number) => ({ source: 'milestone:skills_confirmed', unitCode, day, provinceCode: '66', delta });
  await addToRollups(db, [milestone('6600101', '2025-08-01', 30), milestone('6600102', '2025-08-20', 30), milestone('6600201', '2025-08-20', 30)]);
  await addToRollups(db, [{ source: 'milestone:digital_signature', unitCode: '6600301', day: '2025-08-10', provinceCode: '66', delta: 12 }]);
  await putCommittee(db, null, '66001', { decisionNumber: '12/QĐ-UBND', decisionDate: '2025-07-10', members: [{ fullName: 'Chủ tịch Ngô Văn Bảy', position: 'Chủ tịch UBND', committeeRole: 'chair' }] });
  const team = await createTeam(db, null, { unitCode: '6600101', name: 'Tổ CNSCĐ thôn 1', establishedOn: '2025-07-15' });
  await addMember(db, null, team.id, { fullName: 'Y Bih Niê', affiliation: 'youth_union', role: 'leader', joinedOn: '2025-07-15' });
  await addMember(db, null, team.id, { fullName: 'H Nhung Êban', affiliation: 'teacher', role: 'member', joinedOn: '2025-07-15' });
}

/** Names seeded above that are personal data: none may leave through a public route. */
export const PERSONAL_NAMES = ['Ngô Văn Bảy', 'Y Bih Niê', 'H Nhung Êban'];
