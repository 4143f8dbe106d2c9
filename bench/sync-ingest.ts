/**
 * Field sync ingest: how many visits a second the server takes through POST /api/sync in
 * batches of 500, over real HTTP. Budget: ≥ 10,000 visits/s on PostgreSQL (2 cores).
 *
 *   DATABASE_URL=postgres://root@127.0.0.1:5432/postgres npm run bench:sync
 *   npm run bench:sync                      # embedded database, for comparison
 *
 * Options (environment): BENCH_VISITS (default 100000), BENCH_HOUSEHOLDS (2000),
 * BENCH_CONCURRENCY (parallel clients, default 2).
 */
import { v7 as uuidv7 } from 'uuid';
import { createUser } from '../src/modules/auth/auth.service.js';
import { createUnit } from '../src/modules/units/units.service.js';
import { benchLogin, machineLabel, percentile, startBenchServer, writeResult } from './bench-server.js';

const VISITS = Number(process.env.BENCH_VISITS ?? 100_000);
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
const BATCH = 500;
const VILLAGE = '66001001';
const KINDS = ['vneid_activated', 'vneid_level2', 'provincial_app', 'digital_signature', 'cashless_payment'];

const bench = await startBenchServer();
const { server } = bench;
try {
  const db = server.database.db;
  await createUnit(db, { code: '66', name: 'Tỉnh Đo Tải', type: 'tỉnh', parentCode: null, validFrom: '2025-07-01' }, null);
  await createUnit(db, { code: '66001', name: 'Xã Đo Tải', type: 'xã', parentCode: '66', validFrom: '2025-07-01' }, null);
  await createUnit(db, { code: VILLAGE, name: 'Thôn Đo Tải', type: 'thôn', parentCode: '66001', validFrom: '2025-07-01' }, null);
  await createUser(db, { username: 'bench-member', displayName: 'Bench', password: 'bench-member-password', role: 'team_member', scopeUnitCode: VILLAGE }, null);
  const headers = await benchLogin(server.url, 'bench-member', 'bench-member-password');
  const deviceId = uuidv7();

  const push = async (items: unknown[]) => {
    const started = performance.now();
    const response = await fetch(`${server.url}/api/sync`, { method: 'POST', headers, body: JSON.stringify({ deviceId, items }) });
    const body = (await response.json()) as { results?: { status: string; error?: unknown }[] };
    const ms = performance.now() - started;
    if (!response.ok || !body.results) throw new Error(`sync failed: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
    return { ms, results: body.results };
  };

  // The village: households with one resident each, pushed the way a device would.
  const households = Array.from({ length: HOUSEHOLDS }, (_, i) => ({ household: uuidv7(), resident: uuidv7(), i }));
  const recordedAt = new Date().toISOString();
  for (let i = 0; i < households.length; i += BATCH / 2) {
    const items = households.slice(i, i + BATCH / 2).flatMap((h) => [
      { id: uuidv7(), kind: 'household', recordedAt, data: { id: h.household, villageCode: VILLAGE, label: `Hộ số ${h.i + 1}` } },
      { id: uuidv7(), kind: 'resident', recordedAt, data: { id: h.resident, householdId: h.household, fullName: `Người dân ${h.i + 1}`, groups: ['adult'] } },
    ]);
    const { results } = await push(items);
    const bad = results.filter((r) => r.status !== 'applied');
    if (bad.length > 0) throw new Error(`setup item not applied: ${JSON.stringify(bad[0])}`);
  }

  // Every batch is serialised before the clock starts, so the client's JSON work is not counted.
  const batches: unknown[][] = [];
  for (let n = 0; n < VISITS; n += BATCH) {
    batches.push(Array.from({ length: Math.min(BATCH, VISITS - n) }, (_, j) => {
      const h = households[(n + j) % households.length]!;
      const visitedAt = new Date(Date.UTC(2025, 7, 1 + ((n + j) % 60), 2, 30)).toISOString();
      return {
        id: uuidv7(), kind: 'visit', recordedAt: visitedAt,
        data: {
          householdId: h.household, visitedAt, peoplePresent: [h.resident],
          help: [{ residentId: h.resident, milestone: KINDS[(n + j) % KINDS.length] }],
          skillsTaught: ['online_safety'], outcome: 'guided',
        },
      };
    }));
  }

  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      const { ms, results } = await push(batch);
      if (results.some((r) => r.status !== 'applied')) throw new Error(`visit not applied: ${JSON.stringify(results.find((r) => r.status !== 'applied'))}`);
      latencies.push(ms);
    }
  }));
  const seconds = (performance.now() - started) / 1000;

  const replay = await push(batches[0]!);
  const duplicates = replay.results.filter((r) => r.status === 'duplicate').length;

  latencies.sort((a, b) => a - b);
  const result = {
    benchmark: 'sync-ingest', machine: machineLabel(), database: bench.databaseLabel,
    visits: VISITS, batchSize: BATCH, concurrency: CONCURRENCY, seconds: Number(seconds.toFixed(2)),
    visitsPerSecond: Math.round(VISITS / seconds),
    batchMs: { p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)), p99: Math.round(percentile(latencies, 99)) },
    replayedBatch: { ms: Math.round(replay.ms), duplicates },
    budget: '≥ 10,000 visits/s (PostgreSQL)',
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(`written to ${writeResult('sync-ingest', result)}`);
} finally {
  await bench.close();
}
