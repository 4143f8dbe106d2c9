import type { RowError } from '../../errors.js';
import { checkDraft, OPTION_LETTERS, type DraftQuestion, type ParsedBank } from './bank-question.js';

const OPTION_LINE = /^([A-Z])\s*[.)]\s*(.*)$/;
const ANSWER_LINE = /^ANSWER\s*:\s*(.*)$/i;

/**
 * Aiken (Moodle's plain multiple-choice format): the question on its own line(s), options
 * "A." or "A)" one per line, then "ANSWER: B"; blank lines between questions. Aiken has no
 * topic, so every question gets the one the officer names for the file.
 */
export function parseAiken(text: string, topic = ''): ParsedBank {
  const questions: DraftQuestion[] = [];
  const errors: RowError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let block: { line: number; stem: string[]; options: { letter: string; text: string }[] } | undefined;

  const close = (answer: string | undefined, line: number) => {
    if (!block) return;
    const current = block;
    block = undefined;
    if (answer === undefined) {
      errors.push({ row: current.line, field: 'answer', reason: 'QUESTION_NO_ANSWER' });
      return;
    }
    const letter = answer.trim().toUpperCase();
    const correct = current.options.findIndex((o) => o.letter === letter);
    const draft = { line: current.line, topic, text: current.stem.join(' ').trim(), options: current.options.map((o) => o.text.trim()), correct };
    const lettersInOrder = current.options.every((o, i) => o.letter === OPTION_LETTERS[i]);
    if (!lettersInOrder && current.options.length === OPTION_LETTERS.length) {
      errors.push({ row: current.line, field: 'options', reason: 'QUESTION_OPTION_LETTERS' });
      return;
    }
    if (correct < 0) {
      errors.push({ row: line, field: 'answer', reason: 'QUESTION_BAD_ANSWER', params: { value: answer.trim() } });
      return;
    }
    if (checkDraft(draft, errors)) questions.push(draft);
  };

  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') {
      // A blank line inside a question before its answer is tolerated; after the options it ends nothing.
      return;
    }
    const answer = ANSWER_LINE.exec(trimmed);
    if (answer) {
      if (!block) errors.push({ row: line, field: 'answer', reason: 'QUESTION_NO_QUESTION' });
      else close(answer[1], line);
      return;
    }
    const option = OPTION_LINE.exec(trimmed);
    if (block && option && (block.options.length > 0 || block.stem.length > 0)) {
      block.options.push({ letter: option[1]!, text: option[2]! });
      return;
    }
    if (block && block.options.length > 0) {
      // Text after the options with no ANSWER line: the previous question never ended.
      close(undefined, line);
    }
    if (!block) block = { line, stem: [], options: [] };
    block.stem.push(trimmed);
  });
  close(undefined, lines.length);
  return { questions, errors: errors.sort((a, b) => a.row - b.row) };
}

/** Writes questions back as Aiken; a line break inside a text would end it, so it becomes a space. */
export function writeAiken(questions: readonly Omit<DraftQuestion, 'line'>[]): string {
  const flat = (s: string) => s.replace(/\s*\r?\n\s*/g, ' ').trim();
  return questions.map((q) => [
    flat(q.text),
    ...q.options.map((o, i) => `${OPTION_LETTERS[i]}. ${flat(o)}`),
    `ANSWER: ${OPTION_LETTERS[q.correct]}`,
  ].join('\n')).join('\n\n') + '\n';
}
