import type { Database } from '../../db/database.js';
import { inTransaction, sqlStateOf, SQLSTATE } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import { groupBy } from './content-language.js';
import { FRAMEWORK_VARIANTS } from './framework-variants.js';
import * as q from './framework.queries.js';
import * as lq from './learning.queries.js';

/** The skills framework as one document: what an officer edits in the app, or loads as a variant. */
export interface FrameworkDocument {
  skills: { code: string; nameVi: string; nameEn: string; competences: { code: string; nameVi: string; nameEn: string }[] }[];
  groups: { code: string; nameVi: string; nameEn: string; residentGroup: string | null; skills: string[] }[];
}

export async function getFramework(db: Database): Promise<FrameworkDocument> {
  const skills = await lq.selectSkills(db);
  const competences = groupBy(await q.selectCompetences(db), (c) => c.skill_code);
  const requirements = groupBy(await q.selectGroupSkills(db), (r) => r.group_code);
  const order = new Map(skills.map((s, i) => [s.code, i]));
  return {
    skills: skills.map((s) => ({
      code: s.code, nameVi: s.name_vi, nameEn: s.name_en,
      competences: (competences.get(s.code) ?? []).map((c) => ({ code: c.code, nameVi: c.name_vi, nameEn: c.name_en })),
    })),
    groups: (await q.selectGroups(db)).map((g) => ({
      code: g.code, nameVi: g.name_vi, nameEn: g.name_en, residentGroup: g.resident_group,
      skills: (requirements.get(g.code) ?? []).map((r) => r.skill_code).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
    })),
  };
}

function checkDocument(doc: FrameworkDocument): void {
  const skillCodes = new Set<string>();
  doc.skills.forEach((s, i) => {
    if (skillCodes.has(s.code)) throw new AppError('VALIDATION_FAILED', `Skill ${s.code} twice`, `skills[${i}].code`);
    skillCodes.add(s.code);
    const seen = new Set<string>();
    s.competences.forEach((c, j) => {
      if (seen.has(c.code)) throw new AppError('VALIDATION_FAILED', `Competence ${c.code} twice`, `skills[${i}].competences[${j}].code`);
      seen.add(c.code);
    });
  });
  const groupCodes = new Set<string>();
  doc.groups.forEach((g, i) => {
    if (groupCodes.has(g.code)) throw new AppError('VALIDATION_FAILED', `Group ${g.code} twice`, `groups[${i}].code`);
    groupCodes.add(g.code);
    g.skills.forEach((code, j) => {
      if (!skillCodes.has(code)) throw new AppError('SKILL_UNKNOWN', `No skill ${code}`, `groups[${i}].skills[${j}]`);
    });
  });
}

/**
 * Replaces the framework by the officer's document in one transaction. A skill a course or a
 * check still uses cannot be left out: the officer moves the course first.
 */
export async function saveFramework(db: Database, doc: FrameworkDocument): Promise<FrameworkDocument> {
  checkDocument(doc);
  try {
    await inTransaction(db, (trx) => q.replaceFramework(trx,
      doc.skills.map((s, i) => ({ code: s.code, name_vi: s.nameVi.trim(), name_en: s.nameEn.trim(), sort: (i + 1) * 10 })),
      doc.skills.flatMap((s) => s.competences.map((c, j) => ({ skill_code: s.code, code: c.code, name_vi: c.nameVi.trim(), name_en: c.nameEn.trim(), sort: (j + 1) * 10 }))),
      doc.groups.map((g, i) => ({ code: g.code, name_vi: g.nameVi.trim(), name_en: g.nameEn.trim(), resident_group: g.residentGroup, sort: (i + 1) * 10 })),
      doc.groups.flatMap((g) => [...new Set(g.skills)].map((skill) => ({ group_code: g.code, skill_code: skill }))),
    ));
  } catch (error) {
    if (sqlStateOf(error) === SQLSTATE.FOREIGN_KEY_VIOLATION) throw new AppError('VALIDATION_FAILED', 'A course or a skill check still uses a skill left out', 'skills');
    throw error;
  }
  return getFramework(db);
}

export async function loadFrameworkVariant(db: Database, name: string): Promise<FrameworkDocument> {
  const variant = FRAMEWORK_VARIANTS[name];
  if (!variant) throw new AppError('NOT_FOUND', `No variant ${name}`, 'name');
  return saveFramework(db, variant);
}

export const frameworkVariantNames = (): string[] => Object.keys(FRAMEWORK_VARIANTS);

/**
 * The skills a person must confirm, from the target groups on their resident record (a resident
 * group maps to a learner group); someone in no group, or with no record yet, is a citizen.
 */
export async function requiredSkillsFor(db: Database, residentGroups: readonly string[]): Promise<string[]> {
  const groups = await q.selectGroups(db);
  let mine = groups.filter((g) => g.resident_group !== null && residentGroups.includes(g.resident_group)).map((g) => g.code);
  if (mine.length === 0) mine = groups.some((g) => g.code === 'citizen') ? ['citizen'] : groups.slice(0, 1).map((g) => g.code);
  const required = new Set((await q.selectGroupSkills(db)).filter((r) => mine.includes(r.group_code)).map((r) => r.skill_code));
  return (await lq.selectSkills(db)).map((s) => s.code).filter((code) => required.has(code));
}
