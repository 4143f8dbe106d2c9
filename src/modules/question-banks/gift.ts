import type { RowError } from '../../errors.js';
import { checkDraft, type DraftQuestion, type ParsedBank } from './bank-question.js';

/** GIFT's special characters, escaped with a backslash inside texts. */
const SPECIAL = /[~=#{}:\\]/g;

function unescapeGift(text: string): string {
  return text.replace(/\\([~=#{}:\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c)).trim();
}

function stripMarkup(text: string): string {
  return text.replace(/^\[(html|moodle|plain|markdown)\]/i, '').trim();
}

/** Splits at every unescaped occurrence of one of `chars`, keeping the separator first in each part. */
function splitUnescaped(text: string, chars: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[i + 1];
      i += 1;
      continue;
    }
    if (chars.includes(c)) {
      parts.push(current);
      current = c;
      continue;
    }
    current += c;
  }
  parts.push(current);
  return parts;
}

function indexOfUnescaped(text: string, char: string, from = 0): number {
  for (let i = from; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === char) return i;
  }
  return -1;
}

/**
 * GIFT, multiple choice only: `::title:: question { =right ~wrong ~wrong ~wrong }`, questions
 * separated by blank lines, `//` comments, `$CATEGORY:` naming the topic of those that follow.
 * Feedback (`#…`) is dropped; weighted answers, true/false, matching, numeric and short-answer
 * questions are refused by row, since a contest question has exactly one right option.
 */
export function parseGift(text: string): ParsedBank {
  const questions: DraftQuestion[] = [];
  const errors: RowError[] = [];
  let topic = '';
  const blocks: { line: number; text: string }[] = [];
  let current: { line: number; lines: string[] } | undefined;
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith('//')) return;
    if (trimmed === '') {
      if (current) blocks.push({ line: current.line, text: current.lines.join('\n') });
      current = undefined;
      return;
    }
    if (!current && /^\$CATEGORY:/i.test(trimmed)) {
      // Moodle writes categories as paths ("$course$/top/Kỹ năng số"); the topic is the last part.
      const path = trimmed.replace(/^\$CATEGORY:\s*/i, '');
      blocks.push({ line: index + 1, text: `\u0000${path.split('/').filter(Boolean).pop()?.trim() ?? ''}` });
      return;
    }
    current ??= { line: index + 1, lines: [] };
    current.lines.push(raw);
  });
  if (current) blocks.push({ line: current.line, text: current.lines.join('\n') });

  for (const block of blocks) {
    if (block.text.startsWith('\u0000')) {
      topic = block.text.slice(1);
      continue;
    }
    let body = block.text.trim();
    if (body.startsWith('::')) {
      const end = body.indexOf('::', 2);
      if (end > 0) body = body.slice(end + 2).trim();
    }
    const open = indexOfUnescaped(body, '{');
    const close = open < 0 ? -1 : indexOfUnescaped(body, '}', open + 1);
    if (open < 0 || close < 0) {
      errors.push({ row: block.line, field: 'answer', reason: 'QUESTION_NO_ANSWER' });
      continue;
    }
    const stem = stripMarkup(unescapeGift(`${body.slice(0, open)} ${body.slice(close + 1)}`.replace(/\s+/g, ' ')));
    const answerText = body.slice(open + 1, close).trim();
    const parts = splitUnescaped(answerText, '~=').map((p) => p.trim()).filter((p) => p !== '');
    if (parts.length === 0 || parts.some((p) => !p.startsWith('~') && !p.startsWith('=')) || parts.some((p) => /^[~=]\s*%/.test(p) || /->/.test(p))) {
      errors.push({ row: block.line, field: 'answer', reason: 'QUESTION_NOT_MULTIPLE_CHOICE' });
      continue;
    }
    const options = parts.map((p) => stripMarkup(unescapeGift(splitUnescaped(p.slice(1), '#')[0]!)));
    const right = parts.map((p, i) => (p.startsWith('=') ? i : -1)).filter((i) => i >= 0);
    if (right.length !== 1) {
      errors.push({ row: block.line, field: 'answer', reason: right.length === 0 ? 'QUESTION_NO_ANSWER' : 'QUESTION_MANY_ANSWERS' });
      continue;
    }
    const draft = { line: block.line, topic, text: stem, options, correct: right[0]! };
    if (checkDraft(draft, errors)) questions.push(draft);
  }
  return { questions, errors: errors.sort((a, b) => a.row - b.row) };
}

function escapeGift(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** Writes questions back as GIFT, a `$CATEGORY` line where the topic changes. */
export function writeGift(questions: readonly Omit<DraftQuestion, 'line'>[]): string {
  const out: string[] = [];
  let topic: string | undefined;
  for (const q of questions) {
    if (q.topic !== topic) {
      topic = q.topic;
      out.push(`$CATEGORY: ${topic.replace(/\r?\n/g, ' ')}`);
    }
    const options = q.options.map((o, i) => `  ${i === q.correct ? '=' : '~'}${escapeGift(o)}`);
    out.push(`${escapeGift(q.text)} {\n${options.join('\n')}\n}`);
  }
  return out.join('\n\n') + '\n';
}
