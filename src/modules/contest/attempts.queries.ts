import { sql, type Insertable, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { ContestAttemptsTable, ContestEntriesTable } from '../../db/types.js';

export type AttemptRow = Selectable<ContestAttemptsTable>;

/** Serialises one participant's starts: two tabs pressing "start" together get one attempt. */
export async function lockParticipant(db: Database, participantId: string): Promise<void> {
  await db.selectFrom('contest_participants').select('id').where('id', '=', participantId).forUpdate().execute();
}

export function selectLatestAttempt(db: Database, contestId: string, participantId: string): Promise<AttemptRow | undefined> {
  return db.selectFrom('contest_attempts').selectAll()
    .where('contest_id', '=', contestId).where('participant_id', '=', participantId)
    .orderBy('started_at', 'desc').limit(1).executeTakeFirst();
}

export async function countAttemptsOnDay(db: Database, contestId: string, participantId: string, day: string): Promise<number> {
  const row = await db.selectFrom('contest_attempts').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('contest_id', '=', contestId).where('participant_id', '=', participantId).where('day', '=', day)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAttempt(db: Database, row: Insertable<ContestAttemptsTable>): Promise<void> {
  await db.insertInto('contest_attempts').values(row).execute();
}

export function selectAttempt(db: Database, id: string): Promise<AttemptRow | undefined> {
  return db.selectFrom('contest_attempts').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Scores an attempt only if nobody did before: the row is written by the first of any number
 * of identical submissions arriving together, and the others get no row back.
 */
export function scoreAttempt(
  db: Database, id: string,
  result: { submittedAt: Date; answers: string; prediction: number; correct: number; score: number; durationMs: number; address: string },
): Promise<{ id: string } | undefined> {
  return db.updateTable('contest_attempts').set({
    submitted_at: result.submittedAt, answers: result.answers, prediction: result.prediction, correct: result.correct,
    score: result.score, duration_ms: result.durationMs, submit_address: result.address,
  }).where('id', '=', id).where('submitted_at', 'is', null).returning('id').executeTakeFirst();
}

/** A participant's first scored attempt in a contest makes them an entrant; later ones change nothing. */
export function insertEntry(db: Database, row: Insertable<ContestEntriesTable>): Promise<{ participant_id: string } | undefined> {
  return db.insertInto('contest_entries').values(row).onConflict((oc) => oc.columns(['contest_id', 'participant_id']).doNothing())
    .returning('participant_id').executeTakeFirst();
}

/** Entrants per unit and day, recounted from the entries: what the rollups must hold. */
export function countEntries(db: Database): Promise<{ unit_code: string; province_code: string; day: string; n: number }[]> {
  return db.selectFrom('contest_entries').select(['unit_code', 'province_code', 'day', sql<number>`count(*)`.as('n')])
    .groupBy(['unit_code', 'province_code', 'day']).execute();
}
