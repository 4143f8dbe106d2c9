import { sql, type Kysely } from 'kysely';

/**
 * Courses and contests with the rows that belong to them, and uploaded materials with their
 * pieces, distributed by province: each child gets `province_code`, filled from its parent
 * (a lesson's from its course, a lesson text's from its lesson, a quiz result's from its
 * enrolment), every key gets the column after its own columns (so each index serves the lookups
 * it served), and each foreign key between them becomes composite, so a child and its parent
 * live on the same worker.
 */

/** Child, parent, the condition joining them (x is the child, p the parent), in fill order. */
const CHILDREN: [table: string, parent: string, join: string][] = [
  ['contest_phases', 'contests', 'p.id = x.contest_id'],
  ['contest_prizes', 'contests', 'p.id = x.contest_id'],
  ['course_texts', 'courses', 'p.id = x.course_id'],
  ['lessons', 'courses', 'p.id = x.course_id'],
  ['lesson_texts', 'lessons', 'p.id = x.lesson_id'],
  ['lesson_quizzes', 'lessons', 'p.id = x.lesson_id'],
  ['lesson_progress', 'enrolments', 'p.id = x.enrolment_id'],
  ['material_chunks', 'materials', 'p.id = x.material_id'],
];

/** Table, constraint, kind, columns: keys rebuilt under their own names with the province code last. */
const CONSTRAINTS: [table: string, name: string, kind: 'primary key' | 'unique', columns: string][] = [
  ['contests', 'contests_pkey', 'primary key', 'id'],
  ['contest_participants', 'contest_participants_pkey', 'primary key', 'id'],
  ['contest_phases', 'contest_phases_pkey', 'primary key', 'contest_id, number'],
  ['contest_prizes', 'contest_prizes_pkey', 'primary key', 'contest_id, phase_number, participant_id'],
  ['courses', 'courses_pkey', 'primary key', 'id'],
  ['course_texts', 'course_texts_pkey', 'primary key', 'course_id, lang'],
  ['lessons', 'lessons_pkey', 'primary key', 'id'],
  ['lessons', 'lessons_course_id_sort_key', 'unique', 'course_id, sort'],
  ['lesson_texts', 'lesson_texts_pkey', 'primary key', 'lesson_id, lang'],
  ['lesson_quizzes', 'lesson_quizzes_pkey', 'primary key', 'lesson_id, lang'],
  ['enrolments', 'enrolments_pkey', 'primary key', 'id'],
  ['lesson_progress', 'lesson_progress_pkey', 'primary key', 'enrolment_id, lesson_id'],
  ['materials', 'materials_pkey', 'primary key', 'id'],
  ['material_chunks', 'material_chunks_pkey', 'primary key', 'material_id, seq'],
];

/** Child, constraint, column, parent, what a deletion of the parent does: made composite. */
const FOREIGN_KEYS: [table: string, name: string, column: string, parent: string, onDelete: string][] = [
  ['contest_attempts', 'contest_attempts_contest_id_fkey', 'contest_id', 'contests', ''],
  ['contest_attempts', 'contest_attempts_participant_id_fkey', 'participant_id', 'contest_participants', ''],
  ['contest_entries', 'contest_entries_contest_id_fkey', 'contest_id', 'contests', ''],
  ['contest_entries', 'contest_entries_participant_id_fkey', 'participant_id', 'contest_participants', ''],
  ['contest_phases', 'contest_phases_contest_id_fkey', 'contest_id', 'contests', ''],
  ['contest_prizes', 'contest_prizes_contest_id_fkey', 'contest_id', 'contests', ''],
  ['contest_prizes', 'contest_prizes_participant_id_fkey', 'participant_id', 'contest_participants', ''],
  ['course_texts', 'course_texts_course_id_fkey', 'course_id', 'courses', 'on delete cascade'],
  ['lessons', 'lessons_course_id_fkey', 'course_id', 'courses', 'on delete cascade'],
  ['enrolments', 'enrolments_course_id_fkey', 'course_id', 'courses', ''],
  ['course_completions', 'course_completions_course_id_fkey', 'course_id', 'courses', ''],
  // Only the enrolment is forgotten: the completion keeps its province.
  ['course_completions', 'course_completions_enrolment_id_fkey', 'enrolment_id', 'enrolments', 'on delete set null (enrolment_id)'],
  ['lesson_texts', 'lesson_texts_lesson_id_fkey', 'lesson_id', 'lessons', 'on delete cascade'],
  ['lesson_quizzes', 'lesson_quizzes_lesson_id_fkey', 'lesson_id', 'lessons', 'on delete cascade'],
  ['lesson_progress', 'lesson_progress_lesson_id_fkey', 'lesson_id', 'lessons', 'on delete cascade'],
  ['lesson_progress', 'lesson_progress_enrolment_id_fkey', 'enrolment_id', 'enrolments', 'on delete cascade'],
  ['material_chunks', 'material_chunks_material_id_fkey', 'material_id', 'materials', 'on delete cascade'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, parent, join] of CHILDREN) {
    await sql.raw(`alter table ${table} add column province_code text`).execute(db);
    await sql.raw(`update ${table} x set province_code = p.province_code from ${parent} p where ${join}`).execute(db);
    await sql.raw(`alter table ${table} alter column province_code set not null`).execute(db);
  }
  for (const [table, name] of FOREIGN_KEYS) {
    await sql.raw(`alter table ${table} drop constraint ${name}`).execute(db);
  }
  for (const [table, name, kind, columns] of CONSTRAINTS) {
    await sql.raw(`alter table ${table} drop constraint ${name}, add constraint ${name} ${kind} (${columns}, province_code)`).execute(db);
  }
  for (const [table, name, column, parent, onDelete] of FOREIGN_KEYS) {
    await sql.raw(`alter table ${table} add constraint ${name} foreign key (${column}, province_code) references ${parent} (id, province_code) ${onDelete}`).execute(db);
  }
}
