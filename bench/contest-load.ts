/**
 * The contest benchmark's load generator, run in a process of its own so its work and memory
 * are not the server's. Told what to do over IPC; answers latencies per kind.
 *
 * 'hello': `requests` GETs of `url` with `concurrency` in flight (Fastify's own ceiling).
 * 'contest': every participant (cookie) starts an attempt, answers it and submits, with
 * `concurrency` participants in flight; then sends one duplicate submission per participant.
 */
import { answerJobs, pool } from './load-process.js';

interface HelloJob { kind: 'hello'; url: string; requests: number; concurrency: number }
interface ContestJob { kind: 'contest'; url: string; contestId: string; cookies: string[]; concurrency: number }
type Job = HelloJob | ContestJob;

interface Paper { attemptId: string; questions: { id: string; options: { id: string }[] }[] }

async function timed<T>(latencies: number[], work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  latencies.push(performance.now() - started);
  return result;
}

async function runHello(job: HelloJob) {
  const latencies: number[] = [];
  const started = performance.now();
  await pool(job.requests, job.concurrency, async () => {
    await timed(latencies, async () => {
      const response = await fetch(job.url);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`hello ${response.status}`);
    });
  });
  return { elapsedMs: performance.now() - started, latencies };
}

async function runContest(job: ContestJob) {
  const starts: number[] = [];
  const submits: number[] = [];
  const statuses: Record<string, number> = {};
  const scores: number[] = [];
  const count = (key: string) => (statuses[key] = (statuses[key] ?? 0) + 1);
  const attempts: string[] = [];
  const started = performance.now();
  await pool(job.cookies.length, job.concurrency, async (i) => {
    const headers = { cookie: job.cookies[i]!, 'content-type': 'application/json' };
    const paper = await timed(starts, async () => {
      const response = await fetch(`${job.url}/api/contests/${job.contestId}/attempts`, { method: 'POST', headers, body: '{}' });
      count(`start ${response.status}`);
      return response.ok ? ((await response.json()) as Paper) : (await response.arrayBuffer(), undefined);
    });
    if (!paper) return;
    attempts[i] = paper.attemptId;
    const answers = paper.questions.map((q) => ({ questionId: q.id, optionId: q.options[i % q.options.length]!.id }));
    await timed(submits, async () => {
      const response = await fetch(`${job.url}/api/attempts/${paper.attemptId}/submit`, { method: 'POST', headers, body: JSON.stringify({ answers, prediction: i }) });
      count(`submit ${response.status}`);
      const body = (await response.json()) as { score?: number };
      if (response.ok) scores.push(body.score!);
    });
  });
  const elapsedMs = performance.now() - started;
  // Every participant sends its submission again: none may be scored a second time.
  await pool(job.cookies.length, job.concurrency, async (i) => {
    if (!attempts[i]) return;
    const response = await fetch(`${job.url}/api/attempts/${attempts[i]}/submit`, {
      method: 'POST', headers: { cookie: job.cookies[i]!, 'content-type': 'application/json' }, body: JSON.stringify({ answers: [], prediction: 1 }),
    });
    count(`resubmit ${response.status}`);
    await response.arrayBuffer();
  });
  return { elapsedMs, starts, submits, statuses, scoreSum: scores.reduce((a, b) => a + b, 0), scored: scores.length };
}

answerJobs<Job>((job) => (job.kind === 'hello' ? runHello(job) : runContest(job)));
