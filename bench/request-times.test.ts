import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { timeRequests } from './request-times.js';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe("the server's own request times", () => {
  it('groups by method, route (ids as :id) and status, with every request in one of its seconds', async () => {
    server = http.createServer((request, response) => {
      const slow = request.url?.startsWith('/slow');
      setTimeout(() => { response.statusCode = slow ? 200 : 404; response.end('x'); }, slow ? 30 : 0);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const times = timeRequests(server);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (let i = 0; i < 3; i++) await fetch(`${base}/slow/0190a3c4-7e2b-7c3d-8e4f-5a6b7c8d9e0f?n=${i}`);
    await fetch(`${base}/missing`);
    const result = times();

    expect(Object.keys(result).sort()).toEqual(['GET /missing 404', 'GET /slow/:id 200']);
    const slow = result['GET /slow/:id 200']!;
    expect(slow.count).toBe(3);
    expect(slow.p50).toBeGreaterThanOrEqual(25);
    expect(slow.max).toBeGreaterThanOrEqual(slow.p99);
    expect(slow.bySecond.reduce((sum, s) => sum + s.count, 0)).toBe(3);
    expect(slow.bySecond[0]!.second).toBe(0);
    expect(Math.max(...slow.bySecond.map((s) => s.max))).toBe(slow.max);

    // Stopped: later requests are not counted.
    await fetch(`${base}/missing`);
    expect(times()['GET /missing 404']!.count).toBe(1);
  });
});
