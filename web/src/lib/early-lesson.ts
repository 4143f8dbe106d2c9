/**
 * The lesson index.html's inline script asked for when the page was opened at a lesson's address
 * (`#/learn/lesson/<id>`) by someone signed in on this phone: on slow 3G its answer comes long
 * before the app's script, so the script paints the lesson's title and text from it (text first),
 * and the app then takes the same answer instead of asking again.
 */
export interface EarlyLessonText {
  id: string;
  title: string;
  html: string;
}

export interface EarlyLesson {
  id: string;
  lang: string;
  /** The parsed answer; null when there was none (no network, nothing kept, not signed in). */
  answer: Promise<EarlyLessonText | null>;
  /** Set by the inline script once it painted the lesson, before the app took the page over. */
  painted?: EarlyLessonText;
  /** The app took the answer: a second opening of the lesson asks the server again. */
  taken?: boolean;
}

declare global {
  interface Window {
    __doorstepLesson?: EarlyLesson;
  }
}

/** Where the early request lives: the window in the browser, any holder in a test. */
export interface EarlyLessonHolder {
  __doorstepLesson?: EarlyLesson;
}

const pageHolder = (): EarlyLessonHolder => (typeof window === 'undefined' ? {} : window);

/**
 * The lesson index.html painted (for `id` and `language` when given): what the app shows for it
 * until its own answer is in, so the text never gives way to "loading".
 */
export function paintedLesson(id?: string, language?: string, holder: EarlyLessonHolder = pageHolder()): EarlyLessonText | undefined {
  const early = holder.__doorstepLesson;
  const painted = early?.painted;
  if (!early || !painted || (id !== undefined && painted.id !== id) || (language !== undefined && early.lang !== language)) return undefined;
  return painted;
}

/**
 * Takes the early answer once, when it was for this lesson and language; undefined otherwise or
 * when it failed, and the lesson is then asked for as usual.
 */
export async function takeEarlyLesson<T extends EarlyLessonText>(id: string, language: string, holder: EarlyLessonHolder = pageHolder()): Promise<T | undefined> {
  const early = holder.__doorstepLesson;
  if (!early || early.taken || early.id !== id || early.lang !== language) return undefined;
  early.taken = true;
  const answer = await early.answer.catch(() => null);
  return answer?.id === id ? (answer as T) : undefined;
}
