import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { ContestPhasesTable, ContestsTable } from '../../db/types.js';

export type ContestRow = Selectable<ContestsTable>;
export type PhaseRow = Selectable<ContestPhasesTable>;

export async function insertContest(db: Database, contest: Insertable<ContestsTable>, phases: Insertable<ContestPhasesTable>[]): Promise<void> {
  await db.insertInto('contests').values(contest).execute();
  await db.insertInto('contest_phases').values(phases).execute();
}

export function selectContest(db: Database, id: string): Promise<ContestRow | undefined> {
  return db.selectFrom('contests').selectAll().where('id', '=', id).executeTakeFirst();
}

export function selectPhases(db: Database, contestIds: readonly string[]): Promise<PhaseRow[]> {
  if (contestIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('contest_phases').selectAll().where('contest_id', 'in', contestIds).orderBy('contest_id').orderBy('number').execute();
}

/** Contests with a phase ending on or after `day`: open now or coming. */
export function selectCurrentContests(db: Database, day: string): Promise<ContestRow[]> {
  return db.selectFrom('contests').selectAll()
    .where('id', 'in', (eb) => eb.selectFrom('contest_phases').select('contest_id').where('ends_on', '>=', day))
    .orderBy('created_at', 'desc').limit(50).execute();
}

/** Contests with at least one published phase, for the public results. */
export function selectPublishedContests(db: Database): Promise<ContestRow[]> {
  return db.selectFrom('contests').selectAll()
    .where('id', 'in', (eb) => eb.selectFrom('contest_phases').select('contest_id').where('published_at', 'is not', null))
    .orderBy('created_at', 'desc').limit(50).execute();
}

export function selectContestsOfProvince(db: Database, provinceCode: string): Promise<ContestRow[]> {
  return db.selectFrom('contests').selectAll().where('province_code', '=', provinceCode).orderBy('created_at', 'desc').limit(200).execute();
}

export async function markPhasePublished(db: Database, contestId: string, number: number, participantCount: number): Promise<void> {
  await db.updateTable('contest_phases').set({ participant_count: participantCount, published_at: new Date() })
    .where('contest_id', '=', contestId).where('number', '=', number).execute();
}
