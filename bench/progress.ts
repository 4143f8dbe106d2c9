/**
 * Province dashboard reads: GET /api/progress for the province and GET /api/progress/children
 * (all indicators × all communes) over real HTTP, on the Dak Lak scenario built first in a fresh
 * database. Budget: p95 ≤ 20 ms on PostgreSQL, ≤ 60 ms on PGlite, flat as data grows ×10.
 *
 *   DATABASE_URL=postgres://root@127.0.0.1:5432/postgres npm run bench:progress
 *   BENCH_SCALE=0.1 npm run bench:progress        # embedded database, smaller scenario
 *
 * Options (environment): BENCH_SCALE (default 1), BENCH_REQUESTS (default 200).
 *
 * Building the scenario takes minutes; to measure again over one already built with
 * `doorstep scenario daklak-2025 --scale F`, name it with BENCH_DATABASE_URL (PostgreSQL) or
 * BENCH_DATA_DIR (embedded) and BENCH_SCALE=F: the benchmark then only adds its login.
 */
import { createUser, findUserByUsername } from '../src/modules/auth/auth.service.js';
import { countUnits } from '../src/modules/units/units.service.js';
import { runScenario, SERVER_CONCURRENCY } from '../src/scenario/scenario.js';
import { benchLogin, machineLabel, percentile, startBenchServer, writeResult } from './bench-server.js';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const reuse = { databaseUrl: process.env.BENCH_DATABASE_URL, dataDir: process.env.BENCH_DATA_DIR };

const bench = await startBenchServer({}, reuse.databaseUrl || reuse.dataDir ? reuse : undefined);
try {
  const db = bench.server.database.db;
  const started = performance.now();
  const built = (await countUnits(db)) > 0;
  if (!built) await runScenario(db, { scale: SCALE, secretKey: 'bench-secret-key-bench-secret-key-0123', concurrency: bench.server.database.kind === 'postgresql' ? SERVER_CONCURRENCY : 1 });
  const scenarioSeconds = built ? null : Number(((performance.now() - started) / 1000).toFixed(1));
  if (!(await findUserByUsername(db, 'bench-province'))) {
    await createUser(db, { username: 'bench-province', displayName: 'Bench', password: 'bench-province-password', role: 'province_officer', scopeUnitCode: '66' }, null);
  }
  const headers = await benchLogin(bench.server.url, 'bench-province', 'bench-province-password');

  const measure = async (path: string, count: number) => {
    const times: number[] = [];
    for (let i = 0; i < count + 5; i++) {
      const t0 = performance.now();
      const response = await fetch(`${bench.server.url}${path}`, { headers });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      // The first few warm the caches of the database and the JIT; they are not counted.
      if (i >= 5) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return { requests: count, p50: Number(percentile(times, 50).toFixed(1)), p95: Number(percentile(times, 95).toFixed(1)), max: Number(times.at(-1)!.toFixed(1)) };
  };

  const result = {
    benchmark: 'progress', machine: machineLabel(), database: bench.databaseLabel, scale: SCALE,
    scenarioSeconds, reusedDatabase: built,
    province: await measure('/api/progress?unit=66', REQUESTS),
    children: await measure('/api/progress/children?unit=66', Math.max(20, Math.round(REQUESTS / 4))),
    budget: 'p95 ≤ 20 ms PostgreSQL, ≤ 60 ms PGlite',
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(`written to ${writeResult('progress', result)}`);
} finally {
  await bench.close();
}
