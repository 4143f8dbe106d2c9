/**
 * The contest benchmark's load generator, run in a process of its own so its work and memory
 * are not the server's. Told what to do over IPC; answers latencies per kind.
 *
 * 'hello': `requests` GETs of `url` with `concurrency` in flight (Fastify's own ceiling).
 * 'contest': every participant (cookie) starts an attempt, answers it and submits, with
 * `concurrency` participants in flight; then sends one duplicate submission per participant.
 * With `spreadMs`, participants do not wait for a free place: each starts at its own moment,
 * evenly over `spreadMs` (10,000 people starting within 10 s), and submits as soon as its paper
 * arrives, whatever is still in flight, as people on their own phones do.
 */
import { httpClient, jsonOf, type SendOptions } from './http-client.js';
import { answerJobs, pool } from './load-process.js';
import { watchEventLoop } from './event-loop-delay.js';

interface HelloJob { kind: 'hello'; url: string; requests: number; concurrency: number }
interface ContestJob { kind: 'contest'; url: string; contestId: string; cookies: string[]; concurrency: number; spreadMs?: number }
type Job = HelloJob | ContestJob;

interface Paper { attemptId: string; questions: { id: string; options: { id: string }[] }[] }

async function timed<T>(latencies: number[], work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  latencies.push(performance.now() - started);
  return result;
}

async function runHello(job: HelloJob) {
  const client = httpClient(job.concurrency);
  const latencies: number[] = [];
  const started = performance.now();
  await pool(job.requests, job.concurrency, async () => {
    await timed(latencies, async () => {
      const response = await client.send(job.url);
      if (response.status !== 200) throw new Error(`hello ${response.status}`);
    });
  });
  const elapsedMs = performance.now() - started;
  client.close();
  return { elapsedMs, latencies };
}

/** Runs `each` for every index, each at its moment evenly over `spreadMs`, none waiting for another. */
async function onSchedule(count: number, spreadMs: number, each: (i: number) => Promise<void>): Promise<void> {
  const started = performance.now();
  await Promise.all(Array.from({ length: count }, (_, i) => new Promise<void>((resolve, reject) => {
    setTimeout(() => each(i).then(resolve, reject), Math.max(0, started + (i * spreadMs) / count - performance.now()));
  })));
}

/** Sockets kept open at most while participants arrive on a schedule: far more than ever in flight. */
const SCHEDULED_SOCKETS = 2000;

async function runContest(job: ContestJob) {
  const client = httpClient(job.spreadMs === undefined ? job.concurrency : SCHEDULED_SOCKETS);
  const starts: number[] = [];
  // Each start as [when it was sent, in ms from the run's start; its latency]: where the slow ones fall.
  const startTimeline: [number, number][] = [];
  const submits: number[] = [];
  const statuses: Record<string, number> = {};
  const scores: number[] = [];
  const count = (key: string) => (statuses[key] = (statuses[key] ?? 0) + 1);
  const attempts: string[] = [];
  // The client's own lateness: a latency it measures includes the time its loop was held.
  const loop = watchEventLoop();
  const started = performance.now();
  // A request the network failed (a connection reset by an overloaded server) is counted by its
  // error code, as a status, and its participant stops there: the run goes on and reports it.
  const sent = async (kind: string, url: string, options: SendOptions) => {
    try {
      return await client.send(url, options);
    } catch (error) {
      count(`${kind} ${(error as NodeJS.ErrnoException).code ?? 'network error'}`);
      return undefined;
    }
  };
  const takePart = async (i: number) => {
    const headers = { cookie: job.cookies[i]!, 'content-type': 'application/json' };
    const sentAt = performance.now();
    const paper = await timed(starts, async () => {
      const response = await sent('start', `${job.url}/api/contests/${job.contestId}/attempts`, { method: 'POST', headers, body: '{}' });
      if (!response) return undefined;
      count(`start ${response.status}`);
      startTimeline.push([sentAt - started, performance.now() - sentAt]);
      return response.status === 200 ? jsonOf<Paper>(response) : undefined;
    });
    if (!paper) return;
    attempts[i] = paper.attemptId;
    const answers = paper.questions.map((q) => ({ questionId: q.id, optionId: q.options[i % q.options.length]!.id }));
    await timed(submits, async () => {
      const response = await sent('submit', `${job.url}/api/attempts/${paper.attemptId}/submit`, { method: 'POST', headers, body: JSON.stringify({ answers, prediction: i }) });
      if (!response) return;
      count(`submit ${response.status}`);
      if (response.status === 200) scores.push(jsonOf<{ score: number }>(response).score);
    });
  };
  if (job.spreadMs === undefined) await pool(job.cookies.length, job.concurrency, takePart);
  else await onSchedule(job.cookies.length, job.spreadMs, takePart);
  const elapsedMs = performance.now() - started;
  const clientEventLoopDelayMs = loop();
  // Every participant sends its submission again: none may be scored a second time.
  await pool(job.cookies.length, job.concurrency, async (i) => {
    if (!attempts[i]) return;
    const response = await sent('resubmit', `${job.url}/api/attempts/${attempts[i]}/submit`, {
      method: 'POST', headers: { cookie: job.cookies[i]!, 'content-type': 'application/json' }, body: JSON.stringify({ answers: [], prediction: 1 }),
    });
    if (response) count(`resubmit ${response.status}`);
  });
  client.close();
  return { elapsedMs, starts, startTimeline, submits, statuses, scoreSum: scores.reduce((a, b) => a + b, 0), scored: scores.length, clientEventLoopDelayMs };
}

answerJobs<Job>((job) => (job.kind === 'hello' ? runHello(job) : runContest(job)));
