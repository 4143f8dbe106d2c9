import { sql, type Insertable, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import { arrayLiteral, jsonColumn } from '../../db/array-literal.js';
import { executePrepared } from '../../db/prepared.js';
import type { ContestAttemptsTable, ContestParticipantsTable } from '../../db/types.js';
import { areaKnownAt, countOnePerRow } from '../rollups/rollups.service.js';

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

/** What every start of one statement shares: the contest, its day and phase, and the rules a start is checked against. */
export interface StartTerms {
  contestId: string; day: string; phaseNumber: number; provinceCode: string; organiserPhoneHashes: readonly string[]; attemptsPerDay: number;
}

/** One start: the token of the cookie and the attempt inserted when the participant may start one (`questions`: the drawn paper as JSON). */
export interface NewAttempt { tokenHash: string; id: string; questions: string; startedAt: Date; deadline: Date; address: string }

export interface StartFound {
  participant: Selectable<ContestParticipantsTable>; latest: AttemptRow | undefined; used: number; inserted: boolean;
}

/**
 * Starts in one round trip, any number of them: for each, the participant its token stands for,
 * their latest attempt in the contest and the day's count (all as they were before this
 * statement), and the new attempt inserted in the same statement when the participant is of the
 * contest's province and not an organiser, has no attempt running and has a start left today.
 * The caller draws the same conclusions from what comes back, so `inserted` false with every
 * condition met means another start took the day's slot first (the unique (contest,
 * participant, day, seq) key), in this statement or another. Answers per start, in their order;
 * undefined for a token nobody holds. Each start's rows are found through their indexes, by a
 * lateral look-up per start: the statement is prepared, and a plan made while the tables were
 * small (a contest's first minutes) joined by scanning them whole, which cost 60 ms a statement
 * once they held thousands.
 */
export async function startByTokens(db: Database, terms: StartTerms, starts: readonly NewAttempt[]): Promise<(StartFound | undefined)[]> {
  const column = <K extends keyof NewAttempt>(key: K, text: (value: NewAttempt[K]) => string) => arrayLiteral(starts.map((s) => text(s[key])));
  const iso = (value: Date) => value.toISOString();
  const same = (value: string) => value;
  const r = await executePrepared(db, sql<{ ord: string; participant: Selectable<ContestParticipantsTable>; latest: AttemptRow | null; used: number; inserted: boolean }>`
    with i as materialized (
      select u.token_hash, u.id, q.questions, u.started_at, u.deadline, u.address, u.ord
      from unnest(${column('tokenHash', same)}::text[], ${column('id', same)}::uuid[],
        ${column('startedAt', iso)}::timestamptz[], ${column('deadline', iso)}::timestamptz[], ${column('address', same)}::text[])
        with ordinality as u(token_hash, id, started_at, deadline, address, ord)
        join jsonb_array_elements(${jsonColumn(starts.map((s) => s.questions))}::jsonb) with ordinality as q(questions, ord) on q.ord = u.ord),
    p as materialized (
      select i.ord, i.id, i.questions, i.started_at, i.deadline, i.address,
        c.id as participant_id, c.province_code, c.unit_code, c.phone_hash, row_to_json(c) as participant, row_to_json(l) as latest,
        coalesce(l.submitted_at is null and l.deadline > i.started_at, false) as running,
        (select count(*) from contest_attempts d where d.contest_id = ${terms.contestId} and d.participant_id = c.id and d.day = ${terms.day}::date)::int as used
      from i cross join lateral (select * from contest_participants c where c.token_hash = i.token_hash limit 1) c
        left join lateral (select * from contest_attempts a where a.contest_id = ${terms.contestId} and a.participant_id = c.id
          order by a.started_at desc limit 1) l on true),
    ins as (
      insert into contest_attempts (id, contest_id, phase_number, participant_id, province_code, unit_code, day, seq, questions, started_at, deadline, client_address)
      select id, ${terms.contestId}::uuid, ${terms.phaseNumber}::int, participant_id, province_code, unit_code, ${terms.day}::date, used + 1,
        questions, started_at, deadline, address
      from p
      where province_code = ${terms.provinceCode} and phone_hash <> all(${[...terms.organiserPhoneHashes]}::text[])
        and used < ${terms.attemptsPerDay} and not running
      order by ord
      on conflict do nothing
      returning id)
    select ord, participant, latest, used, exists (select 1 from ins where ins.id = p.id) as inserted from p`);
  const found = new Map(r.rows.map((row) => [Number(row.ord), row]));
  return starts.map((_, index) => {
    const row = found.get(index + 1);
    return row && { participant: row.participant, latest: row.latest ?? undefined, used: Number(row.used), inserted: row.inserted === true };
  });
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

/** One submission to write: its attempt, the unit it counts in, and what was scored. */
export interface ScoredSubmission {
  id: string; unitCode: string; submittedAt: Date; answers: string; prediction: number; correct: number; score: number; durationMs: number;
  address: string; unread?: UnreadGuard;
}

/**
 * Scores attempts only if nobody did before, makes each participant an entrant on their first
 * scored attempt and counts the entrants, all in one statement (one round trip, atomic by
 * itself), for any number of submissions. Of any number of identical submissions arriving
 * together the first to reach the row writes it; the others (in later statements: the caller
 * sends one submission of an attempt per statement) wait for its row lock, find it submitted
 * and change nothing. Nothing is written for a unit whose area is unrecorded (`areaKnown`
 * false): the caller records it and runs the statement again. With `unread`, nothing is written
 * either unless its conditions hold. Answers per submission, in their order. The attempts are
 * found by their ids as an array (an index scan whatever the plan thinks of the batch's size),
 * for the reason given at `startByTokens`.
 */
export async function scoreAttempts(db: Database, countSource: string, rows: readonly ScoredSubmission[]): Promise<{ scored: boolean; areaKnown: boolean }[]> {
  const column = (text: (row: ScoredSubmission) => string | null) => arrayLiteral(rows.map(text));
  const r = await executePrepared(db, sql<{ ord: string; scored: boolean; area_known: boolean }>`
    with i as materialized (
      select u.id, u.unit_code, u.submitted_at, j.answers, u.prediction, u.correct, u.score, u.duration_ms, u.address, u.token_hash, u.deadline_not_before, u.ord
      from unnest(${column((row) => row.id)}::uuid[], ${column((row) => row.unitCode)}::text[],
        ${column((row) => row.submittedAt.toISOString())}::timestamptz[],
        ${column((row) => String(row.prediction))}::int[], ${column((row) => String(row.correct))}::int[],
        ${column((row) => String(row.score))}::int[], ${column((row) => String(row.durationMs))}::int[], ${column((row) => row.address)}::text[],
        ${column((row) => row.unread?.tokenHash ?? null)}::text[], ${column((row) => row.unread?.deadlineNotBefore.toISOString() ?? null)}::timestamptz[])
        with ordinality as u(id, unit_code, submitted_at, prediction, correct, score, duration_ms, address, token_hash, deadline_not_before, ord)
        join jsonb_array_elements(${jsonColumn(rows.map((row) => row.answers))}::jsonb) with ordinality as j(answers, ord) on j.ord = u.ord),
    known as materialized (
      select i.*, ${areaKnownAt(sql.ref('i.unit_code'))} as area_known from i),
    scored as (
      update contest_attempts a set submitted_at = k.submitted_at, answers = k.answers, prediction = k.prediction,
        correct = k.correct, score = k.score, duration_ms = k.duration_ms, submit_address = k.address
      from known k
      where a.id = any(array(select id from known)) and a.id = k.id and a.submitted_at is null and k.area_known
        and (k.deadline_not_before is null or a.deadline >= k.deadline_not_before)
        and (k.token_hash is null or a.participant_id = (select c.id from contest_participants c where c.token_hash = k.token_hash))
      returning k.ord, a.contest_id, a.participant_id, a.phase_number, a.unit_code, a.province_code, a.day),
    entry as (
      insert into contest_entries (contest_id, participant_id, phase_number, unit_code, province_code, day)
      select contest_id, participant_id, phase_number, unit_code, province_code, day from scored order by participant_id
      on conflict (contest_id, participant_id, province_code) do nothing
      returning unit_code, province_code, day),
    ${countOnePerRow(countSource, 'entry')}
    select k.ord, exists (select 1 from scored s where s.ord = k.ord) as scored, k.area_known from known k`);
  const found = new Map(r.rows.map((row) => [Number(row.ord), row]));
  return rows.map((_, index) => {
    const row = found.get(index + 1)!;
    return { scored: row.scored === true, areaKnown: row.area_known === true };
  });
}

/** Entrants per unit and day, recounted from the entries: what the rollups must hold. */
export function countEntries(db: Database): Promise<{ unit_code: string; province_code: string; day: string; n: number }[]> {
  return db.selectFrom('contest_entries').select(['unit_code', 'province_code', 'day', sql<number>`count(*)`.as('n')])
    .groupBy(['unit_code', 'province_code', 'day']).execute();
}
