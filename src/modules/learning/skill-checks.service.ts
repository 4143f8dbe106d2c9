import { randomInt } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import { fastUuidV7 } from '../../lib/fast-uuid.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { issueCertificates } from './certificates/certificates.service.js';
import { findResidentGroups, recordResidentMilestone } from '../people/people.public.js';
import { bankQuestions, getBank, type BankQuestion } from '../question-banks/question-banks.service.js';
import { requiredSkillsFor } from './framework.service.js';
import type { Learner } from './learners.service.js';
import * as q from './skill-checks.queries.js';

/** The milestone a learner reaches by passing every skill their target group must confirm. */
export const SKILLS_CONFIRMED = 'skills_confirmed';
/** A submission this late after the deadline still counts: the time the answer spent on the network. */
const GRACE_MS = 5_000;

export interface SkillCheckSetting {
  skillCode: string;
  /** The Vietnamese bank: every learner whose language has no bank of its own draws from it. */
  bankId: string;
  questionCount: number;
  passPercent: number;
  minutes: number;
  /** Banks in other languages (English, Ê Đê…), each with at least questionCount questions. */
  languages?: { lang: string; bankId: string }[];
}

export async function listSkillCheckSettings(db: Database): Promise<(SkillCheckSetting & { languages: { lang: string; bankId: string }[] })[]> {
  const banks = await q.selectLanguageBanks(db);
  return (await q.selectSettings(db)).map((row) => ({
    skillCode: row.skill_code, bankId: row.bank_id, questionCount: row.question_count, passPercent: row.pass_percent, minutes: row.minutes,
    languages: banks.filter((b) => b.skill_code === row.skill_code).map((b) => ({ lang: b.lang, bankId: b.bank_id })),
  }));
}

async function checkBank(db: Database, provinceCode: string | null, bankId: string, questionCount: number, field: string): Promise<void> {
  const bank = await getBank(db, bankId).catch(() => null);
  if (!bank || (provinceCode !== null && bank.provinceCode !== provinceCode)) throw new AppError('BANK_NOT_FOUND', undefined, field);
  if (bank.questionCount < questionCount) throw new AppError('CONTEST_BANK_TOO_SMALL', undefined, field === 'bankId' ? 'questionCount' : field);
}

export async function saveSkillCheckSetting(db: Database, provinceCode: string | null, input: SkillCheckSetting): Promise<void> {
  await checkBank(db, provinceCode, input.bankId, input.questionCount, 'bankId');
  const languages = input.languages ?? [];
  const seen = new Set<string>();
  for (const [i, language] of languages.entries()) {
    if (language.lang === 'vi') throw new AppError('VALIDATION_FAILED', 'The Vietnamese bank is bankId', `languages[${i}].lang`);
    if (seen.has(language.lang)) throw new AppError('VALIDATION_FAILED', `Language ${language.lang} given twice`, `languages[${i}].lang`);
    seen.add(language.lang);
    await checkBank(db, provinceCode, language.bankId, input.questionCount, `languages[${i}].bankId`);
  }
  await inTransaction(db, async (trx) => {
    await q.upsertSetting(trx, { skill_code: input.skillCode, bank_id: input.bankId, question_count: input.questionCount, pass_percent: input.passPercent, minutes: input.minutes });
    // A setting saved without `languages` keeps the banks it had (older callers send none).
    if (input.languages) await q.replaceLanguageBanks(trx, input.skillCode, languages.map((l) => ({ lang: l.lang, bank_id: l.bankId })));
  }).catch((error: unknown) => {
    if ((error as { code?: string }).code === '23503') throw new AppError('SKILL_UNKNOWN', undefined, 'skillCode');
    throw error;
  });
}

/** The target groups a learner belongs to: their resident record's, else a citizen. */
async function groupsOf(db: Database, learner: Learner): Promise<string[]> {
  if (!learner.residentId) return [];
  return (await findResidentGroups(db, [learner.residentId])).get(learner.residentId) ?? [];
}

export async function requiredSkillsOf(db: Database, learner: Learner): Promise<string[]> {
  return requiredSkillsFor(db, await groupsOf(db, learner));
}

type StoredQuestion = BankQuestion;

export interface SkillCheckPaper {
  attemptId: string;
  skillCode: string;
  startedAt: string;
  deadline: string;
  /** The server's clock when it answered, so the learner's countdown does not trust the phone's clock. */
  serverNow: string;
  questions: { id: string; text: string; options: { id: string; text: string }[] }[];
}

function paperOf(row: q.AttemptRow): SkillCheckPaper {
  const questions = row.questions as StoredQuestion[];
  return {
    attemptId: row.id, skillCode: row.skill_code, startedAt: new Date(row.started_at).toISOString(), deadline: new Date(row.deadline).toISOString(),
    serverNow: new Date().toISOString(),
    questions: questions.map((question) => ({ id: question.id, text: question.text, options: question.options.map((o) => ({ id: o.id, text: o.text })) })),
  };
}

/** Picks `count` questions at random on the server (partial Fisher–Yates with a cryptographic source). */
function draw<T>(items: readonly T[], count: number): T[] {
  const pool = [...items];
  for (let i = 0; i < count; i += 1) {
    const j = i + randomInt(pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

/**
 * Starts a check of one skill, or resumes the one still running: its questions, never their
 * answers. The questions come from the bank of the learner's language, Vietnamese as the fallback;
 * a running attempt keeps the language it started in.
 */
export async function startSkillCheck(db: Database, learner: Learner, skillCode: string, lang = 'vi'): Promise<SkillCheckPaper> {
  const setting = (await q.selectSettings(db)).find((s) => s.skill_code === skillCode);
  if (!setting) throw new AppError('SKILL_CHECK_NOT_READY', undefined, 'skillCode');
  const now = new Date();
  const running = (await q.selectAttemptsOf(db, learner.userId))
    .find((a) => a.skill_code === skillCode && a.submitted_at === null && new Date(a.deadline).getTime() > now.getTime());
  if (running) return paperOf(running);
  const own = (await q.selectLanguageBanks(db)).find((b) => b.skill_code === skillCode && b.lang === lang);
  const questions = draw(await bankQuestions(db, own?.bank_id ?? setting.bank_id), setting.question_count);
  const row = {
    id: fastUuidV7(), skill_code: skillCode, user_id: learner.userId, resident_id: learner.residentId, unit_code: learner.unitCode,
    province_code: learner.provinceCode, questions: JSON.stringify(questions), pass_percent: setting.pass_percent,
    started_at: now, deadline: new Date(now.getTime() + setting.minutes * 60_000),
  };
  await q.insertAttempt(db, row);
  return paperOf((await q.selectAttempt(db, row.id))!);
}

export interface SkillCheckResult {
  attemptId: string;
  skillCode: string;
  correct: number;
  total: number;
  passed: boolean;
  /** True when this pass completed the learner's target group: the milestone was recorded. */
  skillsConfirmed: boolean;
}

/**
 * Scores a check once, on the server. Answers after the deadline, to questions the attempt does
 * not hold, or to options they do not have, are refused whole.
 */
export async function submitSkillCheck(
  db: Database, learner: Learner, attemptId: string, answers: readonly { questionId: string; optionId: string }[],
): Promise<SkillCheckResult> {
  const attempt = await q.selectAttempt(db, attemptId);
  if (!attempt || attempt.user_id !== learner.userId) throw new AppError('ATTEMPT_NOT_FOUND', undefined, 'attemptId');
  if (attempt.submitted_at !== null) throw new AppError('ATTEMPT_ALREADY_SUBMITTED', undefined, 'attemptId');
  const now = new Date();
  if (now.getTime() > new Date(attempt.deadline).getTime() + GRACE_MS) throw new AppError('ATTEMPT_DEADLINE_PASSED', undefined, 'attemptId');
  const questions = attempt.questions as StoredQuestion[];
  const byId = new Map(questions.map((question) => [question.id, question]));
  const chosen = new Map<string, string>();
  answers.forEach((answer, i) => {
    const question = byId.get(answer.questionId);
    if (!question) throw new AppError('ATTEMPT_ANSWER_UNKNOWN_QUESTION', undefined, `answers[${i}].questionId`);
    if (chosen.has(answer.questionId)) throw new AppError('ATTEMPT_ANSWER_REPEATED', undefined, `answers[${i}].questionId`);
    if (!question.options.some((o) => o.id === answer.optionId)) throw new AppError('ATTEMPT_ANSWER_UNKNOWN_OPTION', undefined, `answers[${i}].optionId`);
    chosen.set(answer.questionId, answer.optionId);
  });
  const correct = questions.filter((question) => chosen.get(question.id) === question.correctOptionId).length;
  const passed = correct * 100 >= attempt.pass_percent * questions.length;
  const before = await passedSkills(db, learner.userId);
  return inTransaction(db, async (trx) => {
    if (!(await q.submitAttempt(trx, attemptId, now, JSON.stringify(Object.fromEntries(chosen)), correct, passed))) {
      throw new AppError('ATTEMPT_ALREADY_SUBMITTED', undefined, 'attemptId');
    }
    let skillsConfirmed = false;
    if (passed) skillsConfirmed = await confirmWhenComplete(trx, learner, before, new Set([...before, attempt.skill_code]));
    return { attemptId, skillCode: attempt.skill_code, correct, total: questions.length, passed, skillsConfirmed };
  });
}

async function passedSkills(db: Database, userId: string): Promise<Set<string>> {
  return new Set((await q.selectAttemptsOf(db, userId)).filter((a) => a.passed).map((a) => a.skill_code));
}

/**
 * The pass that completes the target group's skills records `skills_confirmed` (source: test)
 * on the learner's resident record, counted in the targets in the same transaction. A learner
 * without a resident record gets it when an officer links one (see confirmOnLink).
 */
async function confirmWhenComplete(trx: Database, learner: Learner, before: Set<string>, after: Set<string>): Promise<boolean> {
  const required = await requiredSkillsOf(trx, learner);
  if (required.length === 0 || !required.every((code) => after.has(code))) return false;
  if (required.every((code) => before.has(code))) return false;
  if (learner.residentId) {
    await recordResidentMilestone(trx, { residentId: learner.residentId, kind: SKILLS_CONFIRMED, achievedOn: vietnamDay(), source: 'test', skills: required, recordedBy: learner.userId });
  }
  // The certificate comes with the confirmation, in the same transaction.
  await issueCertificates(trx, [{
    milestoneId: null, residentId: learner.residentId, userId: learner.userId, skills: required, achievedOn: vietnamDay(),
    source: 'test', unitCode: learner.unitCode, provinceCode: learner.provinceCode,
  }]);
  return true;
}

/** When an account that had passed its checks is linked to a resident, the milestone follows. */
export async function confirmOnLink(db: Database, learner: Learner): Promise<boolean> {
  const passed = await passedSkills(db, learner.userId);
  const required = await requiredSkillsOf(db, learner);
  if (!learner.residentId || required.length === 0 || !required.every((code) => passed.has(code))) return false;
  await recordResidentMilestone(db, { residentId: learner.residentId, kind: SKILLS_CONFIRMED, achievedOn: vietnamDay(), source: 'test', skills: required, recordedBy: learner.userId });
  return true;
}

export interface MySkillCheck {
  skillCode: string;
  required: boolean;
  ready: boolean;
  questionCount: number | null;
  minutes: number | null;
  passPercent: number | null;
  passed: boolean;
  bestCorrect: number | null;
  runningAttemptId: string | null;
}

/** Each skill's check as the learner sees it: required for their group or not, passed or not. */
export async function mySkillChecks(db: Database, learner: Learner, skillCodes: readonly string[]): Promise<{ items: MySkillCheck[]; confirmed: boolean }> {
  const settings = new Map((await q.selectSettings(db)).map((s) => [s.skill_code, s]));
  const attempts = await q.selectAttemptsOf(db, learner.userId);
  const required = new Set(await requiredSkillsOf(db, learner));
  const now = Date.now();
  const items = skillCodes.map((code) => {
    const mine = attempts.filter((a) => a.skill_code === code);
    const setting = settings.get(code);
    const best = mine.reduce<number | null>((max, a) => (a.correct !== null && (max === null || a.correct > max) ? a.correct : max), null);
    return {
      skillCode: code, required: required.has(code), ready: setting !== undefined,
      questionCount: setting?.question_count ?? null, minutes: setting?.minutes ?? null, passPercent: setting?.pass_percent ?? null,
      passed: mine.some((a) => a.passed), bestCorrect: best,
      runningAttemptId: mine.find((a) => a.submitted_at === null && new Date(a.deadline).getTime() > now)?.id ?? null,
    };
  });
  const confirmed = required.size > 0 && items.filter((i) => i.required).every((i) => i.passed);
  return { items, confirmed };
}
