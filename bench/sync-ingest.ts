/**
 * Field sync ingest: how many visits a second the server takes through POST /api/sync in
 * batches of 500, over real HTTP, beside its ceiling (the same rows by plain SQL, same run,
 * same database). Budget: ≥ 50% of the ceiling on PostgreSQL; formerly ≥ 10,000 visits/s.
 *
 *   DATABASE_URL=postgres://root@127.0.0.1:5432/postgres npm run bench:sync
 *   npm run bench:sync                      # embedded database, for comparison
 *
 * Options (environment): BENCH_VISITS (default 100000), BENCH_HOUSEHOLDS (2000 per side),
 * BENCH_CONCURRENCY (parallel clients, default 2), BENCH_CPU_PROFILE (a file for the CPU profile
 * of Doorstep's part).
 */
import os from 'node:os';
import { machineLabel, startBenchServer, writeResult } from './bench-server.js';
import { formatComparison } from './ceilings/compare.js';
import { runSyncIngest } from './sync-ingest-run.js';

// On PostgreSQL the server runs in a process of its own: its memory and CPU are then its alone.
const bench = await startBenchServer({}, undefined, { ownProcess: true });
try {
  const run = await runSyncIngest(bench.url, bench.db, {
    visits: Number(process.env.BENCH_VISITS ?? 100_000),
    households: Number(process.env.BENCH_HOUSEHOLDS ?? 2000),
    concurrency: Number(process.env.BENCH_CONCURRENCY ?? 2),
    batchSize: 500,
    cpuProfile: process.env.BENCH_CPU_PROFILE,
    clientInChild: process.env.BENCH_CLIENT !== 'in-process',
    meter: bench.meter,
  });
  const result = {
    benchmark: 'sync-ingest', machine: machineLabel(), database: bench.databaseLabel, loadAverage: os.loadavg()[0]!.toFixed(1),
    serverProcess: bench.process, ...run, peakRssMb: run.doorstepRssMb.processPeak,
    budget: 'visits/s ≥ 50% of the plain-SQL ceiling (PostgreSQL); peak RSS ≤ 300 MB',
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(formatComparison('sync-ingest', run.visitsPerSecond));
  console.log(`the ceiling's half before Doorstep's part ${run.ceilingHalves[0]} visits/s, after it ${run.ceilingHalves[1]}`);
  console.log(`a batch: ${run.batchMs.p50} ms (p50), of which its statements from sending to answer (ms): ${
    Object.entries(run.statementMsPerBatch).map(([name, ms]) => `${name} ${ms}`).join(' · ')}`);
  console.log(`written to ${writeResult('sync-ingest', result)}`);
} finally {
  await bench.close();
}
