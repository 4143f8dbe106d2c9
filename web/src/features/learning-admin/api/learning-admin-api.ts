import { apiFetch } from '../../../lib/api';
import { uploadFile } from '../../../lib/upload';

// The shapes of /api/learning-admin (src/modules/learning/learning.schema.ts), /api/certificates,
// /api/learning-imports and /api/xapi/systems, as the officers' screens use them.

interface Call { language: string; signal?: AbortSignal }
interface Write { language: string; csrfToken: string }

export type CourseStatus = 'draft' | 'published' | 'archived';
export interface CourseSummary {
  id: string; code: string; skillCode: string | null; groupCode: string | null; status: CourseStatus;
  lang: string; languages: string[]; title: string; summary: string; lessonCount: number; minutes: number;
}
export interface CourseDetail extends CourseSummary {
  lessons: { id: string; sort: number; title: string; minutes: number; hasQuiz: boolean }[];
}
export interface CourseText { lang: string; title: string; summary: string }
export interface CourseWrite { code: string; skillCode: string | null; groupCode: string | null; status: CourseStatus; texts: CourseText[] }
export interface Media { kind: 'image' | 'audio' | 'video'; url: string; caption: string }
export interface LessonText { lang: string; title: string; markdown: string; media: Media[] }
export interface LessonQuiz { lang: string; bankId: string; passPercent: number }
export interface LessonWrite { minutes: number; texts: LessonText[]; quizzes: LessonQuiz[] }
export interface AuthorLesson extends LessonWrite { id: string; courseId: string; sort: number }
export interface Bank { id: string; name: string; questionCount: number }

export interface Named { code: string; nameVi: string; nameEn: string }
export interface Framework {
  skills: (Named & { competences: Named[] })[];
  groups: (Named & { residentGroup: string | null; skills: string[] })[];
}

export const fetchCourses = (c: Call) => apiFetch<{ items: CourseSummary[] }>('/api/learning-admin/courses', c);
export const fetchCourse = (id: string, c: Call) => apiFetch<CourseDetail>(`/api/learning-admin/courses/${id}`, c);
/** The course's texts in every language: the summary of each, read one language at a time. */
export const fetchCourseIn = (id: string, lang: string, c: Call) => apiFetch<CourseDetail>(`/api/learning-admin/courses/${id}?lang=${encodeURIComponent(lang)}`, c);
export const createCourse = (body: CourseWrite, w: Write) => apiFetch<{ id: string }>('/api/learning-admin/courses', { ...w, method: 'POST', body });
export const saveCourse = (id: string, body: CourseWrite, w: Write) => apiFetch<void>(`/api/learning-admin/courses/${id}`, { ...w, method: 'PUT', body });
export const fetchLesson = (id: string, c: Call) => apiFetch<AuthorLesson>(`/api/learning-admin/lessons/${id}`, c);
export const addLesson = (courseId: string, body: LessonWrite, w: Write) => apiFetch<{ id: string }>(`/api/learning-admin/courses/${courseId}/lessons`, { ...w, method: 'POST', body });
export const saveLesson = (id: string, body: LessonWrite, w: Write) => apiFetch<void>(`/api/learning-admin/lessons/${id}`, { ...w, method: 'PUT', body });
export const previewMarkdown = (markdown: string, w: Write & { signal?: AbortSignal }) =>
  apiFetch<{ html: string }>('/api/learning-admin/preview', { ...w, method: 'POST', body: { markdown } });
export const fetchBanks = (province: string, c: Call) => apiFetch<{ items: Bank[] }>(`/api/contest-admin/banks?provinceCode=${encodeURIComponent(province)}`, c);

export const fetchFramework = (c: Call) => apiFetch<Framework>('/api/learning-admin/framework', c);
export const saveFramework = (body: Framework, w: Write) => apiFetch<Framework>('/api/learning-admin/framework', { ...w, method: 'PUT', body });
export const fetchVariants = (c: Call) => apiFetch<{ items: string[] }>('/api/learning-admin/framework/variants', c);
export const loadVariant = (name: string, w: Write) => apiFetch<Framework>(`/api/learning-admin/framework/variants/${encodeURIComponent(name)}`, { ...w, method: 'POST' });

export interface Certificate {
  code: string; holderName: string; skills: string[]; achievedOn: string; unitCode: string; revokedAt: string | null; revokedReason: string | null;
}
export const findCertificate = (unit: string, code: string, c: Call) =>
  apiFetch<{ items: Certificate[] }>(`/api/certificates?unit=${encodeURIComponent(unit)}&code=${encodeURIComponent(code)}`, c);
export const revokeCertificate = (code: string, reason: string, w: Write) =>
  apiFetch<Certificate>(`/api/certificates/${encodeURIComponent(code)}/revoke`, { ...w, method: 'POST', body: { reason } });

export interface ImportReport {
  rows: number; enrolments: number; completions: number; milestones: number; residentsCreated: number; unchanged: number;
  notPlaced: { row: number; reason: string; message: string }[]; preview: boolean;
}
export const importNational = (file: Blob, options: { preview: boolean; createResidents: boolean }, w: Write) =>
  uploadFile<ImportReport>(`/api/learning-imports/national?preview=${options.preview}&createResidents=${options.createResidents}`, file, 'text/csv', w);

export interface LearningSystem { id: string; name: string; unitCode: string; key: string; createdAt: string; disabledAt: string | null }
export const fetchSystems = (unit: string, c: Call) => apiFetch<{ items: LearningSystem[] }>(`/api/xapi/systems?unit=${encodeURIComponent(unit)}`, c);
export const createSystem = (body: { name: string; unitCode: string }, w: Write) =>
  apiFetch<LearningSystem & { secret: string }>('/api/xapi/systems', { ...w, method: 'POST', body });
export const disableSystem = (id: string, w: Write) => apiFetch<LearningSystem>(`/api/xapi/systems/${id}/disable`, { ...w, method: 'POST' });

export interface LanguageBank { lang: string; bankId: string }
export interface SkillCheckSetting { skillCode: string; bankId: string; questionCount: number; passPercent: number; minutes: number; languages: LanguageBank[] }
export type SkillCheckWrite = Omit<SkillCheckSetting, 'skillCode'>;
export const fetchSkillChecks = (c: Call) => apiFetch<{ items: SkillCheckSetting[] }>('/api/learning-admin/skill-checks', c);
export const saveSkillCheck = (skill: string, body: SkillCheckWrite, w: Write) =>
  apiFetch<void>(`/api/learning-admin/skill-checks/${encodeURIComponent(skill)}`, { ...w, method: 'PUT', body });
