import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import { importInvalid } from '../../lib/csv.js';
import { fastUuidV7 } from '../../lib/fast-uuid.js';
import type { SpreadsheetFormat } from '../../lib/xlsx.js';
import { parseAiken, writeAiken } from './aiken.js';
import type { DraftQuestion, ParsedBank } from './bank-question.js';
import { parseBankSheet, writeBankXlsx } from './bank-sheet.js';
import { parseGift, writeGift } from './gift.js';
import * as q from './question-banks.queries.js';

export type BankFormat = 'aiken' | 'gift' | SpreadsheetFormat;

/**
 * Question banks, kept apart from the contest so the learning module's quizzes can use the same
 * banks, files and checks. A bank never changes once imported (attempts name its questions and
 * options); correcting one is importing a new bank.
 */
export interface BankOption {
  id: string;
  text: string;
}

export interface BankQuestion {
  id: string;
  topic: string;
  text: string;
  options: BankOption[];
  correctOptionId: string;
}

export interface BankSummary {
  id: string;
  provinceCode: string;
  name: string;
  questionCount: number;
  createdAt: string;
}

const MAX_QUESTIONS = 20_000;

function summaryOf(row: q.BankRow): BankSummary {
  return { id: row.id, provinceCode: row.province_code, name: row.name, questionCount: row.question_count, createdAt: new Date(row.created_at).toISOString() };
}

async function parseBank(format: BankFormat, body: Buffer, topic: string): Promise<ParsedBank> {
  if (format === 'xlsx' || format === 'csv') return parseBankSheet(body, format);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw importInvalid([{ row: 1, reason: 'BAD_ENCODING' }]);
  }
  return format === 'aiken' ? parseAiken(text, topic) : parseGift(text);
}

/** Option ids are random per bank, so an id says nothing about its place or about the right one. */
function optionId(): string {
  return randomBytes(6).toString('base64url');
}

/** Imports a whole file or nothing: any refused row answers the full per-row report and writes nothing. */
export async function importBank(
  db: Database, input: { provinceCode: string; name: string; format: BankFormat; topic?: string; body: Buffer; actorId: string | null },
): Promise<BankSummary> {
  const { questions, errors } = await parseBank(input.format, input.body, input.topic ?? '');
  if (errors.length > 0) throw importInvalid(errors);
  if (questions.length === 0) throw importInvalid([{ row: 1, reason: 'BANK_EMPTY' }]);
  if (questions.length > MAX_QUESTIONS) throw importInvalid([{ row: 1, reason: 'TOO_MANY_ROWS', params: { max: MAX_QUESTIONS } }]);
  const bankId = fastUuidV7();
  const rows = questions.map((draft, sort) => {
    const options = draft.options.map((text) => ({ id: optionId(), text }));
    return { id: fastUuidV7(), bank_id: bankId, sort, topic: draft.topic, text: draft.text, options: JSON.stringify(options), correct_option_id: options[draft.correct]!.id };
  });
  const bank = { id: bankId, province_code: input.provinceCode, name: input.name, question_count: rows.length, created_by: input.actorId };
  await inTransaction(db, (trx) => q.insertBank(trx, bank, rows));
  return summaryOf((await q.selectBank(db, bankId))!);
}

export async function getBank(db: Database, id: string): Promise<BankSummary> {
  const row = await q.selectBank(db, id);
  if (!row) throw new AppError('BANK_NOT_FOUND', undefined, 'bankId');
  return summaryOf(row);
}

export async function listBanks(db: Database, provinceCode: string): Promise<BankSummary[]> {
  return (await q.selectBanksOfProvince(db, provinceCode)).map(summaryOf);
}

/**
 * Every question of a bank, kept in memory: banks never change, and a synchronised contest
 * start would otherwise read the same thousand rows once per participant.
 */
const kept = new Map<string, Promise<readonly BankQuestion[]>>();
const KEPT_BANKS = 32;

export function bankQuestions(db: Database, bankId: string): Promise<readonly BankQuestion[]> {
  let questions = kept.get(bankId);
  if (!questions) {
    questions = q.selectBankQuestions(db, bankId).then((rows) => rows.map((row) => ({
      id: row.id, topic: row.topic, text: row.text, options: row.options as BankOption[], correctOptionId: row.correct_option_id,
    })));
    // A failed read is not kept, so the next caller tries again.
    questions.catch(() => kept.delete(bankId));
    if (kept.size >= KEPT_BANKS) kept.delete(kept.keys().next().value!);
    kept.set(bankId, questions);
  }
  return questions;
}

/** The bank in one of the import formats, so an officer can correct it and import it again. */
export async function exportBank(db: Database, bankId: string, format: BankFormat): Promise<Buffer> {
  const drafts: Omit<DraftQuestion, 'line'>[] = (await bankQuestions(db, bankId)).map((question) => ({
    topic: question.topic,
    text: question.text,
    options: question.options.map((o) => o.text),
    correct: question.options.findIndex((o) => o.id === question.correctOptionId),
  }));
  if (format === 'aiken') return Buffer.from(writeAiken(drafts));
  if (format === 'gift') return Buffer.from(writeGift(drafts));
  if (format === 'xlsx') return writeBankXlsx(drafts);
  throw new AppError('BAD_REQUEST', 'Banks export as xlsx, aiken or gift', 'format');
}
