import type { Database } from '../../db/database.js';
import type { Language } from '../../i18n/index.js';
import * as q from './learning.queries.js';

export interface Skill {
  code: string;
  name: string;
  sort: number;
}

/** The skills framework (the five basic digital skills by default), named in the caller's language. */
export async function listSkills(db: Database, lang: Language): Promise<Skill[]> {
  return (await q.selectSkills(db)).map((row) => ({ code: row.code, name: lang === 'en' ? row.name_en : row.name_vi, sort: row.sort }));
}

/** The codes a visit may name as skills taught. */
export async function listSkillCodes(db: Database): Promise<Set<string>> {
  return new Set((await q.selectSkills(db)).map((row) => row.code));
}

/**
 * Which of `codes` a visit may name, as a query another module's statement runs in its own round
 * trip (a sync batch reads them with its locks); answers one column, `code`.
 */
export const skillCodesAmong = q.skillCodesAmongQuery;
