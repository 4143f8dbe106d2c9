import { isKept } from '../../../lib/kept-lessons';
import { getCourse, keepLesson, myCourses } from './learning-api';

/** Lessons fetched ahead per device: well inside the service worker's budget of 200 answers. */
export const MAX_KEPT_AHEAD = 150;

interface Ctx { language: string; csrfToken: string }

/**
 * Whether the service worker answers this page's requests (only then are the lessons kept). On a
 * first visit it takes over once installed; without one (a browser without service workers, the
 * development server) this never settles, and the opening's abort ends the wait.
 */
async function workerInControl(signal: AbortSignal): Promise<boolean> {
  const workers = navigator.serviceWorker;
  if (!workers) return false;
  if (workers.controller) return true;
  await new Promise<void>((resolve) => {
    workers.addEventListener('controllerchange', () => resolve(), { once: true });
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  return Boolean(workers.controller) && !signal.aborted;
}

/**
 * Fetches, once, every lesson of the learner's courses that the service worker does not keep yet,
 * one after another (a slow link stays usable for what the learner is reading). The worker keeps
 * each answer, so the lessons then open offline even if the learner never opened them online.
 * `keep=true` tells the server this is not the learner reading: nothing is marked read.
 */
export async function keepEnrolledLessons(ctx: Ctx, signal: AbortSignal): Promise<number> {
  if (!(await workerInControl(signal))) return 0;
  const call = { ...ctx, signal };
  let fetched = 0;
  let seen = 0;
  for (const course of (await myCourses(call)).items) {
    const detail = await getCourse(course.id, call);
    for (const lesson of detail.lessons) {
      if (++seen > MAX_KEPT_AHEAD || signal.aborted) return fetched;
      const path = `/api/learning/lessons/${lesson.id}`;
      if (await isKept(path, ctx.language)) continue;
      await keepLesson(lesson.id, call);
      fetched += 1;
    }
  }
  return fetched;
}
