import { KEPT_LESSONS_DB } from '../../../lib/kept-lessons';
import type { Lesson } from './learning-api';

/**
 * Lessons a learner opened stay readable offline: kept in IndexedDB (a store of its own, apart
 * from the field app's database), at most MAX_LESSONS of them, oldest dropped first. A lesson is
 * text plus linked media (not stored), a few KB each: the budget is about 1 MB per device.
 */
const DB_NAME = KEPT_LESSONS_DB;
const STORE = 'lessons';
export const MAX_LESSONS = 200;

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export async function rememberLesson(lesson: Lesson): Promise<void> {
  try {
    const db = await open();
    const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
    await done(store.put({ ...lesson, keptAt: Date.now() }));
    const all = (await done(store.getAll())) as (Lesson & { keptAt: number })[];
    if (all.length > MAX_LESSONS) {
      for (const old of all.sort((a, b) => a.keptAt - b.keptAt).slice(0, all.length - MAX_LESSONS)) store.delete(old.id);
    }
    db.close();
  } catch {
    // A browser without IndexedDB (a private window) simply reads online.
  }
}

export async function rememberedLesson(id: string): Promise<Lesson | undefined> {
  try {
    const db = await open();
    const found = (await done(db.transaction(STORE).objectStore(STORE).get(id))) as Lesson | undefined;
    db.close();
    return found;
  } catch {
    return undefined;
  }
}
