import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { SkillCheckAttemptsTable, SkillCheckSettingsTable } from '../../db/learning-types.js';

export type SettingRow = Selectable<SkillCheckSettingsTable>;
export type AttemptRow = Selectable<SkillCheckAttemptsTable>;

export async function selectSettings(db: Database): Promise<SettingRow[]> {
  return db.selectFrom('skill_check_settings').selectAll().execute();
}

export async function upsertSetting(db: Database, row: Insertable<SkillCheckSettingsTable>): Promise<void> {
  await db.insertInto('skill_check_settings').values(row)
    .onConflict((oc) => oc.column('skill_code').doUpdateSet({ bank_id: row.bank_id, question_count: row.question_count, pass_percent: row.pass_percent, minutes: row.minutes }))
    .execute();
}

export async function selectLanguageBanks(db: Database): Promise<{ skill_code: string; lang: string; bank_id: string }[]> {
  return db.selectFrom('skill_check_banks').selectAll().orderBy('skill_code').orderBy('lang').execute();
}

/** Replaces a check's banks in languages other than Vietnamese: a language left out is removed. */
export async function replaceLanguageBanks(db: Database, skillCode: string, rows: readonly { lang: string; bank_id: string }[]): Promise<void> {
  await db.deleteFrom('skill_check_banks').where('skill_code', '=', skillCode).execute();
  if (rows.length > 0) await db.insertInto('skill_check_banks').values(rows.map((row) => ({ skill_code: skillCode, ...row }))).execute();
}

export async function selectAttemptsOf(db: Database, userId: string): Promise<AttemptRow[]> {
  return db.selectFrom('skill_check_attempts').selectAll().where('user_id', '=', userId).orderBy('started_at').execute();
}

export async function selectAttempt(db: Database, id: string): Promise<AttemptRow | undefined> {
  return db.selectFrom('skill_check_attempts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAttempt(db: Database, row: Insertable<SkillCheckAttemptsTable>): Promise<void> {
  await db.insertInto('skill_check_attempts').values(row).execute();
}

/** Scores an attempt once: a second submission finds it submitted and changes nothing. */
export async function submitAttempt(db: Database, id: string, at: Date, answers: string, correct: number, passed: boolean): Promise<boolean> {
  const result = await db.updateTable('skill_check_attempts').set({ submitted_at: at, answers, correct, passed })
    .where('id', '=', id).where('submitted_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
