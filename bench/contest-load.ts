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
 * 'arrive': before a scheduled run, every participant opens the contest page as its phone does
 * (the open contests and who they are), each on a connection of its own that the scheduled run
 * then uses. People press start on a page they have loaded: a run whose phones all connect in
 * its first second measures how fast the server takes new connections, not how fast it starts
 * attempts (Node 20 takes one a turn of its event loop: docs/decisions.md, "One connection a turn").
 */
import { httpClient, jsonOf, type HttpClient, type SendOptions } from './http-client.js';
import { answerJobs, pool } from './load-process.js';
import { watchEventLoop } from './event-loop-delay.js';

interface HelloJob { kind: 'hello'; url: string; requests: number; concurrency: number }
interface ContestJob { kind: 'contest'; url: string; contestId: string; cookies: string[]; concurrency: number; spreadMs?: number }
interface ArriveJob { kind: 'arrive'; url: string; cookies: string[]; concurrency: number }
type Job = HelloJob | ContestJob | ArriveJob;

/** Adds one to `key`'s count. */
const tally = (statuses: Record<string, number>, key: string) => {
  statuses[key] = (statuses[key] ?? 0) + 1;
};

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

/** Each participant's own connection, opened by its page load ('arrive'), for the next scheduled run. */
let phones: HttpClient[] = [];

/** The GETs the contest page sends when it opens (web/src/features/contest/api/contest-api.ts). */
const PAGE_LOAD = ['/api/contests', '/api/contests/participants/me'];

async function arrive(job: ArriveJob) {
  for (const phone of phones) phone.close();
  phones = job.cookies.map(() => httpClient(1));
  const statuses: Record<string, number> = {};
  const started = performance.now();
  await pool(job.cookies.length, job.concurrency, async (i) => {
    for (const path of PAGE_LOAD) {
      const response = await phones[i]!.send(`${job.url}${path}`, { headers: { cookie: job.cookies[i]! } }).catch((error: NodeJS.ErrnoException) => {
        // Each phone holds an open file here and one in the server: past either's limit, the
        // connection fails (EMFILE here, a reset from the server), and the limit is what to raise.
        throw new Error(`a page load failed (${error.code ?? error.message}) with ${job.cookies.length} connections open: each process needs as many open files (\`ulimit -n\`)`);
      });
      tally(statuses, `GET ${path} ${response.status}`);
    }
  });
  return { elapsedMs: performance.now() - started, statuses };
}

async function runContest(job: ContestJob) {
  // The closed run's participants share `concurrency` sockets; a scheduled run's each use the
  // connection its page load opened (else, without 'arrive' first, one of the shared sockets).
  const client = httpClient(job.concurrency);
  const clientOf = (i: number) => (job.spreadMs !== undefined && phones[i]) || client;
  const starts: number[] = [];
  // Each start as [when it was sent, in ms from the run's start; its latency]: where the slow ones fall.
  const startTimeline: [number, number][] = [];
  const submits: number[] = [];
  const statuses: Record<string, number> = {};
  const scores: number[] = [];
  const count = (key: string) => tally(statuses, key);
  const attempts: string[] = [];
  // The client's own lateness: a latency it measures includes the time its loop was held.
  const loop = watchEventLoop();
  const started = performance.now();
  // A request the network failed (a connection reset by an overloaded server) is counted by its
  // error code, as a status, and its participant stops there: the run goes on and reports it.
  const sent = async (kind: string, i: number, url: string, options: SendOptions) => {
    try {
      return await clientOf(i).send(url, options);
    } catch (error) {
      count(`${kind} ${(error as NodeJS.ErrnoException).code ?? 'network error'}`);
      return undefined;
    }
  };
  const takePart = async (i: number) => {
    const headers = { cookie: job.cookies[i]!, 'content-type': 'application/json' };
    const sentAt = performance.now();
    const paper = await timed(starts, async () => {
      const response = await sent('start', i, `${job.url}/api/contests/${job.contestId}/attempts`, { method: 'POST', headers, body: '{}' });
      if (!response) return undefined;
      count(`start ${response.status}`);
      startTimeline.push([sentAt - started, performance.now() - sentAt]);
      return response.status === 200 ? jsonOf<Paper>(response) : undefined;
    });
    if (!paper) return;
    attempts[i] = paper.attemptId;
    const answers = paper.questions.map((q) => ({ questionId: q.id, optionId: q.options[i % q.options.length]!.id }));
    await timed(submits, async () => {
      const response = await sent('submit', i, `${job.url}/api/attempts/${paper.attemptId}/submit`, { method: 'POST', headers, body: JSON.stringify({ answers, prediction: i }) });
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
    const response = await sent('resubmit', i, `${job.url}/api/attempts/${attempts[i]}/submit`, {
      method: 'POST', headers: { cookie: job.cookies[i]!, 'content-type': 'application/json' }, body: JSON.stringify({ answers: [], prediction: 1 }),
    });
    if (response) count(`resubmit ${response.status}`);
  });
  // The phones stay connected, as after a contest: closed all at once here, ten thousand closes
  // would be the server's work while its meter still runs. The next 'arrive' closes them.
  client.close();
  return { elapsedMs, starts, startTimeline, submits, statuses, scoreSum: scores.reduce((a, b) => a + b, 0), scored: scores.length, clientEventLoopDelayMs };
}

answerJobs<Job>((job) => {
  if (job.kind === 'hello') return runHello(job);
  return job.kind === 'arrive' ? arrive(job) : runContest(job);
});
