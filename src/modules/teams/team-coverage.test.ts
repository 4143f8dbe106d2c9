import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database.js';
import { openTestDatabase } from '../../testing/test-database.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { mergeUnits } from '../units/unit-operations.js';
import { createUnit } from '../units/units.service.js';
import { putCommittee } from './committees.service.js';
import { teamCoverage, teamPresence } from './team-coverage.js';
import { addMember, createTeam, endMember } from './teams.service.js';

let handle: DatabaseHandle;

/**
 * Province 66: communes 66001–66003 with villages <commune>01 and <commune>02, plus a residential
 * group nested in village 6600101. Villages 6600301 and 6600302 merge into 6600302 on 1 Oct.
 */
beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  await createSmallProvince(db);
  await createUnit(db, { code: '6600101A', name: 'Tổ dân phố 1A', type: 'tổ dân phố', parentCode: '6600101', validFrom: '2025-07-01' }, null);

  const committee = { decisionNumber: '01/QĐ-UBND', members: [{ fullName: 'Chủ Tịch', position: 'Chủ tịch UBND', committeeRole: 'chair' as const }] };
  await putCommittee(db, null, '66001', { ...committee, decisionDate: '2025-07-05' });
  await putCommittee(db, null, '66002', { ...committee, decisionDate: '2025-08-20' });

  const team = async (unitCode: string, members: number, establishedOn = '2025-07-15') => {
    const { id } = await createTeam(db, null, { unitCode, name: `Tổ ${unitCode}`, establishedOn });
    const ids: string[] = [];
    for (let i = 0; i < members; i += 1) {
      ids.push((await addMember(db, null, id, { fullName: `Người ${i}`, affiliation: 'resident', role: i === 0 ? 'leader' : 'member', joinedOn: establishedOn })).id);
    }
    return { id, ids };
  };
  await team('6600101', 5);
  await team('6600101A', 2, '2025-08-01');
  await team('66001', 3);
  const empty = await team('6600102', 1);
  await endMember(db, null, empty.id, empty.ids[0]!, '2025-08-10');
  await team('6600201', 4, '2025-09-01');
  await team('6600301', 2);
  await mergeUnits(db, null, { sources: ['6600301', '6600302'], into: { code: '6600302' }, effectiveDate: '2025-10-01' }, null);
});
afterAll(() => handle.close());

describe('teamCoverage', () => {
  it('counts committees, villages with an active team and members for the province on a day', async () => {
    expect(await teamCoverage(handle.db, '66', '2025-08-15')).toEqual({
      unitCode: '66', day: '2025-08-15',
      totalCommunes: 3, unitsWithCommittee: 1,
      // 6600101, its nested 6600101A (which has a team of its own), 6600102, 6600201, 6600202, 6600301, 6600302.
      totalVillages: 7,
      // 6600102's only member left on 10 Aug; 6600201's team starts on 1 Sep.
      villagesWithActiveTeam: 3,
      activeMembers: 5 + 2 + 3 + 2,
    });
    expect(await teamCoverage(handle.db, '66', '2025-09-15')).toMatchObject({ unitsWithCommittee: 2, villagesWithActiveTeam: 4, activeMembers: 16 });
  });

  it('follows the tree on the day: before a merge two villages, after it one, whose figures include the ended one', async () => {
    expect(await teamCoverage(handle.db, '66003', '2025-09-30')).toMatchObject({ totalCommunes: 1, totalVillages: 2, villagesWithActiveTeam: 1, activeMembers: 2 });
    // The team of the ended 6600301 still counts its members for the successor, but no longer counts as a village.
    expect(await teamCoverage(handle.db, '66003', '2025-10-01')).toMatchObject({ totalVillages: 1, villagesWithActiveTeam: 0, activeMembers: 2 });
  });

  it('works for a commune and a village alone', async () => {
    expect(await teamCoverage(handle.db, '66001', '2025-08-15')).toEqual({
      unitCode: '66001', day: '2025-08-15', totalCommunes: 1, unitsWithCommittee: 1, totalVillages: 3, villagesWithActiveTeam: 2, activeMembers: 10,
    });
    // Before its own team is set up on 1 Aug, the nested 6600101A is part of its village, not one more village to staff.
    expect(await teamCoverage(handle.db, '6600101', '2025-07-20')).toMatchObject({ totalCommunes: 0, totalVillages: 1, villagesWithActiveTeam: 1, activeMembers: 5 });
    expect(await teamCoverage(handle.db, '6600101', '2025-08-02')).toMatchObject({ totalCommunes: 0, totalVillages: 2, villagesWithActiveTeam: 2, activeMembers: 7 });
  });

  it('counts a nested group without a team of its own as part of its village', async () => {
    const before = await teamCoverage(handle.db, '66', '2025-09-15');
    await createUnit(handle.db, { code: '6600201X', name: 'Xóm 1', type: 'xóm', parentCode: '6600201', validFrom: '2025-07-01' }, null);
    await createUnit(handle.db, { code: '6600201Y', name: 'Xóm 2', type: 'xóm', parentCode: '6600201', validFrom: '2025-07-01' }, null);
    expect(await teamCoverage(handle.db, '66', '2025-09-15')).toEqual(before);
  });

  it('refuses a unit not in force on the day', async () => {
    await expect(teamCoverage(handle.db, '6600301', '2025-10-05')).rejects.toMatchObject({ code: 'UNIT_NOT_ACTIVE' });
  });

  it('answers presence per unit for callers that group units their own way', async () => {
    const presence = await teamPresence(handle.db, ['66001', '66002', '6600101', '6600102', '6600201'], '2025-08-15');
    expect([...presence.committeeUnits]).toEqual(['66001']);
    expect([...presence.teamUnits].sort()).toEqual(['66001', '6600101']);
    expect(Object.fromEntries(presence.membersByUnit)).toEqual({ '66001': 3, '6600101': 5 });
  });
});
