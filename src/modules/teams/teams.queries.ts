import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { codeAmong } from '../../db/code-among.js';
import type { Database } from '../../db/database.js';
import type { TeamLeadershipsTable, TeamMembersTable, TeamsTable } from '../../db/types.js';

export type TeamRow = Selectable<TeamsTable>;
export type MemberRow = Selectable<TeamMembersTable>;
export type LeadershipRow = Selectable<TeamLeadershipsTable>;

const TEAM_COLUMNS = ['id', 'unit_code', 'province_code', 'name', 'decision_number', 'decision_date', 'established_on', 'created_by', 'created_at'] as const;

/** A list of codes as one array parameter: a province subtree of thousands stays one bind value. */

/** Members on the team on `day`: joined by then and not yet left. */
const activeOn = (alias: string, day: string) =>
  sql<boolean>`${sql.ref(`${alias}.joined_on`)} <= ${day} and (${sql.ref(`${alias}.left_on`)} is null or ${sql.ref(`${alias}.left_on`)} > ${day})`;

export async function insertTeams(db: Database, rows: Insertable<TeamsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('teams').values(rows.slice(i, i + 1000)).execute();
}

export async function findTeam(db: Database, id: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').select(TEAM_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The team row locked for the rest of the transaction, so member and leader changes queue up. */
export async function lockTeam(db: Database, id: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').select(TEAM_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The teams of these units, locked like `lockTeam`. */
export async function lockTeamsOfUnits(db: Database, codes: readonly string[]): Promise<TeamRow[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('teams').select(TEAM_COLUMNS).where(codeAmong('unit_code', codes)).forUpdate().execute();
}

export async function updateTeam(db: Database, id: string, patch: Updateable<TeamsTable>): Promise<void> {
  await db.updateTable('teams').set(patch).where('id', '=', id).execute();
}

export interface TeamListRow extends TeamRow {
  active_members: number;
  leader_name: string | null;
}

/** Teams in these units, by unit code: a page (after a unit code, up to `limit`), or all of them with no limit. */
export async function listTeamsPage(db: Database, codes: readonly string[], day: string, after: string | undefined, limit?: number): Promise<TeamListRow[]> {
  let query = db
    .selectFrom('teams as t')
    .select(TEAM_COLUMNS.map((c) => `t.${c}` as const))
    .select((eb) => [
      eb.selectFrom('team_members as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.team_id', '=', 't.id').where(activeOn('m', day)).as('active_members'),
      eb.selectFrom('team_leaderships as l').innerJoin('team_members as m', 'm.id', 'l.member_id').select('m.full_name')
        .whereRef('l.team_id', '=', 't.id').where('l.from_day', '<=', day).where((e) => e.or([e('l.to_day', 'is', null), e('l.to_day', '>', day)]))
        .orderBy('l.from_day', 'desc').limit(1).as('leader_name'),
    ])
    .where(codeAmong('t.unit_code', codes));
  if (after !== undefined) query = query.where('t.unit_code', '>', after);
  query = query.orderBy('t.unit_code');
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, active_members: Number(row.active_members ?? 0), leader_name: row.leader_name ?? null }));
}

export async function membersOfTeam(db: Database, teamId: string): Promise<MemberRow[]> {
  return db.selectFrom('team_members').selectAll().where('team_id', '=', teamId).orderBy('joined_on').orderBy('id').execute();
}

/** Members not yet gone by `day` (still on the team, or leaving later), of several teams. */
export async function currentMembersOfTeams(db: Database, teamIds: readonly string[], day: string): Promise<MemberRow[]> {
  if (teamIds.length === 0) return [];
  return db
    .selectFrom('team_members')
    .selectAll()
    .where(sql<boolean>`team_id = any(${[...teamIds]}::uuid[])`)
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', day)]))
    .orderBy('joined_on')
    .orderBy('id')
    .execute();
}

export async function findMember(db: Database, teamId: string, memberId: string): Promise<MemberRow | undefined> {
  return db.selectFrom('team_members').selectAll().where('team_id', '=', teamId).where('id', '=', memberId).executeTakeFirst();
}

export async function insertMembers(db: Database, rows: Insertable<TeamMembersTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('team_members').values(rows.slice(i, i + 1000)).execute();
}

export async function updateMember(db: Database, id: string, patch: Updateable<TeamMembersTable>): Promise<void> {
  await db.updateTable('team_members').set(patch).where('id', '=', id).execute();
}

/** How many members besides `exceptId` are on the team on `day`. */
export async function countOtherActiveMembers(db: Database, teamId: string, exceptId: string, day: string): Promise<number> {
  const row = await db
    .selectFrom('team_members as m')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.team_id', '=', teamId)
    .where('m.id', '<>', exceptId)
    .where(activeOn('m', day))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function leadershipsOfTeam(db: Database, teamId: string): Promise<LeadershipRow[]> {
  return db.selectFrom('team_leaderships').selectAll().where('team_id', '=', teamId).orderBy('from_day').orderBy('id').execute();
}

/** The open leadership period of each team that has one. */
export async function openLeaderships(db: Database, teamIds: readonly string[]): Promise<LeadershipRow[]> {
  if (teamIds.length === 0) return [];
  return db.selectFrom('team_leaderships').selectAll().where(sql<boolean>`team_id = any(${[...teamIds]}::uuid[])`).where('to_day', 'is', null).execute();
}

export async function closeLeadership(db: Database, teamId: string, day: string): Promise<void> {
  await db.updateTable('team_leaderships').set({ to_day: day }).where('team_id', '=', teamId).where('to_day', 'is', null).execute();
}

export async function insertLeaderships(db: Database, rows: Insertable<TeamLeadershipsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('team_leaderships').values(rows.slice(i, i + 1000)).execute();
}

/** Of `codes`, those with a team set up by `day` that has at least one member on `day`. */
export async function unitsWithActiveTeam(db: Database, codes: readonly string[], day: string): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('teams as t')
    .select('t.unit_code')
    .where(codeAmong('t.unit_code', codes))
    .where('t.established_on', '<=', day)
    .where((eb) => eb.exists(eb.selectFrom('team_members as m').select(sql`1`.as('one')).whereRef('m.team_id', '=', 't.id').where(activeOn('m', day))))
    .execute();
  return rows.map((row) => row.unit_code);
}

/** Members on a team of each of `codes` on `day`; one person on two teams counts twice. */
export async function activeMembersByUnit(db: Database, codes: readonly string[], day: string): Promise<{ unit_code: string; n: number }[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('team_members as m')
    .select(['m.unit_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where(codeAmong('m.unit_code', codes))
    .where(activeOn('m', day))
    .groupBy('m.unit_code')
    .execute();
  return rows.map((row) => ({ unit_code: row.unit_code, n: Number(row.n) }));
}

/** The team set up in a unit, if any. */
export function findTeamOfUnit(db: Database, unitCode: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('unit_code', '=', unitCode).executeTakeFirst();
}
