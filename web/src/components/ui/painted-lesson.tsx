import type { EarlyLessonText } from '../../lib/early-lesson';

/**
 * The lesson index.html painted before the app's script arrived (lib/early-lesson.ts), rendered
 * as it painted it: while the app takes the page over and its lesson screen loads, the text the
 * learner is reading stays where it was.
 */
export function PaintedLesson({ lesson }: { lesson: EarlyLessonText }) {
  return (
    <article className="stack" data-testid="lesson-view">
      <h2>{lesson.title}</h2>
      {/* The server's rendering of the author's Markdown, raw HTML refused there (as in the lesson screen). */}
      <div className="learn-lesson-body" dangerouslySetInnerHTML={{ __html: lesson.html }} />
    </article>
  );
}
