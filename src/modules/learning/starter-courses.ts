import type { Database } from '../../db/database.js';
import { importBank } from '../question-banks/question-banks.service.js';
import { addLesson, createCourse } from './courses.service.js';
import { findCourseByCode } from './enrolments.service.js';
import { saveSkillCheckSetting } from './skill-checks.service.js';
import { STARTER_COURSES, type StarterQuestion } from './starter-courses.content.js';

/** Questions in Aiken, the right option written first: option ids are random, so its place says nothing to learners. */
function aiken(questions: readonly StarterQuestion[], lang: 'vi' | 'en'): Buffer {
  return Buffer.from(questions.map((q) => {
    const [text, a, b, c, d] = q[lang];
    return `${text}\nA. ${a}\nB. ${b}\nC. ${c}\nD. ${d}\nANSWER: A\n`;
  }).join('\n'));
}

/**
 * Publishes the starter course of each skill in a province, with its lesson quizzes (Vietnamese
 * and English banks) and each skill's check (drawn from the course's questions, in both languages). Skips a course
 * whose code exists, so it can run on every start.
 */
export async function seedStarterCourses(db: Database, provinceCode: string, actorId: string | null): Promise<number> {
  let created = 0;
  for (const [index, course] of STARTER_COURSES.entries()) {
    if (await findCourseByCode(db, provinceCode, course.code)) continue;
    const courseId = await createCourse(db, provinceCode, {
      code: course.code, skillCode: course.skill, groupCode: null, status: 'published', sort: (index + 1) * 10,
      texts: [{ lang: 'vi', ...course.vi }, { lang: 'en', ...course.en }],
    }, actorId);
    for (const lesson of course.lessons) {
      const vi = await importBank(db, { provinceCode, name: `${course.vi.title} — ${lesson.vi.title}`, format: 'aiken', body: aiken(lesson.quiz, 'vi'), actorId });
      const en = await importBank(db, { provinceCode, name: `${course.en.title} — ${lesson.en.title}`, format: 'aiken', body: aiken(lesson.quiz, 'en'), actorId });
      await addLesson(db, courseId, {
        minutes: lesson.minutes,
        texts: [
          { lang: 'vi', title: lesson.vi.title, markdown: lesson.vi.body, media: [] },
          { lang: 'en', title: lesson.en.title, markdown: lesson.en.body, media: [] },
        ],
        quizzes: [{ lang: 'vi', bankId: vi.id, passPercent: 60 }, { lang: 'en', bankId: en.id, passPercent: 60 }],
      });
    }
    const all = course.lessons.flatMap((lesson) => lesson.quiz);
    const check = await importBank(db, { provinceCode, name: `Kiểm tra kỹ năng — ${course.vi.title}`, format: 'aiken', body: aiken(all, 'vi'), actorId });
    const checkEn = await importBank(db, { provinceCode, name: `Skill check — ${course.en.title}`, format: 'aiken', body: aiken(all, 'en'), actorId });
    await saveSkillCheckSetting(db, provinceCode, {
      skillCode: course.skill, bankId: check.id, questionCount: 5, passPercent: 60, minutes: 10, languages: [{ lang: 'en', bankId: checkEn.id }],
    });
    created += 1;
  }
  return created;
}
