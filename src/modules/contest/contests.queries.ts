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

/** The phases that already have attempts: they hold people's results and may not be removed. */
export async function selectPhasesWithAttempts(db: Database, contestId: string): Promise<number[]> {
  const rows = await db.selectFrom('contest_attempts').select('phase_number').distinct().where('contest_id', '=', contestId).execute();
  return rows.map((r) => r.phase_number);
}

export async function updateContest(db: Database, id: string, changes: { title: string; bank_id: string; rules: string; organiser_phone_hashes: string[] }): Promise<void> {
  await db.updateTable('contests').set(changes).where('id', '=', id).execute();
}

/** Writes the unpublished phases as given and drops those past the new last one. */
export async function replaceOpenPhases(db: Database, contestId: string, phases: Insertable<ContestPhasesTable>[], lastNumber: number): Promise<void> {
  await db.deleteFrom('contest_phases').where('contest_id', '=', contestId).where('number', '>', lastNumber).where('published_at', 'is', null).execute();
  for (const phase of phases) {
    await db.insertInto('contest_phases').values(phase)
      .onConflict((oc) => oc.columns(['contest_id', 'number', 'province_code']).doUpdateSet({ starts_on: phase.starts_on, ends_on: phase.ends_on, prizes: phase.prizes ?? null }))
      .execute();
  }
}

/** Distinct people who submitted an attempt on a day, and in a phase: the officers' dashboard tile. */
export async function countParticipantsOn(db: Database, contestId: string, phase: number, day: string): Promise<number> {
  // The phase narrows to the partial index on submitted attempts (contest, phase).
  const row = await db.selectFrom('contest_attempts').select((eb) => eb.fn.count<string>('participant_id').distinct().as('n'))
    .where('contest_id', '=', contestId).where('phase_number', '=', phase).where('submitted_at', 'is not', null).where('day', '=', day).executeTakeFirst();
  return Number(row?.n ?? 0);
}
