import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, jsonOf } from './http-client.js';

// The load client reads answers itself: every way a server may end an answer must come back whole.
describe('bench http client', () => {
  let server: http.Server;
  let base = '';
  const sockets = new Set<unknown>();

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      sockets.add(request.socket);
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (request.url === '/chunked') {
          response.setHeader('content-type', 'text/plain');
          response.write('first ');
          setTimeout(() => response.end('and last'), 5);
        } else if (request.url === '/big') {
          response.setHeader('content-length', 300_000);
          response.end(Buffer.alloc(300_000, 'x'));
        } else if (request.url === '/close') {
          response.setHeader('connection', 'close');
          response.end('bye');
        } else if (request.url === '/empty') {
          response.statusCode = 204;
          response.end();
        } else {
          response.statusCode = 201;
          response.setHeader('x-seen', `${request.method} ${request.headers.cookie ?? ''}`);
          response.setHeader('content-type', 'application/json');
          response.end(JSON.stringify({ echoed: body }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the method, headers and body, and reads status, headers and body', async () => {
    const client = httpClient(2);
    const reply = await client.send(`${base}/echo`, { method: 'POST', headers: { cookie: 'a=1', 'content-type': 'application/json' }, body: '{"ẽ":1}' });
    expect(reply.status).toBe(201);
    expect(reply.headers['x-seen']).toBe('POST a=1');
    expect(jsonOf<{ echoed: string }>(reply)).toEqual({ echoed: '{"ẽ":1}' });
    client.close();
  });

  it('sends a body given as bytes after the head, whole, request after request on one socket', async () => {
    const client = httpClient(1);
    const body = Buffer.from(JSON.stringify({ items: 'ẽ'.repeat(100_000) }));
    for (let i = 0; i < 3; i++) {
      const reply = await client.send(`${base}/echo`, { method: 'POST', headers: { cookie: `n=${i}` }, body });
      expect(reply.headers['x-seen']).toBe(`POST n=${i}`);
      expect(jsonOf<{ echoed: string }>(reply).echoed).toBe(body.toString('utf8'));
    }
    client.close();
  });

  it('reads chunked, large and empty answers whole', async () => {
    const client = httpClient(1);
    expect((await client.send(`${base}/chunked`)).body.toString()).toBe('first and last');
    const big = await client.send(`${base}/big`);
    expect(big.body.length).toBe(300_000);
    expect(big.body.every((byte) => byte === 0x78)).toBe(true);
    const empty = await client.send(`${base}/empty`);
    expect(empty.status).toBe(204);
    expect(empty.body.length).toBe(0);
    client.close();
  });

  it('keeps at most its sockets open and reuses them; an answer that closes its socket is replaced', async () => {
    sockets.clear();
    const client = httpClient(3);
    const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => client.send(`${base}/n`, { method: 'POST', body: String(i) })));
    expect(replies.map((r) => jsonOf<{ echoed: string }>(r).echoed)).toEqual(Array.from({ length: 30 }, (_, i) => String(i)));
    expect(sockets.size).toBe(3);
    const closing = await Promise.all(Array.from({ length: 6 }, () => client.send(`${base}/close`)));
    expect(closing.map((r) => r.body.toString())).toEqual(Array(6).fill('bye'));
    expect((await client.send(`${base}/n`, { method: 'POST', body: 'after' })).status).toBe(201);
    client.close();
  });

  it('rejects a request whose server goes away', async () => {
    const client = httpClient(1);
    await expect(client.send('http://127.0.0.1:1/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    client.close();
  });
});
