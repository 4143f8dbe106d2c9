import { randomInt } from 'node:crypto';
import type { BankQuestion } from '../question-banks/question-banks.service.js';

/** What an attempt keeps of each question: its id and the order its options were shown in. */
export interface DrawnQuestion {
  questionId: string;
  optionIds: string[];
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Draws `count` distinct questions at random on the server, each with its options shuffled, so
 * two participants side by side see different papers and option positions tell nothing.
 */
export function drawQuestions(bank: readonly BankQuestion[], count: number): DrawnQuestion[] {
  const picked = new Set<number>();
  const n = Math.min(count, bank.length);
  // Partial Fisher–Yates over indexes would copy the bank every time; a set of picks is cheaper for 10 of thousands.
  while (picked.size < n) picked.add(randomInt(bank.length));
  return [...picked].map((index) => {
    const question = bank[index]!;
    return { questionId: question.id, optionIds: shuffled(question.options.map((o) => o.id)) };
  });
}
