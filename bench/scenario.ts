/**
 * The Dak Lak 2025 scenario through the real write path: time, records written and peak memory,
 * beside its ceiling measured right after on the same database: the same rows written again by
 * bulk SQL (`ceilings/bulk-copy-ceiling.ts`). Budget: ≤ 4× the ceiling; formerly ≤ 2 min on
 * PostgreSQL and ≤ 5 min on PGlite at scale 1. The process that applies the
 * writes stays ≤ 1 GB RSS on PostgreSQL (≤ 2 GB on PGlite, whose database lives in the process).
 *
 *   DATABASE_URL=postgres://root@127.0.0.1:5432/postgres npm run bench:scenario
 *   npm run bench:scenario                  # embedded database in a temporary folder
 *
 * Options (environment): BENCH_SCALE (default 1), BENCH_CONCURRENCY (chunks written at once;
 * default 3 on PostgreSQL, 1 on PGlite), BENCH_CPU_PROFILE (a file for the CPU profile of the
 * scenario's build). The database is made fresh and dropped afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openPGlite, openPostgres, type DatabaseHandle } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { adminUrl } from '../src/testing/test-database-names.js';
import { runScenario, SERVER_CONCURRENCY } from '../src/scenario/scenario.js';
import { machineLabel, writeResult } from './bench-server.js';
import { bulkCopyCeiling } from './ceilings/bulk-copy-ceiling.js';
import { compareToCeiling, formatComparison, peakRssMb } from './ceilings/compare.js';
import { withCpuProfile } from './ceilings/cpu-profile.js';
import { countQueries } from './ceilings/query-recorder.js';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const serverUrl = process.env.DATABASE_URL;

async function freshDatabase(): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  if (serverUrl) {
    const name = `doorstep_bench_${randomBytes(4).toString('hex')}`;
    const admin = await openPostgres(adminUrl(serverUrl), 1);
    await sql.raw(`create database ${name}`).execute(admin.db);
    const handle = await openPostgres(adminUrl(serverUrl, name));
    return {
      handle,
      async drop() {
        await handle.close();
        await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
        await admin.close();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-bench-'));
  const handle = await openPGlite({ dataDir });
  return {
    handle,
    async drop() {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Rows the database itself counts as inserted and updated, per table (PostgreSQL's statistics). */
async function databaseRowCounts(handle: DatabaseHandle): Promise<{ inserted: number; updated: number; tables: Record<string, { inserted: number; updated: number }> }> {
  // Other backends report their counts within a second of committing.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const result = await sql<{ relname: string; ins: number; upd: number }>`
    select relname, n_tup_ins as ins, n_tup_upd as upd from pg_stat_user_tables where n_tup_ins + n_tup_upd > 0 order by n_tup_ins desc`.execute(handle.db);
  const tables = Object.fromEntries(result.rows.map((r) => [r.relname, { inserted: Number(r.ins), updated: Number(r.upd) }]));
  return {
    inserted: result.rows.reduce((s, r) => s + Number(r.ins), 0),
    updated: result.rows.reduce((s, r) => s + Number(r.upd), 0),
    tables,
  };
}

const { handle, drop } = await freshDatabase();
try {
  const version = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(handle.db);
  const databaseLabel = `${handle.kind} ${version.rows[0]?.v ?? ''}`.trim();
  await migrateToLatest(handle.db);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? (handle.kind === 'postgresql' ? SERVER_CONCURRENCY : 1));
  const loadBefore = os.loadavg();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  // Statements and transactions each step sent: on a loaded machine every round trip is dear.
  const counter = countQueries();
  const sent: Record<string, { statements: number; transactions: number }> = {};
  let before = { statements: 0, transactions: 0 };
  const report = await withCpuProfile(process.env.BENCH_CPU_PROFILE, () => runScenario(handle.db, {
    scale: SCALE, secretKey: randomBytes(32).toString('base64url'), concurrency, log: (line) => console.log(line),
    onStep: (s) => {
      sent[s.name] = { statements: counter.statements - before.statements, transactions: counter.transactions - before.transactions };
      before = { statements: counter.statements, transactions: counter.transactions };
    },
  })).finally(() => counter.stop());
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const loadAfter = os.loadavg();
  const rows = await databaseRowCounts(handle);
  // The ceiling, right after: the same rows again by bulk SQL, with as many connections.
  const ceiling = await bulkCopyCeiling(handle.db, concurrency);
  const time = compareToCeiling('s', ceiling.seconds, seconds, { atMost: 4 });
  const records = report.steps.reduce((sum, s) => sum + Object.values(s.rows).reduce((a, b) => a + b, 0), 0);
  const result = {
    benchmark: 'scenario', machine: machineLabel(), database: databaseLabel, scale: SCALE, concurrency,
    seconds: Number(seconds.toFixed(1)),
    // The CPU this process spent building the scenario (the database's own work is not in it):
    // unlike the time, it barely moves with other work on the machine.
    nodeCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
    steps: report.steps.map((s) => ({ name: s.name, seconds: Number((s.ms / 1000).toFixed(1)), rows: s.rows, sent: sent[s.name] })),
    recordsWritten: records,
    databaseRows: rows,
    ceiling: { seconds: Number(ceiling.seconds.toFixed(1)), rows: ceiling.rows, foreignKeys: ceiling.foreignKeys, triggers: ceiling.triggers },
    time: time,
    peakRssMB: peakRssMb(),
    figuresMatch: report.mismatches.length === 0,
    mismatches: report.mismatches,
    // Other work on the machine slows a run down: the 1-minute load average before and after.
    loadAverage: { before: Number(loadBefore[0]!.toFixed(2)), after: Number(loadAfter[0]!.toFixed(2)) },
    budget: '≤ 4× the bulk-SQL ceiling (PostgreSQL); ≤ 1 GB RSS on PostgreSQL, ≤ 2 GB on PGlite',
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(formatComparison('scenario', time));
  console.log(`written to ${writeResult('scenario', result)}`);
  if (!result.figuresMatch) process.exitCode = 1;
} finally {
  await drop();
}
