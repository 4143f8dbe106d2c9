import { sql, type Insertable, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import { executePrepared } from '../../db/prepared.js';
import type { ContestAttemptsTable, ContestParticipantsTable } from '../../db/types.js';
import { areaKnown, countOnePerRow } from '../rollups/rollups.service.js';

export type AttemptRow = Selectable<ContestAttemptsTable>;
/** What scoring a submission reads of its attempt. */
export type SubmissionRow = Pick<AttemptRow, 'id' | 'contest_id' | 'unit_code' | 'questions' | 'started_at' | 'deadline' | 'submitted_at'>;

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

/** The participant a token stands for, their latest attempt in a contest and how many they started on a day: a start's only read. */
export async function selectParticipantLatestAndUsed(
  db: Database, tokenHash: string, contestId: string, day: string,
): Promise<{ participant: Selectable<ContestParticipantsTable>; latest: AttemptRow | undefined; used: number } | undefined> {
  const r = await sql<{ participant: Selectable<ContestParticipantsTable>; latest: AttemptRow | null; used: number }>`
    select row_to_json(p) as participant, row_to_json(l) as latest,
      (select count(*) from contest_attempts d where d.contest_id = ${contestId} and d.participant_id = p.id and d.day = ${day})::int as used
    from contest_participants p
      left join lateral (select * from contest_attempts a where a.contest_id = ${contestId} and a.participant_id = p.id order by a.started_at desc limit 1) l on true
    where p.token_hash = ${tokenHash}`.execute(db);
  const row = r.rows[0];
  return row && { participant: row.participant, latest: row.latest ?? undefined, used: Number(row.used) };
}

/** A start's new attempt: what `startByToken` inserts when the participant may start one. */
export interface NewAttempt {
  id: string; phaseNumber: number; provinceCode: string; organiserPhoneHashes: readonly string[]; attemptsPerDay: number;
  questions: string; startedAt: Date; deadline: Date; address: string;
}

/**
 * A start in one round trip: the participant a token stands for, their latest attempt in the
 * contest and the day's count (all as they were before this statement), and the new attempt
 * inserted in the same statement when the participant is of the contest's province and not an
 * organiser, has no attempt running and has a start left today. The caller draws the same
 * conclusions from what comes back, so `inserted` false with every condition met means another
 * start took the day's slot first (the unique (contest, participant, day, seq) key).
 */
export async function startByToken(
  db: Database, tokenHash: string, contestId: string, day: string, attempt: NewAttempt,
): Promise<{ participant: Selectable<ContestParticipantsTable>; latest: AttemptRow | undefined; used: number; inserted: boolean } | undefined> {
  const r = await executePrepared(db, sql<{ participant: Selectable<ContestParticipantsTable>; latest: AttemptRow | null; used: number; inserted: boolean }>`
    with p as (select * from contest_participants where token_hash = ${tokenHash}),
    l as (select a.* from p cross join lateral (
      select * from contest_attempts a where a.contest_id = ${contestId} and a.participant_id = p.id order by a.started_at desc limit 1) a),
    u as (select (select count(*) from contest_attempts d where d.contest_id = ${contestId} and d.participant_id = p.id and d.day = ${day}::date)::int as n from p),
    ins as (
      insert into contest_attempts (id, contest_id, phase_number, participant_id, province_code, unit_code, day, seq, questions, started_at, deadline, client_address)
      select ${attempt.id}::uuid, ${contestId}::uuid, ${attempt.phaseNumber}::int, p.id, p.province_code, p.unit_code, ${day}::date, u.n + 1,
        ${attempt.questions}::jsonb, ${attempt.startedAt}::timestamptz, ${attempt.deadline}::timestamptz, ${attempt.address}::text
      from p cross join u
      where p.province_code = ${attempt.provinceCode} and p.phone_hash <> all(${[...attempt.organiserPhoneHashes]}::text[])
        and u.n < ${attempt.attemptsPerDay}
        and not exists (select 1 from l where l.submitted_at is null and l.deadline > ${attempt.startedAt}::timestamptz)
      on conflict do nothing
      returning id)
    select row_to_json(p) as participant, (select row_to_json(l) from l) as latest, u.n as used, exists (select 1 from ins) as inserted
    from p cross join u`);
  const row = r.rows[0];
  return row && { participant: row.participant, latest: row.latest ?? undefined, used: Number(row.used), inserted: row.inserted === true };
}

export async function insertAttempt(db: Database, row: Insertable<ContestAttemptsTable>): Promise<void> {
  await db.insertInto('contest_attempts').values(row).execute();
}

export function selectAttempt(db: Database, id: string): Promise<AttemptRow | undefined> {
  return db.selectFrom('contest_attempts').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The participant a token stands for and their attempt `attemptId`, in one round trip: the
 * submission's only read. `attempt` is undefined when the attempt is not theirs (or none).
 */
export async function selectParticipantAndAttempt(
  db: Database, tokenHash: string, attemptId: string,
): Promise<{ participant: Pick<Selectable<ContestParticipantsTable>, 'id'> | undefined; attempt: SubmissionRow | undefined }> {
  // Only what scoring reads, and the paper only while it can still be scored: a copy of a
  // submission (the usual reason to come this way) parses no answers and no questions.
  const r = await executePrepared(db, sql<{ participant: { id: string }; attempt: SubmissionRow | null }>`
    select json_build_object('id', p.id) as participant,
      case when a.id is not null then json_build_object('id', a.id, 'contest_id', a.contest_id, 'unit_code', a.unit_code,
        'questions', case when a.submitted_at is null then a.questions end, 'started_at', a.started_at, 'deadline', a.deadline,
        'submitted_at', a.submitted_at) end as attempt
    from contest_participants p left join contest_attempts a on a.id = ${attemptId} and a.participant_id = p.id
    where p.token_hash = ${tokenHash}`);
  const row = r.rows[0];
  return { participant: row?.participant, attempt: row?.attempt ?? undefined };
}

/**
 * What a submission scored without reading its attempt first asks the database to check: the
 * deadline (less the grace) not passed and the cookie's token still the participant's.
 */
export interface UnreadGuard { tokenHash: string; deadlineNotBefore: Date }

/**
 * Scores an attempt only if nobody did before, makes its participant an entrant on their first
 * scored attempt and counts the entrant, all in one statement (one round trip, atomic by
 * itself). Of any number of identical submissions arriving together the first writes the row;
 * the others wait for its row lock, find it submitted and change nothing. Nothing is written
 * while the unit's area is unrecorded (`areaKnown: false`): the caller records it and runs the
 * statement again. With `unread`, nothing is written either unless its conditions hold.
 */
export async function scoreAttempt(
  db: Database, id: string, unitCode: string, countSource: string,
  result: { submittedAt: Date; answers: string; prediction: number; correct: number; score: number; durationMs: number; address: string },
  unread?: UnreadGuard,
): Promise<{ scored: boolean; areaKnown: boolean }> {
  const guard = unread
    ? sql`and deadline >= ${unread.deadlineNotBefore} and participant_id = (select id from contest_participants where token_hash = ${unread.tokenHash})`
    : sql``;
  const r = await executePrepared(db, sql<{ scored: number; area_known: boolean }>`
    with scored as (
      update contest_attempts set submitted_at = ${result.submittedAt}, answers = ${result.answers}::jsonb, prediction = ${result.prediction},
        correct = ${result.correct}, score = ${result.score}, duration_ms = ${result.durationMs}, submit_address = ${result.address}
      where id = ${id} and submitted_at is null and ${areaKnown(unitCode)} ${guard}
      returning contest_id, participant_id, phase_number, unit_code, province_code, day),
    entry as (
      insert into contest_entries (contest_id, participant_id, phase_number, unit_code, province_code, day)
      select contest_id, participant_id, phase_number, unit_code, province_code, day from scored
      on conflict (contest_id, participant_id, province_code) do nothing
      returning unit_code, province_code, day),
    ${countOnePerRow(countSource, 'entry')}
    select (select count(*) from scored)::int as scored, ${areaKnown(unitCode)} as area_known`);
  const row = r.rows[0]!;
  return { scored: Number(row.scored) === 1, areaKnown: row.area_known };
}

/** Entrants per unit and day, recounted from the entries: what the rollups must hold. */
export function countEntries(db: Database): Promise<{ unit_code: string; province_code: string; day: string; n: number }[]> {
  return db.selectFrom('contest_entries').select(['unit_code', 'province_code', 'day', sql<number>`count(*)`.as('n')])
    .groupBy(['unit_code', 'province_code', 'day']).execute();
}
