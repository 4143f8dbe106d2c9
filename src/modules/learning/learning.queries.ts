import type { Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { SkillsTable } from '../../db/types.js';

export type SkillRow = Selectable<SkillsTable>;

export async function selectSkills(db: Database): Promise<SkillRow[]> {
  return db.selectFrom('skills').selectAll().orderBy('sort').orderBy('code').execute();
}
