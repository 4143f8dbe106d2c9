import { PerformanceObserver } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.js';
import { percentile } from '../bench-server.js';
import type { TSchema } from 'typebox';
import { BROWSER_ENCODINGS, httpClient, type Reply } from '../http-client.js';
import { answerCosts, type AnswerCosts } from './answer-costs.js';
import { compareToCeiling, type CeilingComparison } from './compare.js';
import { profileOfPart, withCpuProfile } from './cpu-profile.js';
import { recordQueries, replayQueries, timeInsideDatabase, type RecordedQuery } from './query-recorder.js';

export interface ReadTimes {
  requests: number;
  p50: number;
  p95: number;
  max: number;
  /**
   * CPU time (user + system) of this process per run: the server, the client and the driver all
   * run here, so it is what a run costs the machine's Node side, and a loaded machine inflates it
   * far less than wall time.
   */
  cpuMsPerRun: number;
  /**
   * Garbage collection pauses of this process during the timed runs: their total, how many runs
   * overlapped one, and the p95 of the runs that did not. A pause stops the server and the client
   * alike, so it lands on whichever run is in flight.
   */
  gc: { pauseMs: number; runsPaused: number; p95Unpaused: number };
}

export interface ReadBenchResult {
  path: string;
  statements: number;
  /** The start of each statement the read sends, in order: what the count is made of. */
  statementHeads: string[];
  answer: AnswerCosts;
  /** The route while no data changes: its answer kept (src/db/kept-answers.ts). Budget: p95 ≤ 5 ms. */
  doorstep: ReadTimes;
  /**
   * The route with a write committed before each request, as while the field syncs: every answer
   * made again from the data. The statements below are this path's.
   */
  doorstepMadeAfresh: ReadTimes;
  /** The route's own statements alone, one connection, back to back. */
  sqlOverOneConnection: ReadTimes;
  /** The same statements' execution and planning time inside the database (EXPLAIN ANALYZE), once. */
  sqlInsideDatabaseMs: number;
  /** A bare Fastify route answering the same bytes from memory. */
  fastifyFromMemory: ReadTimes;
  /** Doorstep's p95 made afresh against the SQL's p95 (budget ≤ 3), and kept against the bare route's. */
  p95: CeilingComparison;
  p95OverFastify: CeilingComparison;
}

const WARM_UP = 5;

/**
 * Times `count` runs of `run` after a few that warm caches and the JIT and are not counted.
 * `before`, when given, runs before each run, outside its time.
 */
export async function timeRuns(count: number, run: () => Promise<unknown>, before?: () => Promise<unknown>): Promise<ReadTimes> {
  for (let i = 0; i < WARM_UP; i++) {
    await before?.();
    await run();
  }
  const pauses: { start: number; end: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const runs: { start: number; end: number }[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    await before?.();
    const start = performance.now();
    await run();
    runs.push({ start, end: performance.now() });
  }
  const cpu = process.cpuUsage(cpuBefore);
  // GC entries are delivered after the fact: let them arrive before reading them.
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  const paused = (r: { start: number; end: number }) => pauses.some((p) => p.end > r.start && p.start < r.end);
  const sorted = (list: { start: number; end: number }[]) => list.map((r) => r.end - r.start).sort((a, b) => a - b);
  const times = sorted(runs);
  const unpaused = sorted(runs.filter((r) => !paused(r)));
  const ms = (n: number) => Number(n.toFixed(2));
  return {
    requests: count, p50: ms(percentile(times, 50)), p95: ms(percentile(times, 95)), max: ms(times.at(-1)!),
    cpuMsPerRun: ms((cpu.user + cpu.system) / 1000 / count),
    gc: {
      pauseMs: ms(pauses.filter((p) => p.end > runs[0]!.start).reduce((sum, p) => sum + p.end - p.start, 0)),
      runsPaused: runs.length - unpaused.length,
      p95Unpaused: unpaused.length === 0 ? NaN : ms(percentile(unpaused, 95)),
    },
  };
}

/**
 * One read route against its two ceilings, measured in the same minutes on the same database:
 * the statements the route sends (recorded from the drivers, then run alone) and Fastify itself
 * answering the route's bytes from memory. The client is the same for both routes: one kept-alive
 * connection, asking for compressed answers as a browser does and reading their bytes.
 */
export async function benchRead(
  url: string, db: Database, path: string, headers: Record<string, string>, requests: number, schema: TSchema, cpuProfile?: string,
): Promise<ReadBenchResult> {
  const client = httpClient(1);
  // Asked as a browser asks, compressed; the bytes are read as they travel (bench/http-client.ts).
  const asked = { ...headers, 'accept-encoding': BROWSER_ENCODINGS };
  const get = async (base: string) => {
    const response = await client.send(`${base}${path}`, { headers: asked });
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    return response;
  };
  // A statement that writes no row still counts as a write: the next answer is made again.
  const write = () => sql`update difficulties set id = id where false`.execute(db);
  // With a file named, V8 CPU profiles of the timed requests alone (server and client, one
  // process): the kept ones in it, those made afresh beside it (`-afresh`).
  const doorstep = await withCpuProfile(cpuProfile, () => timeRuns(requests, () => get(url)));
  const doorstepMadeAfresh = await withCpuProfile(profileOfPart(cpuProfile, 'afresh'), () => timeRuns(requests, () => get(url), write));
  // Recorded on a warm server after a write, so per-process caches answer as they do under the
  // measurement made afresh, and the statements are those that make the answer.
  await write();
  const statements = await recordQueries(() => get(url));
  const sqlOverOneConnection = await timeRuns(requests, () => replayQueries(db, statements));
  const sqlInsideDatabaseMs = Number((await timeInsideDatabase(db, statements)).toFixed(2));
  const raw = answerAsItTravels(await get(url));
  const fastifyFromMemory = await withBytesServer(raw, (base) => timeRuns(requests, () => get(base)));
  const body: unknown = await (await fetch(`${url}${path}`, { headers })).json();
  client.close();
  const answer = answerCosts(body, schema, { bytes: raw.body.length, encoding: raw.headers['content-encoding'] ?? null });
  return {
    path, statements: statements.length, statementHeads: statements.map(headOf), answer, doorstep, doorstepMadeAfresh, sqlOverOneConnection, sqlInsideDatabaseMs, fastifyFromMemory,
    p95: compareToCeiling('ms (p95)', sqlOverOneConnection.p95, doorstepMadeAfresh.p95, { atMost: 3 }),
    p95OverFastify: compareToCeiling('ms (p95)', fastifyFromMemory.p95, doorstep.p95, { atMost: 3 }),
  };
}

/** A statement's first words, enough to tell which read it is. */
function headOf(query: RecordedQuery): string {
  const text = query.sql.replace(/\s+/g, ' ').trim();
  const from = / from "?([a-z_]+)"?/i.exec(text)?.[1];
  return `${text.slice(0, 48)}${from ? ` … from ${from}` : ''}`;
}

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The headers a bare route needs to answer the same bytes the same way. */
function answerAsItTravels(reply: Reply): RawAnswer {
  const kept: Record<string, string> = {};
  for (const name of ['content-type', 'content-encoding', 'vary', 'cache-control']) {
    const value = reply.headers[name];
    if (typeof value === 'string') kept[name] = value;
  }
  return { status: reply.status, headers: kept, body: reply.body };
}

async function withBytesServer<T>(answer: RawAnswer, measure: (base: string) => Promise<T>): Promise<T> {
  const app = Fastify({ logger: false });
  app.get('/*', (_request, reply) => reply.code(answer.status).headers(answer.headers).send(answer.body));
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    return await measure(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
  } finally {
    await app.close();
  }
}
