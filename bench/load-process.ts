import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * A part of a benchmark in a process of its own (its load client, or its server), so that the
 * server's memory, CPU and garbage collection are counted apart from the rest. The parent sends a
 * job over IPC and waits for its answer (`forkBenchProcess`); the child answers each job it is
 * sent (`answerJobs`).
 */
export interface BenchProcess {
  ask<T>(job: object): Promise<T>;
  kill(): void;
}

interface Answer { ok: boolean; result?: unknown; error?: string }

/** `module` is TypeScript (run through tsx's loader) unless `compiled` says it is JavaScript. */
export function forkBenchProcess(module: URL, options: { compiled?: boolean } = {}): BenchProcess {
  // The benchmark's heap limit (package.json's bench scripts) goes to the child as well: for a
  // server in a child, it is the server's.
  const heapLimit = process.execArgv.filter((flag) => flag.startsWith('--max-old-space-size'));
  const loader = options.compiled ? [] : ['--import', 'tsx'];
  // BENCH_NODE_FLAGS: V8 flags for the children only (--trace-gc, --max-semi-space-size…), which
  // NODE_OPTIONS refuses or would give the benchmark's own process too.
  const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = fork(fileURLToPath(module), [], { execArgv: [...heapLimit, ...flags, ...loader] });
  return {
    ask: <T>(job: object) => new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`${fileURLToPath(module)} exited (${code}) before answering`));
      child.once('exit', onExit);
      child.once('message', (message: Answer) => {
        child.off('exit', onExit);
        if (message.ok) resolve(message.result as T);
        else reject(new Error(message.error));
      });
      child.send(job);
    }),
    kill: () => child.kill(),
  };
}

/** In the child: runs each job the parent sends and answers its result or its error. */
export function answerJobs<J>(run: (job: J) => Promise<unknown>): void {
  process.on('message', (job: J) => {
    run(job).then((result) => process.send!({ ok: true, result }), (error: unknown) => process.send!({ ok: false, error: String(error) }));
  });
}

/** Runs `work` for indexes 0 … count − 1, with `concurrency` running at once, each taking the next index. */
export async function pool(count: number, concurrency: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) await work(next++);
  }));
}
