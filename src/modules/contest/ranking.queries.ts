import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

export interface RankedRow {
  attempt_id: string;
  participant_id: string;
  unit_code: string;
  score: number;
  correct: number;
  prediction: number;
  duration_ms: number;
  started_at: Date;
}

/** People who submitted at least one attempt in the phase: the real number the predictions aim at. */
export async function countPhaseParticipants(db: Database, contestId: string, phase: number): Promise<number> {
  const row = await sql<{ n: number }>`
    select count(distinct participant_id)::int as n from contest_attempts
     where contest_id = ${contestId} and phase_number = ${phase} and submitted_at is not null`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

/**
 * Each participant's best attempt of the phase, in ranking order: higher score, prediction
 * closer to the real number, shorter time, earlier start (the attempt id, a UUIDv7, last, so
 * the order is total). "Best" uses the same order, so the attempt that counts is the one
 * that ranks highest.
 */
export async function selectPhaseRanking(db: Database, contestId: string, phase: number, realCount: number): Promise<RankedRow[]> {
  const result = await sql<RankedRow>`
    with best as (
      select distinct on (participant_id)
             id as attempt_id, participant_id, unit_code, score, correct, prediction, duration_ms, started_at
        from contest_attempts
       where contest_id = ${contestId} and phase_number = ${phase} and submitted_at is not null
       order by participant_id, score desc, abs(prediction - ${realCount}::bigint), duration_ms, started_at, id
    )
    select * from best order by score desc, abs(prediction - ${realCount}::bigint), duration_ms, started_at, attempt_id`.execute(db);
  return result.rows.map((r) => ({ ...r, score: Number(r.score), correct: Number(r.correct), prediction: Number(r.prediction), duration_ms: Number(r.duration_ms) }));
}

/**
 * One participant's best attempt of the phase, by the order of `selectPhaseRanking`, or
 * undefined when they submitted none (read by the (contest, participant, …) unique index).
 */
export async function selectBestAttemptOf(db: Database, contestId: string, phase: number, participantId: string, realCount: number): Promise<RankedRow | undefined> {
  const result = await sql<RankedRow>`
    select id as attempt_id, participant_id, unit_code, score, correct, prediction, duration_ms, started_at
      from contest_attempts
     where contest_id = ${contestId} and participant_id = ${participantId} and phase_number = ${phase} and submitted_at is not null
     order by score desc, abs(prediction - ${realCount}::bigint), duration_ms, started_at, id
     limit 1`.execute(db);
  const r = result.rows[0];
  return r && { ...r, score: Number(r.score), correct: Number(r.correct), prediction: Number(r.prediction), duration_ms: Number(r.duration_ms) };
}

export async function selectEntrantsByUnit(db: Database, contestId: string, phase: number | null): Promise<{ unit_code: string; n: number }[]> {
  const result = phase === null
    ? await sql<{ unit_code: string; n: number }>`
        select unit_code, count(*)::int as n from contest_entries where contest_id = ${contestId} group by unit_code`.execute(db)
    : await sql<{ unit_code: string; n: number }>`
        select unit_code, count(distinct participant_id)::int as n from contest_attempts
         where contest_id = ${contestId} and phase_number = ${phase} and submitted_at is not null group by unit_code`.execute(db);
  return result.rows.map((r) => ({ unit_code: r.unit_code, n: Number(r.n) }));
}

export async function selectPrizes(db: Database, contestId: string): Promise<{ phase_number: number; participant_id: string; rank: number; prize: number }[]> {
  return db.selectFrom('contest_prizes').select(['phase_number', 'participant_id', 'rank', 'prize']).where('contest_id', '=', contestId)
    .orderBy('phase_number').orderBy('rank').execute();
}

export async function replacePrizes(
  db: Database, contest: { id: string; provinceCode: string }, phase: number, rows: { participant_id: string; rank: number; prize: number }[],
): Promise<void> {
  await db.deleteFrom('contest_prizes').where('contest_id', '=', contest.id).where('phase_number', '=', phase).execute();
  if (rows.length > 0) {
    await db.insertInto('contest_prizes')
      .values(rows.map((r) => ({ ...r, contest_id: contest.id, province_code: contest.provinceCode, phase_number: phase }))).execute();
  }
}
