import type { ColumnType, Generated } from 'kysely';

/** Table types of the learning module, beside its migration 20261202120000_create_learning. */
type Day = string;
type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export interface SkillCompetencesTable {
  skill_code: string;
  code: string;
  name_vi: string;
  name_en: string;
  sort: number;
}

export interface LearnerGroupsTable {
  code: string;
  name_vi: string;
  name_en: string;
  /** The group code a resident record carries for this target group. */
  resident_group: string | null;
  sort: number;
}

export interface LearnerGroupSkillsTable {
  group_code: string;
  skill_code: string;
}

export type CourseStatus = 'draft' | 'published' | 'archived';

export interface CoursesTable {
  id: string;
  province_code: string;
  code: string;
  skill_code: string | null;
  group_code: string | null;
  status: Generated<CourseStatus>;
  sort: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CourseTextsTable {
  course_id: string;
  province_code: string;
  lang: string;
  title: string;
  summary: Generated<string>;
}

export interface LessonsTable {
  id: string;
  course_id: string;
  province_code: string;
  sort: number;
  minutes: Generated<number>;
  updated_at: Generated<Date>;
}

export interface LessonTextsTable {
  lesson_id: string;
  province_code: string;
  lang: string;
  title: string;
  body_md: string;
  media: Json;
}

export interface LessonQuizzesTable {
  lesson_id: string;
  province_code: string;
  lang: string;
  bank_id: string;
  pass_percent: Generated<number>;
}

export interface LearnerLinksTable {
  user_id: string;
  resident_id: string;
  linked_by: string | null;
  linked_at: Generated<Date>;
}

export interface EnrolmentsTable {
  id: string;
  course_id: string;
  user_id: string | null;
  resident_id: string | null;
  unit_code: string;
  province_code: string;
  enrolled_on: Day;
  source: string;
  external_ref: string | null;
  last_lesson_id: string | null;
  enrolled_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LessonProgressTable {
  enrolment_id: string;
  lesson_id: string;
  province_code: string;
  opened_at: Generated<Date>;
  read_at: Date | null;
  quiz_correct: number | null;
  quiz_total: number | null;
  quiz_passed: boolean | null;
}

export interface CourseCompletionsTable {
  id: string;
  course_id: string;
  enrolment_id: string | null;
  user_id: string | null;
  resident_id: string | null;
  unit_code: string;
  province_code: string;
  completed_on: Day;
  source: string;
  external_ref: string | null;
  recorded_at: Generated<Date>;
}

export interface SkillCheckSettingsTable {
  skill_code: string;
  bank_id: string;
  question_count: number;
  pass_percent: number;
  minutes: number;
}

export interface SkillCheckBanksTable {
  skill_code: string;
  lang: string;
  bank_id: string;
}

export interface SkillCheckAttemptsTable {
  id: string;
  skill_code: string;
  user_id: string;
  resident_id: string | null;
  unit_code: string;
  province_code: string;
  questions: Json;
  pass_percent: number;
  started_at: Instant;
  deadline: Instant;
  submitted_at: Instant | null;
  answers: Json | null;
  correct: number | null;
  passed: boolean | null;
}

export interface LearningTables {
  skill_competences: SkillCompetencesTable;
  learner_groups: LearnerGroupsTable;
  learner_group_skills: LearnerGroupSkillsTable;
  courses: CoursesTable;
  course_texts: CourseTextsTable;
  lessons: LessonsTable;
  lesson_texts: LessonTextsTable;
  lesson_quizzes: LessonQuizzesTable;
  learner_links: LearnerLinksTable;
  enrolments: EnrolmentsTable;
  lesson_progress: LessonProgressTable;
  course_completions: CourseCompletionsTable;
  skill_check_settings: SkillCheckSettingsTable;
  skill_check_banks: SkillCheckBanksTable;
  skill_check_attempts: SkillCheckAttemptsTable;
}
