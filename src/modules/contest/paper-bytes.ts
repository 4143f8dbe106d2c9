import type { DrawnQuestion } from './attempt-draw.js';
import type { IndexedQuestion } from './bank-index.js';

/** A question's opening and each option, as the paper's JSON writes them, made once per bank. */
export interface QuestionBytes {
  /** `{"id":…,"text":…,"options":[` */
  head: Buffer;
  /** `{"id":…,"text":…}` by option id. */
  options: ReadonlyMap<string, Buffer>;
}

export function questionBytes(question: { id: string; text: string; options: readonly { id: string; text: string }[] }): QuestionBytes {
  return {
    head: Buffer.from(`{"id":${JSON.stringify(question.id)},"text":${JSON.stringify(question.text)},"options":[`),
    options: new Map(question.options.map((o) => [o.id, Buffer.from(`{"id":${JSON.stringify(o.id)},"text":${JSON.stringify(o.text)}}`)])),
  };
}

const COMMA = Buffer.from(',');
const QUESTION_END = Buffer.from(']}');

/**
 * A paper's answer as the bytes its schema's serialiser writes (`AttemptSchema`: attemptId,
 * questions, deadline), joined from its questions' and options' bytes. Ten thousand participants
 * start in the same minute: serialising each paper's texts afresh made about 15 KB of strings a
 * start for the collector, and measuring the result for its length flattened them again
 * (docs/decisions.md, "A paper's bytes made once per bank").
 */
export function paperBytes(attemptId: string, drawn: readonly DrawnQuestion[], deadline: string, byId: ReadonlyMap<string, IndexedQuestion>): Buffer {
  const parts: Buffer[] = [Buffer.from(`{"attemptId":${JSON.stringify(attemptId)},"questions":[`)];
  for (let i = 0; i < drawn.length; i++) {
    const { questionId, optionIds } = drawn[i]!;
    const bytes = byId.get(questionId)!.bytes;
    if (i > 0) parts.push(COMMA);
    parts.push(bytes.head);
    for (let j = 0; j < optionIds.length; j++) {
      if (j > 0) parts.push(COMMA);
      parts.push(bytes.options.get(optionIds[j]!)!);
    }
    parts.push(QUESTION_END);
  }
  parts.push(Buffer.from(`],"deadline":${JSON.stringify(deadline)}}`));
  return Buffer.concat(parts);
}
