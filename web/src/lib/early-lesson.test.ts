import { describe, expect, it } from 'vitest';
import { paintedLesson, takeEarlyLesson, type EarlyLessonHolder, type EarlyLessonText } from './early-lesson';

const LESSON: EarlyLessonText & { courseId: string } = { id: 'lesson-1', title: 'Kích hoạt VNeID mức 2', html: '<p>Tài khoản</p>', courseId: 'course-1' };

const holderWith = (answer: Promise<EarlyLessonText | null>, lang = 'vi', painted?: EarlyLessonText): EarlyLessonHolder =>
  ({ __doorstepLesson: { id: LESSON.id, lang, answer, painted } });

describe('takeEarlyLesson', () => {
  it('hands over the answer for the same lesson and language, once', async () => {
    const holder = holderWith(Promise.resolve(LESSON));
    expect(await takeEarlyLesson(LESSON.id, 'vi', holder)).toEqual(LESSON);
    expect(await takeEarlyLesson(LESSON.id, 'vi', holder)).toBeUndefined();
  });

  it('leaves an answer for another lesson or language alone, for that one to take', async () => {
    const holder = holderWith(Promise.resolve(LESSON), 'en');
    expect(await takeEarlyLesson(LESSON.id, 'vi', holder)).toBeUndefined();
    expect(await takeEarlyLesson('lesson-2', 'en', holder)).toBeUndefined();
    expect(await takeEarlyLesson(LESSON.id, 'en', holder)).toEqual(LESSON);
  });

  it('gives nothing when there was no answer, the request failed, or nothing was asked', async () => {
    expect(await takeEarlyLesson(LESSON.id, 'vi', holderWith(Promise.resolve(null)))).toBeUndefined();
    expect(await takeEarlyLesson(LESSON.id, 'vi', holderWith(Promise.reject(new Error('offline'))))).toBeUndefined();
    expect(await takeEarlyLesson(LESSON.id, 'vi', {})).toBeUndefined();
  });

  it('refuses an answer that is not the lesson asked for', async () => {
    expect(await takeEarlyLesson(LESSON.id, 'vi', holderWith(Promise.resolve({ ...LESSON, id: 'lesson-9' })))).toBeUndefined();
  });
});

describe('paintedLesson', () => {
  it('is the painted text for that lesson and language, also while the app takes the answer', async () => {
    const holder = holderWith(Promise.resolve(LESSON), 'vi', LESSON);
    expect(paintedLesson(undefined, undefined, holder)).toEqual(LESSON);
    expect(paintedLesson(LESSON.id, 'vi', holder)).toEqual(LESSON);
    expect(paintedLesson('lesson-2', 'vi', holder)).toBeUndefined();
    expect(paintedLesson(LESSON.id, 'en', holder)).toBeUndefined();
    await takeEarlyLesson(LESSON.id, 'vi', holder);
    expect(paintedLesson(LESSON.id, 'vi', holder)).toEqual(LESSON);
  });

  it('is nothing when the script painted nothing', () => {
    expect(paintedLesson(LESSON.id, 'vi', holderWith(Promise.resolve(LESSON)))).toBeUndefined();
    expect(paintedLesson(LESSON.id, 'vi', {})).toBeUndefined();
  });
});
