import type { Database } from '../../db/database.js';
import { inTransaction, sqlStateOf, SQLSTATE } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import { fastUuidV7 } from '../../lib/fast-uuid.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { addToRollups, holdRollupsForWrite } from '../rollups/rollups.service.js';
import { drawQuestions, type DrawnQuestion } from './attempt-draw.js';
import * as q from './attempts.queries.js';
import { POINTS_PER_QUESTION } from './contest-rules.js';
import { getContestState, phaseOn, type ContestState } from './contests.service.js';
import type { Participant } from './participants.service.js';
import { bankQuestions, type BankQuestion } from '../question-banks/question-banks.service.js';

/** The rollup source of contest entrants: people who submitted at least one attempt, counted once per contest. */
export const CONTEST_ROLLUP_SOURCE = 'contest_participants';

export interface AttemptPaper {
  attemptId: string;
  questions: { id: string; text: string; options: { id: string; text: string }[] }[];
  deadline: string;
}

export interface AttemptResult {
  score: number;
  correct: number;
  durationMs: number;
}

export interface Submission {
  answers: { questionId: string; optionId: string }[];
  prediction: unknown;
}

/** The paper as the participant sees it: texts and options in the drawn order, never which one is right. */
function paperOf(id: string, drawn: DrawnQuestion[], deadline: Date, bank: readonly BankQuestion[]): AttemptPaper {
  const byId = new Map(bank.map((question) => [question.id, question]));
  return {
    attemptId: id,
    deadline: deadline.toISOString(),
    questions: drawn.map((d) => {
      const question = byId.get(d.questionId)!;
      const options = new Map(question.options.map((o) => [o.id, o.text]));
      return { id: question.id, text: question.text, options: d.optionIds.map((optionId) => ({ id: optionId, text: options.get(optionId)! })) };
    }),
  };
}

function checkEligible(contest: ContestState, participant: Participant): void {
  // People of the province take part; the organisers, named by phone when the contest is set up, do not.
  if (participant.provinceCode !== contest.provinceCode || contest.organiserPhoneHashes.has(participant.phoneHash)) {
    throw new AppError('CONTEST_NOT_ELIGIBLE');
  }
}

/**
 * Starts an attempt, or hands back the one still running: a dropped connection resumes the
 * same questions and the same deadline. The clock is the server's; the deadline is fixed at
 * the start and never moves.
 */
export async function startAttempt(db: Database, participant: Participant, contestId: string, address: string, now = new Date()): Promise<AttemptPaper> {
  const contest = await getContestState(db, contestId, now.getTime());
  checkEligible(contest, participant);
  const day = vietnamDay(now);
  const phase = phaseOn(contest, day);
  if (!phase) throw new AppError('CONTEST_NOT_OPEN');
  const bank = await bankQuestions(db, contest.bankId);
  const { rules } = contest;

  try {
    return await inTransaction(db, async (trx) => {
      await q.lockParticipant(trx, participant.id);
      const latest = await q.selectLatestAttempt(trx, contestId, participant.id);
      if (latest && latest.submitted_at === null && new Date(latest.deadline).getTime() > now.getTime()) {
        return paperOf(latest.id, latest.questions as DrawnQuestion[], new Date(latest.deadline), bank);
      }
      const used = await q.countAttemptsOnDay(trx, contestId, participant.id, day);
      if (used >= rules.attemptsPerDay) throw new AppError('ATTEMPT_DAILY_LIMIT');
      const drawn = drawQuestions(bank, rules.questionsPerAttempt);
      const id = fastUuidV7(now.getTime());
      const deadline = new Date(now.getTime() + rules.timeLimitSeconds * 1000);
      await q.insertAttempt(trx, {
        id, contest_id: contestId, phase_number: phase.number, participant_id: participant.id, province_code: contest.provinceCode,
        unit_code: participant.unitCode, day, seq: used + 1, questions: JSON.stringify(drawn), started_at: now, deadline, client_address: address,
      });
      return paperOf(id, drawn, deadline, bank);
    });
  } catch (error) {
    // The unique (contest, participant, day, seq) is the last guard should two starts ever pass the lock together.
    if (sqlStateOf(error) === SQLSTATE.UNIQUE_VIOLATION) throw new AppError('ATTEMPT_DAILY_LIMIT');
    throw error;
  }
}

/** Checks every answer names a question of this attempt and one of that question's options, each question once. */
function checkAnswers(drawn: DrawnQuestion[], answers: Submission['answers']): Map<string, string> {
  const options = new Map(drawn.map((d) => [d.questionId, new Set(d.optionIds)]));
  const chosen = new Map<string, string>();
  answers.forEach((answer, i) => {
    const allowed = options.get(answer.questionId);
    if (!allowed) throw new AppError('ATTEMPT_ANSWER_UNKNOWN_QUESTION', undefined, `answers[${i}].questionId`);
    if (!allowed.has(answer.optionId)) throw new AppError('ATTEMPT_ANSWER_UNKNOWN_OPTION', undefined, `answers[${i}].optionId`);
    if (chosen.has(answer.questionId)) throw new AppError('ATTEMPT_ANSWER_REPEATED', undefined, `answers[${i}].questionId`);
    chosen.set(answer.questionId, answer.optionId);
  });
  return chosen;
}

const MAX_PREDICTION = 100_000_000;

function checkPrediction(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_PREDICTION) {
    throw new AppError('PREDICTION_INVALID', 'A whole number from 0', 'prediction');
  }
  return value;
}

/**
 * Scores a submission once. The refusals come in a fixed order (unknown attempt, already
 * submitted, too late, bad prediction, bad answers) so the same request always gets the same
 * answer; the write itself is a conditional UPDATE, so of fifty copies arriving together one
 * scores and forty-nine are told it was submitted already.
 */
export async function submitAttempt(
  db: Database, participant: Participant, attemptId: string, submission: Submission, address: string, now = new Date(),
): Promise<AttemptResult> {
  const attempt = await q.selectAttempt(db, attemptId);
  if (!attempt || attempt.participant_id !== participant.id) throw new AppError('ATTEMPT_NOT_FOUND', undefined, 'id');
  if (attempt.submitted_at !== null) throw new AppError('ATTEMPT_ALREADY_SUBMITTED');
  const contest = await getContestState(db, attempt.contest_id, now.getTime());
  const deadline = new Date(attempt.deadline).getTime();
  if (now.getTime() > deadline + contest.rules.graceSeconds * 1000) throw new AppError('ATTEMPT_DEADLINE_PASSED');
  const prediction = checkPrediction(submission.prediction);
  const drawn = attempt.questions as DrawnQuestion[];
  const chosen = checkAnswers(drawn, submission.answers);

  const rightOf = new Map((await bankQuestions(db, contest.bankId)).map((question) => [question.id, question.correctOptionId]));
  const correct = drawn.filter((d) => chosen.get(d.questionId) === rightOf.get(d.questionId)).length;
  const startedAt = new Date(attempt.started_at).getTime();
  // Time counts up to the deadline at most: the grace is for the network, not for thinking.
  const durationMs = Math.max(0, Math.min(now.getTime(), deadline) - startedAt);
  const result = { score: correct * POINTS_PER_QUESTION, correct, durationMs };

  await inTransaction(db, async (trx) => {
    const scored = await q.scoreAttempt(trx, attemptId, {
      submittedAt: now, answers: JSON.stringify([...chosen].map(([questionId, optionId]) => ({ questionId, optionId }))),
      prediction, address, ...result,
    });
    if (!scored) throw new AppError('ATTEMPT_ALREADY_SUBMITTED');
    const entry = { contest_id: attempt.contest_id, participant_id: participant.id, phase_number: attempt.phase_number, unit_code: attempt.unit_code, province_code: attempt.province_code, day: attempt.day };
    if (await q.insertEntry(trx, entry)) {
      await holdRollupsForWrite(trx);
      await addToRollups(trx, [{ source: CONTEST_ROLLUP_SOURCE, unitCode: entry.unit_code, provinceCode: entry.province_code, day: entry.day, delta: 1 }]);
    }
  });
  return result;
}
