import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../src/db/database.js';
import { createUser, findUserByUsername } from '../src/modules/auth/auth.service.js';
import { countUnits, createUnit } from '../src/modules/units/units.service.js';
import { vietnamDay } from '../src/lib/vietnam-day.js';
import { benchLogin, percentile } from './bench-server.js';
import { compareToCeiling, type CeilingComparison } from './ceilings/compare.js';
import type { StatementTime } from './ceilings/query-recorder.js';
import { areaOfVillage, writeVisitsBySql, type CeilingPlace, type CeilingVisit } from './ceilings/sync-ceiling.js';
import { httpClient } from './http-client.js';
import { forkBenchProcess, pool } from './load-process.js';
import { pushAll, pushBatch, serialiseBatches, type PushRun } from './sync-push.js';
import type { GcPauses } from './gc-pauses.js';
import { meterThisProcess, type ServerMeter } from './server-meter.js';
import { withMachineCpu } from './machine-cpu.js';

export interface SyncIngestOptions {
  visits: number;
  households: number;
  concurrency: number;
  batchSize: number;
  /** The village the visits happen in; made with its commune and province in an empty database. */
  village?: string;
  /** A file to write the CPU profile of Doorstep's part to. */
  cpuProfile?: string;
  /** Measures the server's process over Doorstep's part; by default this process (the server runs here). */
  meter?: ServerMeter;
  /**
   * Runs the load client in a child process (`sync-load.ts`), so this process's memory and CPU
   * are the server's own; the tests keep it in the process.
   */
  clientInChild?: boolean;
}

export interface SyncIngestResult {
  visits: number;
  batchSize: number;
  concurrency: number;
  visitsPerSecond: CeilingComparison;
  seconds: { ceiling: number; doorstep: number };
  /** The ceiling's visits/s in its half before Doorstep's part and in its half after it. */
  ceilingHalves: number[];
  batchMs: { p50: number; p95: number; p99: number };
  replayedBatch: { ms: number; duplicates: number };
  /** Doorstep's part: CPU of this process (user + system) per 1,000 visits, and what it sent the database per batch. */
  doorstepCost: { nodeCpuMsPer1000Visits: number; nodeSystemCpuMsPer1000Visits: number; statementsPerBatch: number; transactionsPerBatch: number; kilobytesPerBatch: number };
  /**
   * Each statement's milliseconds per batch from sending to answer, as the server waits for it
   * (the database's work, its waits for locks and for the CPU, and the server's wait to read the
   * answer), by name, longest first; the rest of a batch's time is the server's own work and its
   * wait for the other batches' turns.
   */
  statementMsPerBatch: Record<string, number>;
  /**
   * The load client's CPU per 1,000 visits (serialised bodies sent, answers read and checked):
   * part of Doorstep's side of the machine's figure below, none of the server's. In the server's
   * process when the client runs there.
   */
  clientCpuMsPer1000Visits: number;
  /**
   * The whole machine's busy CPU per 1,000 visits on each side (database, server and client
   * together; null without /proc): at full use of every core, the ratio cannot pass ceiling / doorstep.
   */
  machineCpuMsPer1000Visits: { ceiling: number; doorstep: number } | null;
  /** Where the client ran: in a child process, the server's process's CPU and memory are the server's alone. */
  client: 'child process' | 'in process';
  /** The server's process's resident memory, sampled every 50 ms through Doorstep's part (MB). */
  doorstepRssMb: { before: number; peak: number; processPeak: number };
  /** The server's collection pauses through Doorstep's part: summed, a share of its CPU per 1,000 visits. */
  doorstepGcPauses: GcPauses;
}

const DEFAULT_VILLAGE = '66001001';
const KINDS = ['vneid_activated', 'vneid_level2', 'provincial_app', 'digital_signature', 'cashless_payment'];
const SKILL = 'online_safety';

/**
 * Field sync ingest against its ceiling, in one run on one database: the ceiling (the same rows
 * by plain SQL, `sync-ceiling.ts`) on one half of a village, and Doorstep (POST /api/sync over
 * HTTP, batches serialised before the clock starts) on the other half, with the same visits per
 * batch, the same batch size and the same number of clients. Half the ceiling's batches run
 * before Doorstep's part and half after it: their times add up to the ceiling's.
 */
export async function runSyncIngest(url: string, db: Database, options: SyncIngestOptions): Promise<SyncIngestResult> {
  const { visits, households, concurrency, batchSize } = options;
  const village = options.village ?? DEFAULT_VILLAGE;
  await ensureVillage(db, village);
  const username = 'bench-member';
  const password = 'bench-member-password';
  const existing = await findUserByUsername(db, username);
  const userId = existing?.id ?? (await createUser(db, { username, displayName: 'Bench', password, role: 'team_member', scopeUnitCode: village }, null)).id;
  const headers = await benchLogin(url, username, password);
  const deviceId = uuidv7();

  const setupClient = httpClient(1);
  const push = (items: unknown[]) => pushBatch(setupClient, url, headers, JSON.stringify({ deviceId, items }));

  // The village: households with one resident each, pushed the way a device would; half each side.
  const people = Array.from({ length: households * 2 }, (_, i) => ({ household: uuidv7(), resident: uuidv7(), i }));
  const recordedAt = new Date().toISOString();
  for (let i = 0; i < people.length; i += batchSize / 2) {
    const items = people.slice(i, i + batchSize / 2).flatMap((h) => [
      { id: uuidv7(), kind: 'household', recordedAt, data: { id: h.household, villageCode: village, label: `Hộ số ${h.i + 1}` } },
      { id: uuidv7(), kind: 'resident', recordedAt, data: { id: h.resident, householdId: h.household, fullName: `Người dân ${h.i + 1}`, groups: ['adult'] } },
    ]);
    const { results } = await push(items);
    const bad = results.filter((r) => r.status !== 'applied');
    if (bad.length > 0) throw new Error(`setup item not applied: ${JSON.stringify(bad[0])}`);
  }
  setupClient.close();
  const visitsFor = (half: typeof people): CeilingVisit[][] => {
    const batches: CeilingVisit[][] = [];
    for (let n = 0; n < visits; n += batchSize) {
      batches.push(Array.from({ length: Math.min(batchSize, visits - n) }, (_, j) => {
        const h = half[(n + j) % half.length]!;
        const visitedAt = new Date(Date.UTC(2025, 7, 1 + ((n + j) % 60), 2, 30)).toISOString();
        return { id: uuidv7(), householdId: h.household, residentId: h.resident, visitedAt, day: vietnamDay(new Date(visitedAt)), milestone: KINDS[(n + j) % KINDS.length]! };
      }));
    }
    return batches;
  };

  // The ceiling in two halves, one before Doorstep's part and one after it, so a machine that
  // speeds up or slows down through the run moves both sides alike, and both meet the tables
  // before and after the other's rows. The setup's visits through the write path recorded the
  // village's rollup area.
  const place: CeilingPlace = { villageCode: village, provinceCode: '66', areaCode: await areaOfVillage(db, village), userId, deviceId, skill: SKILL };
  const ceilingBatches = visitsFor(people.slice(0, households));
  const half = Math.ceil(ceilingBatches.length / 2);
  const ceilingHalves = [ceilingBatches.slice(0, half), ceilingBatches.slice(half)] as const;
  const runCeiling = (batches: CeilingVisit[][]) => withMachineCpu(() => inParallel(concurrency, batches, (batch) => writeVisitsBySql(db, place, batch)));
  const ceilingBefore = await runCeiling(ceilingHalves[0]);

  // Doorstep: every batch serialised before the clock starts, so the client's JSON work is not counted.
  const client = options.clientInChild ? childClient() : inProcessClient();
  await client.prepare({ url, headers, deviceId, skill: SKILL, batches: visitsFor(people.slice(households)) });
  const batches = Math.ceil(visits / batchSize);
  const meter = options.meter ?? meterThisProcess();
  await meter.start(options.cpuProfile);
  const { result: { seconds: doorstepSeconds, latencies, replay, cpuMs: clientCpuMs }, busyMs: doorstepBusyMs } = await withMachineCpu(() => client.run(concurrency).finally(() => client.close()));
  const { cpuMs: cpu, rssMb, queries: counter, gcPauses } = await meter.stop();
  const ceilingAfter = await runCeiling(ceilingHalves[1]);
  const ceilingSeconds = ceilingBefore.result + ceilingAfter.result;
  const ceilingBusyMs = ceilingBefore.busyMs === null || ceilingAfter.busyMs === null ? null : ceilingBefore.busyMs + ceilingAfter.busyMs;
  const visitsOf = (batches: CeilingVisit[][]) => batches.reduce((sum, batch) => sum + batch.length, 0);
  latencies.sort((a, b) => a - b);
  return {
    visits, batchSize, concurrency,
    visitsPerSecond: compareToCeiling('visits/s', visits / ceilingSeconds, visits / doorstepSeconds, { atLeast: 0.5 }),
    seconds: { ceiling: Number(ceilingSeconds.toFixed(2)), doorstep: Number(doorstepSeconds.toFixed(2)) },
    ceilingHalves: [ceilingBefore.result, ceilingAfter.result].map((seconds, i) => Math.round(visitsOf(ceilingHalves[i]!) / seconds)),
    batchMs: { p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)), p99: Math.round(percentile(latencies, 99)) },
    replayedBatch: { ms: Math.round(replay.ms), duplicates: replay.duplicates },
    doorstepCost: {
      nodeCpuMsPer1000Visits: Math.round(((cpu.user + cpu.system) * 1000) / visits),
      nodeSystemCpuMsPer1000Visits: Math.round((cpu.system * 1000) / visits),
      // The replayed batch is counted too: one batch more.
      statementsPerBatch: Number((counter.statements / (batches + 1)).toFixed(1)),
      transactionsPerBatch: Number((counter.transactions / (batches + 1)).toFixed(1)),
      kilobytesPerBatch: Math.round(counter.bytes / (batches + 1) / 1024),
    },
    statementMsPerBatch: perBatch(counter.times, batches + 1),
    clientCpuMsPer1000Visits: Math.round((clientCpuMs * 1000) / visits),
    machineCpuMsPer1000Visits: perThousand(ceilingBusyMs, doorstepBusyMs, visits),
    client: options.clientInChild ? 'child process' : 'in process',
    doorstepRssMb: rssMb,
    doorstepGcPauses: gcPauses,
  };
}

function perBatch(times: Record<string, StatementTime>, batches: number): Record<string, number> {
  return Object.fromEntries(Object.entries(times)
    .map(([name, time]) => [name, Number((time.ms / batches).toFixed(2))] as const)
    .sort((a, b) => b[1] - a[1]));
}

function perThousand(ceilingMs: number | null, doorstepMs: number | null, visits: number) {
  if (ceilingMs === null || doorstepMs === null) return null;
  return { ceiling: Math.round((ceilingMs * 1000) / visits), doorstep: Math.round((doorstepMs * 1000) / visits) };
}

async function ensureVillage(db: Database, village: string): Promise<void> {
  // A fresh database of its own gets the village; a database with units must hold it already.
  if ((await countUnits(db)) > 0) return;
  const commune = village.slice(0, 5);
  await createUnit(db, { code: '66', name: 'Tỉnh Đo Tải', type: 'tỉnh', parentCode: null, validFrom: '2025-07-01' }, null);
  await createUnit(db, { code: commune, name: 'Xã Đo Tải', type: 'xã', parentCode: '66', validFrom: '2025-07-01' }, null);
  await createUnit(db, { code: village, name: 'Thôn Đo Tải', type: 'thôn', parentCode: commune, validFrom: '2025-07-01' }, null);
}

interface LoadClient {
  prepare(job: { url: string; headers: Record<string, string>; deviceId: string; skill: string; batches: CeilingVisit[][] }): Promise<unknown>;
  run(concurrency: number): Promise<PushRun>;
  close(): void;
}

/** The load client in this process (the tests: small, and no child to start). */
function inProcessClient(): LoadClient {
  let prepared: { url: string; headers: Record<string, string>; bodies: Buffer[] } = { url: '', headers: {}, bodies: [] };
  return {
    async prepare(job) {
      prepared = { url: job.url, headers: job.headers, bodies: serialiseBatches(job.deviceId, job.skill, job.batches) };
    },
    run: (concurrency) => pushAll(prepared.url, prepared.headers, prepared.bodies, concurrency),
    close() {},
  };
}

/** The load client in a process of its own (`sync-load.ts`). */
function childClient(): LoadClient {
  const child = forkBenchProcess(new URL('./sync-load.ts', import.meta.url));
  return {
    prepare: (job) => child.ask({ kind: 'prepare', ...job }),
    run: (concurrency) => child.ask({ kind: 'run', concurrency }),
    close: () => child.kill(),
  };
}

/** Runs every job through `clients` parallel workers taking the next job in turn; answers the seconds it took. */
async function inParallel<T>(clients: number, jobs: readonly T[], run: (job: T) => Promise<void>): Promise<number> {
  const started = performance.now();
  await pool(jobs.length, clients, (i) => run(jobs[i]!));
  return (performance.now() - started) / 1000;
}
