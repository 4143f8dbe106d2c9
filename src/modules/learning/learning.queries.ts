import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { SkillsTable } from '../../db/types.js';

export type SkillRow = Selectable<SkillsTable>;

export async function selectSkills(db: Database): Promise<SkillRow[]> {
  return db.selectFrom('skills').selectAll().orderBy('sort').orderBy('code').execute();
}

/** The skill codes among `codes` that exist, as a query for another statement to run (one column, `code`). */
export function skillCodesAmongQuery(codes: readonly string[]): RawBuilder<{ code: string }> {
  return sql<{ code: string }>`select code from skills where code = any(${[...codes]}::text[])`;
}
