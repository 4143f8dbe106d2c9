import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { startBenchServer } from './bench/bench-server.js';
import { runSyncIngest } from './bench/sync-ingest-run.js';
import type { ServerMeter } from './bench/server-meter.js';
const bench = await startBenchServer();
const session = new Session(); session.connect();
const meter: ServerMeter = {
  async start() { await session.post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }); },
  async stop() { const { profile } = await session.post('HeapProfiler.stopSampling'); fs.writeFileSync('/tmp/tl/sync.heapprofile', JSON.stringify(profile)); return { cpuMs: { user: 0, system: 0 }, rssMb: { before: 0, peak: 0, processPeak: 0 }, queries: { statements: 0, transactions: 0, bytes: 0 } }; },
};
const run = await runSyncIngest(bench.url, bench.db, { visits: 50000, households: 2000, concurrency: 2, batchSize: 500, clientInChild: true, meter });
console.log(run.visitsPerSecond);
await bench.close();
