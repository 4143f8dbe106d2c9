import type { BankQuestion } from '../question-banks/question-banks.service.js';
import { questionBytes, type QuestionBytes } from './paper-bytes.js';

/** A bank's question, with its options' texts by id: what a paper and a score look up. */
export interface IndexedQuestion {
  question: BankQuestion;
  optionText: ReadonlyMap<string, string>;
  /** The question and its options as a paper's JSON writes them. */
  bytes: QuestionBytes;
}

// Keyed by the bank's array, which the question-bank service keeps for the life of the process:
// building these maps on every start and submission was per-request work over the whole bank
// (500 questions in the benchmark) for the ten questions of one attempt. A bank dropped from
// that service's memory drops its index with it.
const indexes = new WeakMap<readonly BankQuestion[], ReadonlyMap<string, IndexedQuestion>>();

/** The bank's questions by id, built once per bank. */
export function bankIndex(bank: readonly BankQuestion[]): ReadonlyMap<string, IndexedQuestion> {
  let index = indexes.get(bank);
  if (!index) {
    index = new Map(bank.map((question) => [question.id, {
      question, optionText: new Map(question.options.map((o) => [o.id, o.text])), bytes: questionBytes(question),
    }]));
    indexes.set(bank, index);
  }
  return index;
}
