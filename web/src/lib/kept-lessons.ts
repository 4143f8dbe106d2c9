/**
 * The Cache Storage cache where the service worker keeps the learner's course and lesson reads
 * (web/sw/service-worker.js) so an enrolled learner's lessons open offline. Its key is the
 * address and the language, the way the worker writes it.
 */
export const KEPT_LESSONS_CACHE = 'doorstep-lessons';
/** The IndexedDB copy of the lessons the learner opened (features/learning/api/offline-lessons.ts). */
export const KEPT_LESSONS_DB = 'doorstep-lessons';

export const keptLessonKey = (path: string, language: string) => `${path}?lang=${encodeURIComponent(language)}`;

/** Whether the worker already keeps this answer (false where Cache Storage is missing). */
export async function isKept(path: string, language: string): Promise<boolean> {
  if (typeof caches === 'undefined') return false;
  return Boolean(await caches.match(keptLessonKey(path, language), { cacheName: KEPT_LESSONS_CACHE }));
}

/** Another person may use the phone next: the lessons this learner kept (and their progress in them) go. */
export async function forgetKeptLessons(): Promise<void> {
  if (typeof caches !== 'undefined') await caches.delete(KEPT_LESSONS_CACHE).catch(() => false);
  if (typeof indexedDB !== 'undefined') indexedDB.deleteDatabase(KEPT_LESSONS_DB);
}
