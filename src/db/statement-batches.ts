/**
 * Many callers' rows written by one statement: while a statement of a kind is running, the rows
 * that arrive wait and then go together in the next one. Alone, a row goes at once (no timer, no
 * added wait); under load, one statement carries what arrived during the last one. Each
 * statement is a round trip, a plan execution and a commit of its own in PostgreSQL and a
 * query's worth of driver work in Node, so ten thousand people starting an attempt in the same
 * minute cost hundreds of statements instead of ten thousand (docs/decisions.md, "The contest's
 * writes together").
 *
 * One statement of a key runs at a time: two batches of the same kind never wait on each other's
 * row locks, so they cannot deadlock. A batch that fails is not the end of its rows: each is run
 * again alone, so a row that breaks the statement fails only its own caller.
 */
export type RunBatch<S, I, R> = (shared: S, items: readonly I[]) => Promise<readonly R[]>;

interface Waiting<S, I, R> {
  shared: S;
  items: I[];
  settle: { resolve: (result: R) => void; reject: (error: unknown) => void }[];
}

export class StatementBatches<S, I, R> {
  private readonly waiting = new Map<string, Waiting<S, I, R>>();
  private readonly running = new Set<string>();

  /**
   * `run` answers one result per item, in their order. Rows with the same `key` share `shared`
   * (the first caller's is used) and go in one statement, at most `maxRows` at a time.
   */
  constructor(private readonly run: RunBatch<S, I, R>, private readonly maxRows = 250) {}

  add(key: string, shared: S, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let waiting = this.waiting.get(key);
      if (!waiting) this.waiting.set(key, (waiting = { shared, items: [], settle: [] }));
      waiting.items.push(item);
      waiting.settle.push({ resolve, reject });
      if (!this.running.has(key)) this.next(key);
    });
  }

  private next(key: string): void {
    const waiting = this.waiting.get(key);
    if (!waiting) return;
    const items = waiting.items.splice(0, this.maxRows);
    const settle = waiting.settle.splice(0, this.maxRows);
    if (waiting.items.length === 0) this.waiting.delete(key);
    this.running.add(key);
    void this.settleAll(waiting.shared, items, settle).finally(() => {
      this.running.delete(key);
      this.next(key);
    });
  }

  private async settleAll(shared: S, items: I[], settle: Waiting<S, I, R>['settle']): Promise<void> {
    try {
      const results = await this.run(shared, items);
      if (results.length !== items.length) throw new Error(`A batch of ${items.length} answered ${results.length} results`);
      results.forEach((result, i) => settle[i]!.resolve(result));
    } catch (error) {
      if (items.length === 1) {
        settle[0]!.reject(error);
        return;
      }
      // One at a time, so a row that fails the statement fails no other.
      for (let i = 0; i < items.length; i++) {
        try {
          const [result] = await this.run(shared, [items[i]!]);
          settle[i]!.resolve(result!);
        } catch (alone) {
          settle[i]!.reject(alone);
        }
      }
    }
  }
}

/** One set of batches per database, so the test suite's many databases never share a statement. */
export function batchesPerDatabase<D extends object, S, I, R>(run: (db: D) => RunBatch<S, I, R>): (db: D) => StatementBatches<S, I, R> {
  const byDatabase = new WeakMap<D, StatementBatches<S, I, R>>();
  return (db) => {
    let batches = byDatabase.get(db);
    if (!batches) byDatabase.set(db, (batches = new StatementBatches(run(db))));
    return batches;
  };
}
