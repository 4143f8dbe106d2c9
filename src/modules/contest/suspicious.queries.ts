import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

/** Addresses that started more attempts in the phase than the rules find believable. */
export async function selectBusyAddresses(db: Database, contestId: string, phase: number, atLeast: number) {
  const result = await sql<{ address: string; attempts: number; participants: number }>`
    select client_address as address, count(*)::int as attempts, count(distinct participant_id)::int as participants
      from contest_attempts where contest_id = ${contestId} and phase_number = ${phase}
     group by client_address having count(*) >= ${atLeast}
     order by count(*) desc limit 200`.execute(db);
  return result.rows.map((r) => ({ address: r.address, attempts: Number(r.attempts), participants: Number(r.participants) }));
}

/** Submitted attempts answered faster than `msPerQuestion` per question on average. */
export async function selectFastAttempts(db: Database, contestId: string, phase: number, msPerQuestion: number) {
  const result = await sql<{ id: string; participant_id: string; unit_code: string; score: number; duration_ms: number; questions: number; client_address: string; started_at: Date }>`
    select id, participant_id, unit_code, score, duration_ms, jsonb_array_length(questions) as questions, client_address, started_at
      from contest_attempts
     where contest_id = ${contestId} and phase_number = ${phase} and submitted_at is not null
       and duration_ms < ${msPerQuestion} * jsonb_array_length(questions)
     order by score desc, duration_ms limit 200`.execute(db);
  return result.rows;
}
