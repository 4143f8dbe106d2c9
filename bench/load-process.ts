import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * A benchmark's load client in a process of its own, so that its requests, its memory and its
 * garbage collection are not counted as the server's. The parent sends a job over IPC and waits
 * for its answer (`forkLoadProcess`); the child answers each job it is sent (`answerJobs`).
 */
export interface LoadProcess {
  ask<T>(job: object): Promise<T>;
  kill(): void;
}

interface Answer { ok: boolean; result?: unknown; error?: string }

export function forkLoadProcess(module: URL): LoadProcess {
  const child = fork(fileURLToPath(module), [], { execArgv: ['--import', 'tsx'] });
  return {
    ask: <T>(job: object) => new Promise<T>((resolve, reject) => {
      child.once('message', (message: Answer) => (message.ok ? resolve(message.result as T) : reject(new Error(message.error))));
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
