import type { Database } from '../db/database.js';
import type { Viewer } from '../http/access.js';
import { between, pick, seededRandom } from '../lib/seeded-random.js';
import { putCommittees } from '../modules/teams/committees.service.js';
import { importTeams, MAX_IMPORT_ROWS } from '../modules/teams/team-imports.js';
import { getUnitsOn } from '../modules/units/units.service.js';
import { personName } from './people-names.js';
import type { CommunePlan } from './province-shape.js';

/**
 * Steering committees and community digital technology teams, the way communes set them up:
 * each commune's committee by a decision of its People's Committee (the committees' service, all
 * communes' decisions in one write), and its village teams from the spreadsheet it sends (the
 * team import), on the commune's own day, together with the communes that send on that day.
 */

export interface TeamsTally {
  committees: number;
  committeeMembers: number;
  teams: number;
  teamMembers: number;
}

const COMMITTEE_POSITIONS = [
  'Phó Chủ tịch UBND', 'Trưởng Công an', 'Công chức Văn hóa - Xã hội', 'Công chức Văn phòng - Thống kê',
  'Bí thư Đoàn Thanh niên', 'Chủ tịch Hội Liên hiệp Phụ nữ', 'Chủ tịch Hội Nông dân', 'Hiệu trưởng trường THCS', 'Nhân viên Viettel',
];
// Words a commune's spreadsheet uses; the import maps them onto affiliations.
const MEMBER_AFFILIATIONS = ['Đoàn thanh niên', 'Hội phụ nữ', 'Giáo viên', 'Công an viên', 'Viettel', 'VNPT', 'Người dân', 'Người dân'];

const HEADER = 'village_code,team_name,member_name,affiliation,role';
const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export async function setUpTeams(db: Database, viewer: Viewer, communes: readonly CommunePlan[], seed: number): Promise<TeamsTally> {
  const tally: TeamsTally = { committees: 0, committeeMembers: 0, teams: 0, teamMembers: 0 };
  // The communes that send their teams on one day send them together: one import per day.
  const byDay = new Map<string, CommunePlan[]>();
  for (const commune of communes) byDay.set(commune.profile.teamsDay, [...(byDay.get(commune.profile.teamsDay) ?? []), commune]);
  const names = new Map<string, string>();
  for (const [day, group] of byDay) {
    for (const unit of (await getUnitsOn(db, group.flatMap((c) => c.villages.map((v) => v.code)), day)).values()) names.set(unit.code, unit.name);
  }

  const committees: Parameters<typeof putCommittees>[2][number][] = [];
  const teamRows = new Map<string, string[]>();
  for (const [index, commune] of communes.entries()) {
    const random = seededRandom(seed + index);
    const { profile } = commune;
    const deputies = between(random, 1, 2);
    const members = [
      { fullName: personName(random, 'male', false), position: 'Chủ tịch UBND', committeeRole: 'chair' as const },
      ...COMMITTEE_POSITIONS.slice(0, deputies + between(random, 5, 7)).map((position, k) => ({
        fullName: personName(random, random() < 0.5 ? 'male' : 'female', random() < profile.minorityShare),
        position, committeeRole: k < deputies ? ('deputy' as const) : ('member' as const),
      })),
    ];
    committees.push({ unitCode: commune.code, input: { decisionNumber: `${between(random, 10, 480)}/QĐ-UBND`, decisionDate: profile.committeeDay, members } });

    const rows: string[] = [];
    for (const village of commune.villages) {
      const teamName = `Tổ công nghệ số cộng đồng ${names.get(village.code) ?? village.code}`;
      const taken = new Set<string>();
      for (let m = 0; m < village.teamMembers; m += 1) {
        let name = personName(random, random() < 0.5 ? 'male' : 'female', random() < profile.minorityShare);
        // Two members of one team never share a name: the import would take them for one person.
        for (let again = 2; taken.has(name.toLocaleLowerCase('vi')); again += 1) name = `${name.replace(/ \(\d+\)$/, '')} (${again})`;
        taken.add(name.toLocaleLowerCase('vi'));
        const affiliation = m === 0 ? 'Trưởng thôn' : pick(random, MEMBER_AFFILIATIONS);
        rows.push([village.code, teamName, name, affiliation, m === 0 ? 'Tổ trưởng' : 'Thành viên'].map(csvCell).join(','));
      }
    }
    teamRows.set(commune.code, rows);
  }
  // Each commune's committee by its People's Committee's decision, recorded together.
  const written = await putCommittees(db, viewer, committees);
  tally.committees += written.committees;
  tally.committeeMembers += written.members;

  for (const [day, group] of byDay) {
    // A file stays within the import's limit: a commune's rows are never split between two.
    let file: string[] = [];
    const send = async () => {
      if (file.length === 0) return;
      const summary = await importTeams(db, viewer, Buffer.from([HEADER, ...file].join('\n')), 'csv', day);
      tally.teams += summary.teamsCreated;
      tally.teamMembers += summary.membersAdded;
      file = [];
    };
    for (const commune of group) {
      const rows = teamRows.get(commune.code)!;
      if (file.length + rows.length > MAX_IMPORT_ROWS) await send();
      file.push(...rows);
    }
    await send();
  }
  return tally;
}
