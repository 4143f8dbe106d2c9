import { sql, type Insertable, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { ContestAttemptsTable, ContestEntriesTable } from '../../db/types.js';

export type AttemptRow = Selectable<ContestAttemptsTable>;

/** A participant's latest attempt in a contest and how many they started on a day, in one round trip. */
export async function selectLatestAndUsed(db: Database, contestId: string, participantId: string, day: string): Promise<{ latest: AttemptRow | undefined; used: number }> {
  const rows = await db.selectFrom('contest_attempts').selectAll()
    .select((eb) => eb.selectFrom('contest_attempts as d').select(eb.fn.countAll<number>().as('n'))
      .where('d.contest_id', '=', contestId).where('d.participant_id', '=', participantId).where('d.day', '=', day).as('used'))
    .where('contest_id', '=', contestId).where('participant_id', '=', participantId)
    .orderBy('started_at', 'desc').limit(1).execute();
  if (rows.length > 0) {
    const { used, ...latest } = rows[0]!;
    return { latest: latest as AttemptRow, used: Number(used) };
  }
  return { latest: undefined, used: 0 };
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
