import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../src/testing/test-app.js';
import { runSyncIngest } from '../sync-ingest-run.js';

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => { await t?.close(); });

it('runs the sync benchmark beside its ceiling and reports ceiling, doorstep and ratio', async () => {
  const result = await runSyncIngest(url, t.db, { visits: 240, households: 40, concurrency: 2, batchSize: 60 });
  const { ceiling, doorstep, ratio } = result.visitsPerSecond;
  expect(ceiling).toBeGreaterThan(0);
  expect(doorstep).toBeGreaterThan(0);
  expect(ratio).toBeCloseTo(doorstep / ceiling, 1);
  expect(result.replayedBatch.duplicates).toBe(60);
  // Both sides wrote their visits and the facts they give: the ceiling is the same work, counted.
  const visits = await t.db.selectFrom('visits').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const milestones = await t.db.selectFrom('milestones').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  expect(Number(visits?.n)).toBe(480);
  expect(Number(milestones?.n)).toBe(480);
});
