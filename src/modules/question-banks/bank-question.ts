import type { RowError } from '../../errors.js';

/** Options a question of a bank has: the contest rules and the three file formats all say four. */
export const OPTION_COUNT = 4;
export const OPTION_LETTERS = ['A', 'B', 'C', 'D'] as const;

/** A question as read from a file, before it gets ids: four option texts and the correct one's index. */
export interface DraftQuestion {
  /** Where it starts in the file (1-based line, or the spreadsheet row), for the error report. */
  line: number;
  topic: string;
  text: string;
  options: string[];
  correct: number;
}

/** What a parser answers: every readable question and every row it refused, so one report lists all. */
export interface ParsedBank {
  questions: DraftQuestion[];
  errors: RowError[];
}

const MAX_TEXT = 2000;

/**
 * The checks every format shares, so a question refused in Aiken is refused in GIFT and XLSX for
 * the same reason: a text, exactly four distinct non-empty options, one correct answer among them.
 */
export function checkDraft(draft: DraftQuestion, errors: RowError[]): boolean {
  const before = errors.length;
  if (draft.text.trim() === '') errors.push({ row: draft.line, field: 'question', reason: 'MISSING_VALUE', params: { column: 'question' } });
  else if (draft.text.length > MAX_TEXT) errors.push({ row: draft.line, field: 'question', reason: 'QUESTION_TOO_LONG', params: { max: MAX_TEXT } });
  if (draft.options.length !== OPTION_COUNT) {
    errors.push({ row: draft.line, field: 'options', reason: 'QUESTION_OPTION_COUNT', params: { count: draft.options.length, expected: OPTION_COUNT } });
  } else if (draft.options.some((option) => option.trim() === '' || option.length > MAX_TEXT)) {
    errors.push({ row: draft.line, field: 'options', reason: 'QUESTION_OPTION_EMPTY' });
  } else if (new Set(draft.options.map((o) => o.trim().toLowerCase())).size !== OPTION_COUNT) {
    errors.push({ row: draft.line, field: 'options', reason: 'QUESTION_OPTION_REPEATED' });
  }
  if (!(draft.correct >= 0 && draft.correct < draft.options.length)) {
    errors.push({ row: draft.line, field: 'answer', reason: 'QUESTION_NO_ANSWER' });
  }
  return errors.length === before;
}
