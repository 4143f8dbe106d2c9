import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { BankQuestionsTable, QuestionBanksTable } from '../../db/types.js';

export type BankRow = Selectable<QuestionBanksTable>;
export type BankQuestionRow = Selectable<BankQuestionsTable>;

export async function insertBank(db: Database, bank: Insertable<QuestionBanksTable>, questions: Insertable<BankQuestionsTable>[]): Promise<void> {
  await db.insertInto('question_banks').values(bank).execute();
  // Chunks keep each statement under PostgreSQL's 65,535 parameters whatever the bank's size.
  for (let i = 0; i < questions.length; i += 1000) {
    await db.insertInto('bank_questions').values(questions.slice(i, i + 1000)).execute();
  }
}

export function selectBank(db: Database, id: string): Promise<BankRow | undefined> {
  return db.selectFrom('question_banks').selectAll().where('id', '=', id).executeTakeFirst();
}

export function selectBanksOfProvince(db: Database, provinceCode: string): Promise<BankRow[]> {
  return db.selectFrom('question_banks').selectAll().where('province_code', '=', provinceCode).orderBy('created_at', 'desc').limit(200).execute();
}

export function selectBankQuestions(db: Database, bankId: string): Promise<BankQuestionRow[]> {
  return db.selectFrom('bank_questions').selectAll().where('bank_id', '=', bankId).orderBy('sort').execute();
}
