import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { LearnerGroupsTable, SkillCompetencesTable } from '../../db/learning-types.js';
import type { SkillsTable } from '../../db/types.js';

export async function selectCompetences(db: Database): Promise<Selectable<SkillCompetencesTable>[]> {
  return db.selectFrom('skill_competences').selectAll().orderBy('skill_code').orderBy('sort').execute();
}

export async function selectGroups(db: Database): Promise<Selectable<LearnerGroupsTable>[]> {
  return db.selectFrom('learner_groups').selectAll().orderBy('sort').execute();
}

export async function selectGroupSkills(db: Database): Promise<{ group_code: string; skill_code: string }[]> {
  return db.selectFrom('learner_group_skills').selectAll().execute();
}

/** Writes the whole framework: skills upserted (those left out removed), competences, groups and requirements replaced. */
export async function replaceFramework(
  db: Database,
  skills: readonly Insertable<SkillsTable>[],
  competences: readonly Insertable<SkillCompetencesTable>[],
  groups: readonly Insertable<LearnerGroupsTable>[],
  requirements: readonly { group_code: string; skill_code: string }[],
): Promise<void> {
  await db.deleteFrom('learner_group_skills').execute();
  await db.deleteFrom('skill_competences').execute();
  for (const skill of skills) {
    await db.insertInto('skills').values(skill).onConflict((oc) => oc.column('code').doUpdateSet({ name_vi: skill.name_vi, name_en: skill.name_en, sort: skill.sort })).execute();
  }
  await db.deleteFrom('skills').where('code', 'not in', skills.map((s) => s.code)).execute();
  for (const group of groups) {
    await db.insertInto('learner_groups').values(group)
      .onConflict((oc) => oc.column('code').doUpdateSet({ name_vi: group.name_vi, name_en: group.name_en, resident_group: group.resident_group, sort: group.sort })).execute();
  }
  await db.deleteFrom('learner_groups').where('code', 'not in', groups.map((g) => g.code)).execute();
  if (competences.length > 0) await db.insertInto('skill_competences').values([...competences]).execute();
  if (requirements.length > 0) await db.insertInto('learner_group_skills').values([...requirements]).execute();
}
