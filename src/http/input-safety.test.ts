import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../testing/login.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createSmallProvince } from '../testing/unit-fixtures.js';

let t: TestApp;
let province: TestUser;
let member: TestUser;

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  member = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: '6600101' });
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PUT';
const send = (user: TestUser | null, method: Method, url: string, payload?: object | string) =>
  t.app.inject({
    method, url, payload,
    headers: { ...(user?.headers ?? {}), ...(typeof payload === 'string' ? { 'content-type': 'application/json' } : {}) },
  });

/** The one error shape, with the status and, where given, the field named. */
function expectRefused(response: { statusCode: number; body: string }, status: number, field?: string) {
  expect(response.statusCode, response.body).toBe(status);
  const body = JSON.parse(response.body) as { error: { code: string; message: string; field?: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.code).toBe('string');
  expect(body.error.code).toMatch(/^[A-Z_]+$/);
  expect(typeof body.error.message).toBe('string');
  if (field !== undefined) expect(body.error.field).toBe(field);
}

describe('input PostgreSQL cannot store', () => {
  it('refuses a NUL in a login with 400 naming the field', async () => {
    expectRefused(await send(null, 'POST', '/api/auth/login', { username: 'a\u0000b', password: 'x' }), 400, 'username');
  });

  it('refuses a lone surrogate in a body, escaped in the JSON text', async () => {
    expectRefused(await send(null, 'POST', '/api/auth/login', '{"username":"\\ud800","password":"x"}'), 400, 'username');
  });

  it('refuses a NUL in a query string with the field named', async () => {
    expectRefused(await send(province, 'GET', '/api/users?after=%00'), 400, 'querystring.after');
  });

  it('refuses a difficulty whose description holds a NUL, and stores nothing', async () => {
    const payload = { unitCode: '6600101', category: 'other', description: 'mạng yếu\u0000' };
    expectRefused(await send(member, 'POST', '/api/difficulties', payload), 400, 'description');
    const list = await send(province, 'GET', '/api/difficulties?unit=66');
    expect(list.json().items).toEqual([]);
  });

  it('answers a path that is not UTF-8 in the one shape', async () => {
    expectRefused(await send(province, 'GET', '/api/units/%ED%A0%80'), 400);
    expectRefused(await send(province, 'GET', '/api/units/%FF'), 400);
  });
});

describe('dates, numbers and ids out of range', () => {
  it('refuses year 0 and days the calendar does not have', async () => {
    for (const date of ['0000-01-01', '2025-02-29', '2025-13-01', '99999-01-01']) {
      expectRefused(await send(province, 'GET', `/api/units/66001?date=${date}`), 400, 'querystring.date');
    }
    expect((await send(province, 'GET', '/api/units/66001?date=2024-02-29')).statusCode).toBe(404);
    expect((await send(province, 'GET', '/api/units/66001?date=2025-08-01')).statusCode).toBe(200);
  });

  it('refuses a limit of 1e400 and ids beyond any stored', async () => {
    expectRefused(await send(province, 'GET', '/api/audit?limit=1e400'), 400, 'querystring.limit');
    expectRefused(await send(province, 'GET', '/api/reported-values/99999999999999999999/history'), 400, 'params.id');
    // Ids are bigint: past int4 is still an id, just not one that exists.
    expectRefused(await send(province, 'GET', '/api/reported-values/2147483648/history'), 404);
  });

  it('takes an id only in its canonical form, as the database does', async () => {
    const id = '0198e6c4-6a3e-7b1c-8a2b-0123456789ab';
    for (const odd of [`urn:uuid:${id}`, id.replaceAll('-', ''), `{${id}}`]) {
      expectRefused(await send(province, 'POST', `/api/sync/conflicts/${encodeURIComponent(odd)}/resolve`, { choice: 'keep' }), 400, 'params.id');
    }
    expectRefused(await send(province, 'POST', `/api/sync/conflicts/${id.toUpperCase()}/resolve`, { choice: 'keep' }), 404);
  });

  it('refuses a number too big for JSON to keep', async () => {
    const payload = '{"indicatorCode":"x","unitCode":"66001","periodType":"month","periodStart":"2025-08-01","value":1e400}';
    expectRefused(await send(province, 'PUT', '/api/reported-values', payload), 400, 'value');
  });

  it('answers a merge effective on the day a unit came into force without a 500', async () => {
    const created = await send(province, 'POST', '/api/units', { code: '66009', name: 'Xã Mới', type: 'xã', parentCode: '66', validFrom: '2025-09-01' });
    expect(created.statusCode, created.body).toBe(201);
    const merge = await send(province, 'POST', '/api/units/merge', {
      sources: ['66009', '66003'], into: { code: '66003' }, effectiveDate: '2025-09-01',
    });
    expectRefused(merge, 422, 'effectiveDate');
  });
});

describe('requests Node refuses before routing', () => {
  it('answers an over-long URL and over-large headers in the one shape', async () => {
    const { default: http } = await import('node:http');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const get = (path: string, headers: Record<string, string> = {}) => new Promise<{ statusCode: number; body: string }>((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port, path, headers }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ statusCode: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
    });
    expectRefused(await get(`/api/units/${'a'.repeat(20_000)}`), 431);
    expectRefused(await get('/api/health', { 'x-big': 'b'.repeat(20_000) }), 431);
  });
});

describe('coercion', () => {
  it('reads numbers in a query string but never turns a body string into a number or a boolean', async () => {
    const figure = { indicatorCode: 'x', unitCode: '66001', periodType: 'month', periodStart: '2025-08-01' };
    expectRefused(await send(province, 'PUT', '/api/reported-values', { ...figure, value: '410' }), 400, 'value');
    expectRefused(await send(province, 'PUT', '/api/reported-values', { ...figure, value: 410, submit: 'true' }), 400, 'submit');
    const page = await send(province, 'GET', '/api/audit?limit=5');
    expect(page.statusCode, page.body).toBe(200);
  });
});

describe('compressed answers', () => {
  it('compresses answers over 1 KB for a client that accepts brotli or gzip, and only for one that does', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const brotli = await t.app.inject({ method: 'GET', url: '/api/docs/json', headers: { 'accept-encoding': 'br, gzip' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(JSON.parse(zlib.brotliDecompressSync(brotli.rawPayload).toString('utf8'))).toEqual(plain.json());
    const gzip = await t.app.inject({ method: 'GET', url: '/api/docs/json', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString('utf8')).toBe(plain.body);
  });

  it('leaves small answers as they are', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'br, gzip' } });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
  });
});
