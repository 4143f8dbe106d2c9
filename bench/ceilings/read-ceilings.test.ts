import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../src/testing/test-app.js';
import { createUserAndLogin, type TestUser } from '../../src/testing/login.js';
import { createSmallProvince } from '../../src/testing/unit-fixtures.js';
import { benchRead } from './read-ceilings.js';
import { recordQueries } from './query-recorder.js';

let t: TestApp;
let officer: TestUser;
let url: string;
beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  officer = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => { await t?.close(); });

it('records the statements a route sends to the database, with their parameters', async () => {
  const recorded = await recordQueries(() => t.app.inject({ method: 'GET', url: '/api/progress?unit=66', headers: officer.headers }));
  expect(recorded.length).toBeGreaterThan(0);
  expect(recorded.some((q) => q.parameters.includes('66'))).toBe(true);
});

it('reports a read route beside its SQL and bare-Fastify ceilings as ceiling, doorstep and ratio', async () => {
  const result = await benchRead(url, t.db, '/api/progress?unit=66', officer.headers, 5);
  expect(result.statements).toBeGreaterThan(0);
  for (const comparison of [result.p95, result.p95OverFastify]) {
    expect(comparison.ceiling).toBeGreaterThan(0);
    expect(Math.abs(comparison.doorstep - result.doorstep.p95)).toBeLessThan(0.5);
    expect(comparison.ratio).toBeCloseTo(comparison.doorstep / comparison.ceiling, 1);
  }
  expect(result.sqlInsideDatabaseMs).toBeGreaterThan(0);
});
