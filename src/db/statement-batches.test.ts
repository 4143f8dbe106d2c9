import { describe, expect, it } from 'vitest';
import { StatementBatches } from './statement-batches.js';

/** A statement that takes a moment and records the rows of every run; it fails any run holding a negative number. */
function recorder() {
  const runs: number[][] = [];
  const run = async (factor: number, items: readonly number[]) => {
    runs.push([...items]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (items.some((item) => item < 0)) throw new Error('negative');
    return items.map((item) => item * factor);
  };
  return { runs, run };
}

describe('StatementBatches', () => {
  it('sends a row alone at once, and the rows that arrive meanwhile together next, each answered with its own result', async () => {
    const { runs, run } = recorder();
    const batches = new StatementBatches(run);
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => batches.add('k', 10, n)));
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(runs).toEqual([[1], [2, 3, 4, 5]]);
  });

  it('keeps keys apart, and caps the rows of one statement', async () => {
    const { runs, run } = recorder();
    const batches = new StatementBatches(run, 2);
    const results = await Promise.all([batches.add('a', 1, 1), batches.add('b', 100, 1), batches.add('a', 1, 2), batches.add('a', 1, 3), batches.add('a', 1, 4)]);
    expect(results).toEqual([1, 100, 2, 3, 4]);
    expect(runs).toEqual([[1], [1], [2, 3], [4]]);
  });

  it('fails only the row that breaks a statement: the others of its batch are run again alone', async () => {
    const { runs, run } = recorder();
    const batches = new StatementBatches(run);
    const settled = await Promise.allSettled([1, 2, -3, 4].map((n) => batches.add('k', 2, n)));
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([2, 4, 'negative', 8]);
    expect(runs).toEqual([[1], [2, -3, 4], [2], [-3], [4]]);
  });

  it('refuses a run that answers a result too few, rather than answering rows with the wrong results', async () => {
    const batches = new StatementBatches(async (_: null, items: readonly number[]) => items.slice(1));
    await expect(batches.add('k', null, 1)).rejects.toThrow('A batch of 1 answered 0 results');
  });
});
