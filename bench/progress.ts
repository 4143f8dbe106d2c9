/**
 * Province dashboard reads: GET /api/progress for the province and GET /api/progress/children
 * (all indicators × all communes) over real HTTP, on the Dak Lak scenario built first in a fresh
 * database, each beside its ceilings measured in the same run: the route's own SQL alone over one
 * connection (and inside the database), and a bare Fastify route answering the same bytes.
 * Each read is timed twice: with its answer kept while no data changes (src/db/kept-answers.ts), and
 * made afresh with a write committed before each request, as while the field syncs. Budget: made
 * afresh, p95 ≤ 3× the SQL's; kept, ≤ 5 ms on PostgreSQL; unchanged at 10× the records.
 *
 *   DATABASE_URL=postgres://root@127.0.0.1:5432/postgres npm run bench:progress
 *   BENCH_SCALE=0.1 npm run bench:progress        # embedded database, smaller scenario
 *
 * Options (environment): BENCH_SCALE (default 1), BENCH_REQUESTS (default 200), BENCH_CPU_PROFILE
 * (a file name: V8 CPU profiles of the timed requests, `-province` and `-children` added to it, and
 * `-afresh` after those for the reads made afresh).
 *
 * Building the scenario takes minutes; to measure again over one already built with
 * `doorstep scenario daklak-2025 --scale F`, name it with BENCH_DATABASE_URL (PostgreSQL) or
 * BENCH_DATA_DIR (embedded) and BENCH_SCALE=F: the benchmark then only adds its login.
 */
import os from 'node:os';
import { createUser, findUserByUsername } from '../src/modules/auth/auth.service.js';
import { countUnits } from '../src/modules/units/units.service.js';
import { runScenario, SERVER_CONCURRENCY } from '../src/scenario/scenario.js';
import { benchLogin, machineLabel, startBenchServer, writeResult } from './bench-server.js';
import { formatComparison, peakRssMb } from './ceilings/compare.js';
import { benchRead } from './ceilings/read-ceilings.js';
import { profileOfPart } from './ceilings/cpu-profile.js';
import { ChildrenProgressSchema, ProgressAnswerSchema } from '../src/modules/targets/progress/progress.schema.js';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const PROFILE = process.env.BENCH_CPU_PROFILE;
const reuse = { databaseUrl: process.env.BENCH_DATABASE_URL, dataDir: process.env.BENCH_DATA_DIR };

const bench = await startBenchServer({}, reuse.databaseUrl || reuse.dataDir ? reuse : undefined);
try {
  const db = bench.db;
  const started = performance.now();
  const built = (await countUnits(db)) > 0;
  if (!built) await runScenario(db, { scale: SCALE, secretKey: 'bench-secret-key-bench-secret-key-0123', concurrency: bench.kind === 'postgresql' ? SERVER_CONCURRENCY : 1 });
  const scenarioSeconds = built ? null : Number(((performance.now() - started) / 1000).toFixed(1));
  if (!(await findUserByUsername(db, 'bench-province'))) {
    await createUser(db, { username: 'bench-province', displayName: 'Bench', password: 'bench-province-password', role: 'province_officer', scopeUnitCode: '66' }, null);
  }
  const headers = await benchLogin(bench.url, 'bench-province', 'bench-province-password');
  const province = await benchRead(bench.url, db, '/api/progress?unit=66', headers, REQUESTS, ProgressAnswerSchema, profileOfPart(PROFILE, 'province'));
  const children = await benchRead(bench.url, db, '/api/progress/children?unit=66', headers, REQUESTS, ChildrenProgressSchema, profileOfPart(PROFILE, 'children'));

  const result = {
    benchmark: 'progress', machine: machineLabel(), database: bench.databaseLabel, scale: SCALE, loadAverage: os.loadavg()[0]!.toFixed(1),
    scenarioSeconds, reusedDatabase: built, province, children, peakRssMb: peakRssMb(),
    budget: 'made afresh: p95 ≤ 3× the SQL ceiling; kept: p95 ≤ 5 ms (PostgreSQL); peak RSS ≤ 300 MB at scale 1',
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(formatComparison('province made afresh', province.p95));
  console.log(formatComparison('children made afresh', children.p95));
  for (const [name, read] of [['province', province], ['children', children]] as const) {
    console.log(`${name} kept: p95 ${read.doorstep.p95} ms (budget ≤ 5 ms: ${read.doorstep.p95 <= 5 ? 'met' : 'NOT met'})`);
  }
  console.log(`written to ${writeResult('progress', result)}`);
} finally {
  await bench.close();
}
