import type { Database } from '../../db/database.js';
import { batchesPerDatabase } from '../../db/statement-batches.js';
import { sqlStateOf, SQLSTATE } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import { fastUuidV7 } from '../../lib/fast-uuid.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { recordAreas } from '../rollups/rollups.service.js';
import { drawQuestions, type DrawnQuestion } from './attempt-draw.js';
import { bankIndex } from './bank-index.js';
import { paperBytes } from './paper-bytes.js';
import * as q from './attempts.queries.js';
import { POINTS_PER_QUESTION } from './contest-rules.js';
import { getContestState, phaseOn, type ContestState } from './contests.service.js';
import { participantOf, participantTokenHash, type Participant } from './participants.service.js';
import { forgetRunningAttempt, keepRunningAttempt, runningAttempt, type RunningAttempt } from './running-attempts.js';
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

/**
 * The paper as the participant sees it: texts and options in the drawn order, never which one is
 * right; and `bytes`, the answer as the route sends it, joined from bytes made once per bank.
 */
export class SentPaper implements AttemptPaper {
  readonly questions: AttemptPaper['questions'];
  readonly deadline: string;
  readonly #bytes: Buffer;

  constructor(readonly attemptId: string, drawn: readonly DrawnQuestion[], deadline: Date, bank: readonly BankQuestion[]) {
    const byId = bankIndex(bank);
    this.deadline = deadline.toISOString();
    this.questions = drawn.map((d) => {
      const { question, optionText } = byId.get(d.questionId)!;
      return { id: question.id, text: question.text, options: d.optionIds.map((optionId) => ({ id: optionId, text: optionText.get(optionId)! })) };
    });
    this.#bytes = paperBytes(attemptId, drawn, this.deadline, byId);
  }

  get bytes(): Buffer {
    return this.#bytes;
  }
}

const paperOf = (id: string, drawn: readonly DrawnQuestion[], deadline: Date, bank: readonly BankQuestion[]) => new SentPaper(id, drawn, deadline, bank);

function checkEligible(contest: ContestState, participant: Participant): void {
  // People of the province take part; the organisers, named by phone when the contest is set up, do not.
  if (participant.provinceCode !== contest.provinceCode || contest.organiserPhoneHashes.has(participant.phoneHash)) {
    throw new AppError('CONTEST_NOT_ELIGIBLE');
  }
}

/** What a start reads first: the participant, their latest attempt in the contest and how many they started today. */
interface StartState { participant: Participant; latest: q.AttemptRow | undefined; used: number }

/**
 * Starts an attempt, or hands back the one still running: a dropped connection resumes the
 * same questions and the same deadline. The clock is the server's; the deadline is fixed at
 * the start and never moves.
 */
export function startAttempt(db: Database, participant: Participant, contestId: string, address: string, now = new Date()): Promise<SentPaper> {
  return startWith(db, contestId, address, now, async (day) => ({ participant, ...(await q.selectLatestAndUsed(db, contestId, participant.id, day)) }));
}

/**
 * The route's start. While the contest is open today (its state and bank come from memory) it
 * is one statement: it reads the participant of the cookie, their latest attempt and the day's
 * count, and inserts the drawn paper when they may start (q.startByTokens, shared by the starts
 * that arrive together: `startBatches`); the checks below then run on what it read, in the same
 * order as the other path, so the answer is the same. Otherwise the read alone, then the refusal.
 */
export async function startWithToken(db: Database, token: string | undefined, contestId: string, address: string, now = new Date()): Promise<SentPaper> {
  const tokenHash = participantTokenHash(token);
  const day = vietnamDay(now);
  const open = await openContest(db, contestId, day, now);
  if (!tokenHash || !open) return startWith(db, contestId, address, now, () => readByToken(db, tokenHash, contestId, day));
  const { contest, phase, bank } = open;
  const { rules } = contest;
  const drawn = drawQuestions(bank, rules.questionsPerAttempt);
  const id = fastUuidV7(now.getTime());
  const deadline = new Date(now.getTime() + rules.timeLimitSeconds * 1000);
  const terms: q.StartTerms = {
    contestId, day, phaseNumber: phase.number, provinceCode: contest.provinceCode, organiserPhoneHashes: [...contest.organiserPhoneHashes],
    attemptsPerDay: rules.attemptsPerDay,
  };
  const found = await startBatches(db).add(`${contestId}/${day}/${phase.number}`, terms, {
    tokenHash, id, questions: JSON.stringify(drawn), startedAt: now, deadline, address,
  });
  if (!found) throw new AppError('PARTICIPANT_UNKNOWN');
  checkEligible(contest, participantOf(found.participant));
  const resumed = runningPaper(found.latest, now, bank);
  if (resumed) return resumed;
  if (found.used >= rules.attemptsPerDay) throw new AppError('ATTEMPT_DAILY_LIMIT');
  if (found.inserted) {
    keepRunningAttempt(id, { tokenHash, contestId, unitCode: found.participant.unit_code, drawn, startedAt: now.getTime(), deadline: deadline.getTime() });
    return paperOf(id, drawn, deadline, bank);
  }
  // Another start of the same person took the day's slot between the read and the insert.
  const raced = runningPaper((await q.selectLatestAndUsed(db, contestId, found.participant.id, day)).latest, now, bank);
  if (raced) return raced;
  throw new AppError('ATTEMPT_DAILY_LIMIT');
}

/**
 * Starts and scorings that arrive while one of their kind is being written go together in the
 * next statement (src/db/statement-batches.ts): one per contest, day and phase for starts, one
 * for all scorings. Rules and organisers are the first start's of the statement: the contest's
 * state as it stood a moment ago.
 */
const startBatches = batchesPerDatabase((db: Database) => (terms: q.StartTerms, starts: readonly q.NewAttempt[]) => q.startByTokens(db, terms, starts));
const scoreBatches = batchesPerDatabase((db: Database) => (source: string, rows: readonly q.ScoredSubmission[]) => q.scoreAttempts(db, source, rows));
const scoreAttempt = (db: Database, row: q.ScoredSubmission) => scoreBatches(db).add(CONTEST_ROLLUP_SOURCE, CONTEST_ROLLUP_SOURCE, row);

/** The contest, its phase open on `day` and its bank, or undefined when it is unknown or closed (the slow path refuses it). */
async function openContest(db: Database, contestId: string, day: string, now: Date) {
  const contest = await getContestState(db, contestId, now.getTime()).catch(() => undefined);
  const phase = contest && phaseOn(contest, day);
  return contest && phase ? { contest, phase, bank: await bankQuestions(db, contest.bankId) } : undefined;
}

async function readByToken(db: Database, tokenHash: string | undefined, contestId: string, day: string): Promise<StartState> {
  const found = tokenHash ? await q.selectParticipantLatestAndUsed(db, tokenHash, contestId, day) : undefined;
  if (!found) throw new AppError('PARTICIPANT_UNKNOWN');
  return { participant: participantOf(found.participant), latest: found.latest, used: found.used };
}

/** The paper of an attempt still running at `now`, else undefined. */
function runningPaper(attempt: q.AttemptRow | undefined, now: Date, bank: readonly BankQuestion[]): SentPaper | undefined {
  return attempt && attempt.submitted_at === null && new Date(attempt.deadline).getTime() > now.getTime()
    ? paperOf(attempt.id, attempt.questions as DrawnQuestion[], new Date(attempt.deadline), bank) : undefined;
}

async function startWith(db: Database, contestId: string, address: string, now: Date, read: (day: string) => Promise<StartState>): Promise<SentPaper> {
  const day = vietnamDay(now);
  // Two round trips, no transaction: thousands start in the same minute, and each round trip
  // to the database was the largest cost of a start (bench/README.md). The read answers the
  // participant, their latest attempt and the day's count together; the insert takes the next
  // slot of the day. The contest and its bank come from memory.
  const { participant, latest, used } = await read(day);
  const contest = await getContestState(db, contestId, now.getTime());
  checkEligible(contest, participant);
  const phase = phaseOn(contest, day);
  if (!phase) throw new AppError('CONTEST_NOT_OPEN');
  const bank = await bankQuestions(db, contest.bankId);
  const { rules } = contest;

  const running = (attempt: q.AttemptRow | undefined) => runningPaper(attempt, now, bank);

  const resumed = running(latest);
  if (resumed) return resumed;
  if (used >= rules.attemptsPerDay) throw new AppError('ATTEMPT_DAILY_LIMIT');
  const drawn = drawQuestions(bank, rules.questionsPerAttempt);
  const id = fastUuidV7(now.getTime());
  const deadline = new Date(now.getTime() + rules.timeLimitSeconds * 1000);
  try {
    await q.insertAttempt(db, {
      id, contest_id: contestId, phase_number: phase.number, participant_id: participant.id, province_code: contest.provinceCode,
      unit_code: participant.unitCode, day, seq: used + 1, questions: JSON.stringify(drawn), started_at: now, deadline, client_address: address,
    });
    return paperOf(id, drawn, deadline, bank);
  } catch (error) {
    if (sqlStateOf(error) !== SQLSTATE.UNIQUE_VIOLATION) throw error;
    // The unique (contest, participant, day, seq) serialises one person's starts: two tabs
    // pressing "start" together both aim at the same slot, one lands, the other resumes it.
    const raced = running((await q.selectLatestAndUsed(db, contestId, participant.id, day)).latest);
    if (raced) return raced;
    throw new AppError('ATTEMPT_DAILY_LIMIT');
  }
}

/** Checks every answer names a question of this attempt and one of that question's options, each question once. */
function checkAnswers(drawn: readonly DrawnQuestion[], answers: Submission['answers']): Map<string, string> {
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
 * answer. Two round trips: the attempt (with its participant, from the route), then one
 * statement that scores it if nobody did, records the entrant and counts them (see
 * q.scoreAttempts), so of fifty copies arriving together one scores and forty-nine are told it
 * was submitted already.
 */
export async function submitAttempt(
  db: Database, participant: Participant, attemptId: string, submission: Submission, address: string, now = new Date(),
): Promise<AttemptResult> {
  const attempt = await q.selectAttempt(db, attemptId);
  if (!attempt || attempt.participant_id !== participant.id) throw new AppError('ATTEMPT_NOT_FOUND', undefined, 'id');
  return scoreSubmission(db, attempt, submission, address, now);
}

/**
 * The route's submission. An attempt this process started is scored from memory and written by
 * one statement (one round trip) when every check passes; anything else (an attempt it does
 * not hold, another cookie, a refusal, a statement that changed nothing) takes the read-first
 * way, which answers each case in the order above.
 */
export async function submitWithToken(
  db: Database, token: string | undefined, attemptId: string, submission: Submission, address: string, now = new Date(),
): Promise<AttemptResult> {
  const tokenHash = participantTokenHash(token);
  const kept = tokenHash ? runningAttempt(attemptId) : undefined;
  if (kept && kept.tokenHash === tokenHash) {
    const result = await scoreUnread(db, attemptId, kept, submission, address, now);
    if (result) return result;
  }
  // The participant of the cookie and their attempt come in one read.
  const { participant, attempt } = tokenHash ? await q.selectParticipantAndAttempt(db, tokenHash, attemptId) : { participant: undefined, attempt: undefined };
  if (!participant) throw new AppError('PARTICIPANT_UNKNOWN');
  if (!attempt) throw new AppError('ATTEMPT_NOT_FOUND', undefined, 'id');
  return scoreSubmission(db, attempt, submission, address, now);
}

/** Scores a kept attempt in one statement, or answers undefined for the read-first way to decide. */
async function scoreUnread(db: Database, attemptId: string, kept: RunningAttempt, submission: Submission, address: string, now: Date): Promise<AttemptResult | undefined> {
  const contest = await getContestState(db, kept.contestId, now.getTime());
  const graceMs = contest.rules.graceSeconds * 1000;
  if (now.getTime() > kept.deadline + graceMs) return undefined;
  let prediction: number;
  let chosen: Map<string, string>;
  try {
    prediction = checkPrediction(submission.prediction);
    chosen = checkAnswers(kept.drawn, submission.answers);
  } catch {
    return undefined;
  }
  const result = scoreOf(kept.drawn, chosen, bankIndex(await bankQuestions(db, contest.bankId)), kept.startedAt, kept.deadline, now);
  const written = await scoreAttempt(db, {
    id: attemptId, unitCode: kept.unitCode, submittedAt: now, answers: answersJson(chosen), prediction, address, ...result,
    unread: { tokenHash: kept.tokenHash, deadlineNotBefore: new Date(now.getTime() - graceMs) },
  });
  if (!written.scored) return undefined;
  forgetRunningAttempt(attemptId);
  return result;
}

function scoreOf(drawn: readonly DrawnQuestion[], chosen: Map<string, string>, byId: ReturnType<typeof bankIndex>, startedAt: number, deadline: number, now: Date): AttemptResult {
  const correct = drawn.filter((d) => chosen.get(d.questionId) === byId.get(d.questionId)?.question.correctOptionId).length;
  // Time counts up to the deadline at most: the grace is for the network, not for thinking.
  const durationMs = Math.max(0, Math.min(now.getTime(), deadline) - startedAt);
  return { score: correct * POINTS_PER_QUESTION, correct, durationMs };
}

const answersJson = (chosen: Map<string, string>) => JSON.stringify([...chosen].map(([questionId, optionId]) => ({ questionId, optionId })));

async function scoreSubmission(db: Database, attempt: q.SubmissionRow, submission: Submission, address: string, now: Date): Promise<AttemptResult> {
  if (attempt.submitted_at !== null) throw new AppError('ATTEMPT_ALREADY_SUBMITTED');
  const contest = await getContestState(db, attempt.contest_id, now.getTime());
  const deadline = new Date(attempt.deadline).getTime();
  if (now.getTime() > deadline + contest.rules.graceSeconds * 1000) throw new AppError('ATTEMPT_DEADLINE_PASSED');
  const prediction = checkPrediction(submission.prediction);
  const drawn = attempt.questions as DrawnQuestion[];
  const chosen = checkAnswers(drawn, submission.answers);

  const byId = bankIndex(await bankQuestions(db, contest.bankId));
  const result = scoreOf(drawn, chosen, byId, new Date(attempt.started_at).getTime(), deadline, now);
  const write = () => scoreAttempt(db, {
    id: attempt.id, unitCode: attempt.unit_code, submittedAt: now, answers: answersJson(chosen), prediction, address, ...result,
  });
  let written = await write();
  if (!written.scored && !written.areaKnown) {
    // The unit's first count ever: its area is recorded once, then the statement runs again.
    await recordAreas(db, [attempt.unit_code]);
    written = await write();
  }
  if (!written.scored) throw new AppError('ATTEMPT_ALREADY_SUBMITTED');
  forgetRunningAttempt(attempt.id);
  return result;
}
