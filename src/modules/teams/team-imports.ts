import type { Database } from '../../db/database.js';
import { inTransaction, sqlStateOf, SQLSTATE } from '../../db/transaction.js';
import type { TeamAffiliation } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { importInvalid, RowErrors, type CsvRow } from '../../lib/csv.js';
import { readSpreadsheet, type SpreadsheetFormat } from '../../lib/xlsx.js';
import { findUserByUsername, normaliseUsername } from '../auth/auth.service.js';
import { getUnitsOn, subtreeCodes, type Unit } from '../units/units.service.js';
import { cleanName, memberKey, normalisePhone, parseAffiliation, parseTeamRole, type TeamRole } from './team-labels.js';
import { applyTeamPlan, type MemberOutcome, type TeamImportSummary } from './team-import-apply.js';
import { linkableScopes } from './team-scope.js';

export type { TeamImportSummary } from './team-import-apply.js';

/**
 * Import of teams and members from the spreadsheet a commune sends (CSV or the first sheet of an
 * XLSX, same columns): one row per member. The file is checked whole first; one bad row rejects
 * it with every row's reason and nothing is written. A team is created for a unit that has none;
 * a member is matched by name among the team's current members and added when new; the row
 * marked leader becomes the leader. An import never ends a member or erases a value (an empty
 * phone or username cell leaves what is stored), so importing the same file again changes nothing.
 */

export const TEAM_IMPORT_COLUMNS = ['village_code', 'team_name', 'member_name', 'affiliation', 'role'] as const;
export const MAX_IMPORT_ROWS = 20_000;
const UNIT_CODE = /^[A-Za-z0-9._-]{1,32}$/;

export interface PlannedMember {
  line: number;
  unitCode: string;
  teamName: string;
  fullName: string;
  key: string;
  affiliation: TeamAffiliation;
  role: TeamRole;
  phone: string | null;
  username: string | null;
  userId: string | null;
}

export interface PlannedTeam {
  unit: Unit;
  name: string;
  line: number;
  members: PlannedMember[];
}

/** Reads each row into a member, checking what one row and the file alone can tell. */
function parseRows(rows: CsvRow[], errors: RowErrors): Map<string, PlannedMember[]> {
  const byUnit = new Map<string, PlannedMember[]>();
  for (const row of rows) {
    const values = Object.fromEntries(TEAM_IMPORT_COLUMNS.map((c) => [c, errors.required(row, c)]));
    if (Object.values(values).some((v) => v === undefined)) continue;
    const unitCode = values.village_code!;
    const affiliation = parseAffiliation(values.affiliation!);
    const role = parseTeamRole(values.role!);
    const phoneCell = row.values.phone ?? '';
    const phone = phoneCell === '' ? null : normalisePhone(phoneCell);
    const usernameCell = row.values.username ?? '';
    if (!UNIT_CODE.test(unitCode)) errors.add(row.line, 'village_code', 'BAD_VALUE', { column: 'village_code', value: unitCode });
    if (!affiliation) errors.add(row.line, 'affiliation', 'BAD_VALUE', { column: 'affiliation', value: values.affiliation! });
    if (!role) errors.add(row.line, 'role', 'BAD_VALUE', { column: 'role', value: values.role! });
    // The number is personal data: the reason names the column, never the value.
    if (phone === undefined) errors.add(row.line, 'phone', 'BAD_PHONE', { column: 'phone' });
    if (!UNIT_CODE.test(unitCode) || !affiliation || !role || phone === undefined) continue;

    const fullName = cleanName(values.member_name!);
    const member: PlannedMember = {
      line: row.line, unitCode, teamName: cleanName(values.team_name!), fullName, key: memberKey(fullName),
      affiliation, role, phone, username: usernameCell === '' ? null : normaliseUsername(usernameCell), userId: null,
    };
    const team = byUnit.get(unitCode) ?? [];
    const first = team[0];
    const twin = team.find((m) => m.key === member.key);
    const otherLeader = role === 'leader' ? team.find((m) => m.role === 'leader') : undefined;
    const sameUser = member.username ? team.find((m) => m.username === member.username) : undefined;
    if (first && first.teamName !== member.teamName) errors.add(row.line, 'team_name', 'TEAM_NAME_CONFLICT', { code: unitCode, other: first.line });
    if (twin) errors.add(row.line, 'member_name', 'DUPLICATE_MEMBER', { other: twin.line });
    if (otherLeader) errors.add(row.line, 'role', 'LEADER_TWICE', { code: unitCode, other: otherLeader.line });
    if (sameUser) errors.add(row.line, 'username', 'USER_TWICE', { username: usernameCell });
    team.push(member);
    byUnit.set(unitCode, team);
  }
  return byUnit;
}

/** Checks each unit (known, in scope, in force, village or commune level) and each linked account. */
async function checkUnitsAndUsers(
  db: Database, viewer: Viewer | null, byUnit: Map<string, PlannedMember[]>, day: string, errors: RowErrors,
): Promise<PlannedTeam[]> {
  const writable = viewer && viewer.scopeUnitCode !== null ? new Set(await subtreeCodes(db, viewer.scopeUnitCode, day)) : null;
  const teams: PlannedTeam[] = [];
  // Every unit of the file in one statement: a province's file names hundreds of villages.
  const units = await getUnitsOn(db, [...byUnit.keys()], day);
  for (const [code, members] of byUnit) {
    const unit = units.get(code);
    const fail = (reason: 'UNKNOWN_UNIT' | 'OUT_OF_SCOPE' | 'UNIT_ENDED' | 'NOT_TEAM_UNIT') => {
      for (const m of members) errors.add(m.line, 'village_code', reason, { code });
    };
    if (!unit) fail('UNKNOWN_UNIT');
    else if (writable && !writable.has(code)) fail('OUT_OF_SCOPE');
    else if (unit.validTo !== null && unit.validTo <= day) fail('UNIT_ENDED');
    else if (unit.tier !== 'village' && unit.tier !== 'commune') fail('NOT_TEAM_UNIT');
    else teams.push({ unit, name: members[0]!.teamName, line: members[0]!.line, members });
  }

  const accounts = new Map<string, Awaited<ReturnType<typeof findUserByUsername>>>();
  for (const team of teams) {
    if (!team.members.some((m) => m.username)) continue;
    const scopes = await linkableScopes(db, team.unit, day);
    for (const member of team.members) {
      if (!member.username) continue;
      if (!accounts.has(member.username)) accounts.set(member.username, await findUserByUsername(db, member.username));
      const user = accounts.get(member.username);
      if (!user) errors.add(member.line, 'username', 'UNKNOWN_USER', { username: member.username });
      else if (user.scopeUnitCode === null || !scopes.has(user.scopeUnitCode)) {
        errors.add(member.line, 'username', 'USER_OUT_OF_UNIT', { username: member.username, code: team.unit.code });
      } else member.userId = user.id;
    }
  }
  return teams;
}

export async function importTeams(
  db: Database, viewer: Viewer | null, file: Buffer, format: SpreadsheetFormat, day: string, outcomes?: Map<number, MemberOutcome>,
): Promise<TeamImportSummary> {
  const { rows } = await readSpreadsheet(file, format, TEAM_IMPORT_COLUMNS);
  if (rows.length > MAX_IMPORT_ROWS) throw importInvalid([{ row: 1, reason: 'TOO_MANY_ROWS', params: { max: MAX_IMPORT_ROWS } }]);
  return inTransaction(db, async (trx) => {
    const errors = new RowErrors();
    const byUnit = parseRows(rows, errors);
    const teams = await checkUnitsAndUsers(trx, viewer, byUnit, day, errors);
    errors.throwIfAny();
    try {
      return await applyTeamPlan(trx, teams, day, viewer?.id ?? null, errors, outcomes);
    } catch (error) {
      // Another import created one of these teams meanwhile; this file changes nothing.
      if (sqlStateOf(error) === SQLSTATE.UNIQUE_VIOLATION) throw new AppError('TEAM_EXISTS', 'A team was created concurrently', 'file');
      throw error;
    }
  });
}
