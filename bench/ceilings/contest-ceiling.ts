import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../src/db/database.js';
import { pool } from '../load-process.js';

/**
 * One attempt as the contest's ceiling writes it: who takes it, where they are counted, and the
 * paper and answers as stored (taken from an attempt the real path wrote, so the bytes match).
 */
export interface CeilingAttempt {
  participantId: string;
  unitCode: string;
  provinceCode: string;
  /** The rollup area the unit's counts go to (rollup_area_members), looked up before the clock starts. */
  areaCode: string;
  questions: string;
  answers: string;
  prediction: number;
  correct: number;
  score: number;
}

/** The contest, phase and day the ceiling's attempts belong to, and the rollup source of entrants. */
export interface CeilingContest {
  contestId: string;
  phaseNumber: number;
  day: string;
  source: string;
}

/**
 * The attempts of contest `fromContestId` as the ceiling writes them again (one per participant:
 * their latest scored attempt), each with its unit's rollup area. Read before the clock starts.
 */
export async function attemptsLike(db: Database, fromContestId: string): Promise<CeilingAttempt[]> {
  const r = await sql<{ participant_id: string; unit_code: string; province_code: string; area_code: string; questions: unknown; answers: unknown; prediction: number; correct: number; score: number }>`
    select distinct on (a.participant_id) a.participant_id, a.unit_code, a.province_code, m.area_code,
           a.questions, a.answers, a.prediction, a.correct, a.score
    from contest_attempts a join rollup_area_members m on m.unit_code = a.unit_code
    where a.contest_id = ${fromContestId} and a.submitted_at is not null
    order by a.participant_id, a.started_at desc`.execute(db);
  return r.rows.map((row) => ({
    participantId: row.participant_id, unitCode: row.unit_code, provinceCode: row.province_code, areaCode: row.area_code,
    questions: JSON.stringify(row.questions), answers: JSON.stringify(row.answers),
    prediction: Number(row.prediction), correct: Number(row.correct), score: Number(row.score),
  }));
}

/**
 * The contest's plain-SQL ceiling: for every attempt, the rows a start writes (the attempt) and
 * then the rows its submission writes (the attempt scored once, the entrant, the unit's and its
 * area's entrant counts), two statements as the real path's two writes, with `concurrency`
 * attempts in flight over the database handle `db` (the server's own pool, so as many
 * connections as the server has). No HTTP, no validation, no reads: every value is known
 * beforehand. `ceilings.test.ts` counts the rows each side writes and keeps them equal.
 * Answers the milliseconds from the first statement to the last answer.
 */
export async function writeAttemptsBySql(db: Database, contest: CeilingContest, attempts: readonly CeilingAttempt[], concurrency: number): Promise<number> {
  const started = performance.now();
  await pool(attempts.length, concurrency, (i) => writeOne(db, contest, attempts[i]!));
  return performance.now() - started;
}

/**
 * The contest's batched plain-SQL ceiling: the same rows as `writeAttemptsBySql`, written as the
 * server now writes them (src/db/statement-batches.ts), many attempts to a statement. The
 * attempts go in batches of `batchSize`, two batches in flight (as the server's starts and
 * scorings run side by side); each batch is one statement inserting its attempts, then one
 * statement scoring them, making their entrants and adding the counts grouped by unit and area.
 * No HTTP, no validation, no reads. Answers the milliseconds from the first statement to the
 * last answer.
 */
export async function writeAttemptBatchesBySql(db: Database, contest: CeilingContest, attempts: readonly CeilingAttempt[], batchSize: number): Promise<number> {
  const batches: CeilingAttempt[][] = [];
  for (let i = 0; i < attempts.length; i += batchSize) batches.push(attempts.slice(i, i + batchSize));
  const started = performance.now();
  await pool(batches.length, 2, (i) => writeBatch(db, contest, batches[i]!));
  return performance.now() - started;
}

async function writeBatch(db: Database, contest: CeilingContest, batch: readonly CeilingAttempt[]): Promise<void> {
  const ids = batch.map(() => uuidv7());
  const startedAt = new Date();
  const deadline = new Date(startedAt.getTime() + 600_000);
  const column = <K extends keyof CeilingAttempt>(key: K) => batch.map((a) => a[key]);
  await sql`
    insert into contest_attempts (id, contest_id, phase_number, participant_id, province_code, unit_code, day, seq,
                                  questions, started_at, deadline, client_address)
    select id, ${contest.contestId}, ${contest.phaseNumber}, participant_id, province_code, unit_code, ${contest.day}, 1,
           questions, ${startedAt}, ${deadline}, '127.0.0.1'
    from unnest(${ids}::uuid[], ${column('participantId')}::uuid[], ${column('provinceCode')}::text[], ${column('unitCode')}::text[],
                ${column('questions')}::jsonb[]) as i(id, participant_id, province_code, unit_code, questions)`.execute(db);
  const submittedAt = new Date();
  await sql`
    with i as (
      select * from unnest(${ids}::uuid[], ${column('areaCode')}::text[], ${column('answers')}::jsonb[], ${column('prediction')}::int[],
                           ${column('correct')}::int[], ${column('score')}::int[])
        as i(id, area_code, answers, prediction, correct, score)),
    scored as (
      update contest_attempts a set submitted_at = ${submittedAt}, answers = i.answers, prediction = i.prediction,
        correct = i.correct, score = i.score, duration_ms = ${submittedAt.getTime() - startedAt.getTime()}, submit_address = '127.0.0.1'
      from i where a.id = i.id and a.submitted_at is null
      returning a.contest_id, a.participant_id, a.phase_number, a.unit_code, a.province_code, a.day, i.area_code),
    entry as (
      insert into contest_entries (contest_id, participant_id, phase_number, unit_code, province_code, day)
      select contest_id, participant_id, phase_number, unit_code, province_code, day from scored order by participant_id
      on conflict (contest_id, participant_id, province_code) do nothing
      returning participant_id, unit_code, province_code, day),
    counted as (
      select e.unit_code, e.province_code, e.day, s.area_code from entry e join scored s using (participant_id)),
    unit_count as (
      insert into rollup_counts (source, unit_code, day, province_code, value)
      select ${contest.source}, unit_code, day, province_code, count(*) from counted
      group by unit_code, day, province_code order by unit_code, day
      on conflict (source, unit_code, day, province_code) do update set value = rollup_counts.value + excluded.value),
    area_count as (
      insert into rollup_area_counts (area_code, source, day, province_code, value)
      select area_code, ${contest.source}, day, province_code, count(*) from counted
      group by area_code, day, province_code order by area_code, day
      on conflict (area_code, source, day, province_code) do update set value = rollup_area_counts.value + excluded.value)
    insert into rollup_area_totals (area_code, source, province_code, value)
    select area_code, ${contest.source}, province_code, count(*) from counted group by area_code, province_code order by area_code
    on conflict (area_code, source, province_code) do update set value = rollup_area_totals.value + excluded.value`.execute(db);
}

async function writeOne(db: Database, contest: CeilingContest, a: CeilingAttempt): Promise<void> {
  const id = uuidv7();
  const startedAt = new Date();
  const deadline = new Date(startedAt.getTime() + 600_000);
  await sql`
    insert into contest_attempts (id, contest_id, phase_number, participant_id, province_code, unit_code, day, seq,
                                  questions, started_at, deadline, client_address)
    values (${id}, ${contest.contestId}, ${contest.phaseNumber}, ${a.participantId}, ${a.provinceCode}, ${a.unitCode},
            ${contest.day}, 1, ${a.questions}::jsonb, ${startedAt}, ${deadline}, '127.0.0.1')`.execute(db);
  const submittedAt = new Date();
  await sql`
    with scored as (
      update contest_attempts set submitted_at = ${submittedAt}, answers = ${a.answers}::jsonb, prediction = ${a.prediction},
        correct = ${a.correct}, score = ${a.score}, duration_ms = ${submittedAt.getTime() - startedAt.getTime()}, submit_address = '127.0.0.1'
      where id = ${id} and submitted_at is null
      returning contest_id, participant_id, phase_number, unit_code, province_code, day),
    entry as (
      insert into contest_entries (contest_id, participant_id, phase_number, unit_code, province_code, day)
      select contest_id, participant_id, phase_number, unit_code, province_code, day from scored
      on conflict (contest_id, participant_id, province_code) do nothing
      returning unit_code, province_code, day),
    unit_count as (
      insert into rollup_counts (source, unit_code, day, province_code, value)
      select ${contest.source}, unit_code, day, province_code, 1 from entry
      on conflict (source, unit_code, day, province_code) do update set value = rollup_counts.value + excluded.value),
    area_count as (
      insert into rollup_area_counts (area_code, source, day, province_code, value)
      select ${a.areaCode}, ${contest.source}, day, province_code, 1 from entry
      on conflict (area_code, source, day, province_code) do update set value = rollup_area_counts.value + excluded.value)
    insert into rollup_area_totals (area_code, source, province_code, value)
    select ${a.areaCode}, ${contest.source}, province_code, 1 from entry
    on conflict (area_code, source, province_code) do update set value = rollup_area_totals.value + excluded.value`.execute(db);
}
