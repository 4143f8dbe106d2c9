import { apiFetch } from '../../../lib/api';

// The shapes of the learner routes (src/modules/learning/courses.routes.ts).

export interface CourseSummary {
  id: string;
  code: string;
  skillCode: string | null;
  lang: string;
  title: string;
  summary: string;
  lessonCount: number;
  minutes: number;
}

export interface CourseDetail extends CourseSummary {
  lessons: { id: string; sort: number; title: string; minutes: number; hasQuiz: boolean }[];
}

export interface MyCourse extends CourseSummary {
  enrolmentId: string;
  lessonsRead: number;
  quizzesPassed: number;
  lastLessonId: string | null;
  completedOn: string | null;
}

export interface Lesson {
  id: string;
  courseId: string;
  title: string;
  html: string;
  media: { kind: 'image' | 'audio' | 'video'; url: string; caption: string }[];
  quiz: { passPercent: number } | null;
  quizPassed: boolean | null;
  previousLessonId: string | null;
  nextLessonId: string | null;
}

export interface Paper {
  questions: { id: string; text: string; options: { id: string; text: string }[] }[];
}

export interface QuizResult {
  correct: number;
  total: number;
  passed: boolean;
  courseCompleted: boolean;
  corrections: { questionId: string; correctOptionId: string; chosenOptionId: string | null }[];
}

export interface SkillCheckItem {
  skillCode: string;
  name: string;
  required: boolean;
  ready: boolean;
  questionCount: number | null;
  minutes: number | null;
  passed: boolean;
}

export interface CheckPaper extends Paper {
  attemptId: string;
  skillCode: string;
  deadline: string;
  serverNow: string;
}

export interface CheckResult {
  correct: number;
  total: number;
  passed: boolean;
  skillsConfirmed: boolean;
}

type Answers = { questionId: string; optionId: string }[];
interface Ctx { language: string; csrfToken: string; signal?: AbortSignal }

export const listCourses = (c: Ctx) => apiFetch<{ items: CourseSummary[] }>('/api/learning/courses', c);
export const myCourses = (c: Ctx) => apiFetch<{ items: MyCourse[] }>('/api/learning/my/courses', c);
export const getCourse = (id: string, c: Ctx) => apiFetch<CourseDetail>(`/api/learning/courses/${id}`, c);
export const enrol = (id: string, c: Ctx) => apiFetch<{ id: string }>(`/api/learning/courses/${id}/enrolment`, { ...c, method: 'POST' });
export const openLesson = (id: string, c: Ctx) => apiFetch<Lesson>(`/api/learning/lessons/${id}`, c);
/** The same lesson fetched to be kept offline (the service worker keeps it): not marked read. */
export const keepLesson = (id: string, c: Ctx) => apiFetch<Lesson>(`/api/learning/lessons/${id}?keep=true`, c);
export const lessonQuiz = (id: string, c: Ctx) => apiFetch<Paper>(`/api/learning/lessons/${id}/quiz`, c);
export const submitQuiz = (id: string, answers: Answers, c: Ctx) =>
  apiFetch<QuizResult>(`/api/learning/lessons/${id}/quiz`, { ...c, method: 'POST', body: { answers } });
export const mySkillChecks = (c: Ctx) => apiFetch<{ confirmed: boolean; items: SkillCheckItem[] }>('/api/learning/skill-checks', c);
export const startCheck = (skill: string, c: Ctx) => apiFetch<CheckPaper>(`/api/learning/skill-checks/${skill}/attempts`, { ...c, method: 'POST' });
export const submitCheck = (attemptId: string, answers: Answers, c: Ctx) =>
  apiFetch<CheckResult>(`/api/learning/skill-check-attempts/${attemptId}/submit`, { ...c, method: 'POST', body: { answers } });

/** The learner's certificates; built with the certificates work, an empty list until then. */
export interface MyCertificate { code: string; holderName: string; achievedOn: string; revokedAt: string | null; revokedReason: string | null }
export const myCertificates = (c: Ctx) => apiFetch<{ items: MyCertificate[] }>('/api/me/certificates', c)
  .catch((error: { status?: number }) => {
    if (error.status === 404) return { items: [] };
    throw error;
  });
