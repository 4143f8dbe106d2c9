import http from 'node:http';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let test: TestApp | undefined;
afterEach(async () => {
  await test?.database.close().catch(() => {});
  test = undefined;
});

describe('closing the server', () => {
  it('waits for a handler whose client left mid-request before the database closes', async () => {
    test = await startTestApp();
    const { app, db } = test;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    let outcome = 'running';
    app.get('/slow-for-test', { config: { access: 'public' } }, async () => {
      started();
      await gate;
      try {
        const result = await sql<{ one: number }>`select 1 as one`.execute(db);
        outcome = `answered ${result.rows[0]!.one}`;
      } catch (error) {
        outcome = `failed: ${(error as Error).message}`;
      }
      return { outcome };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const request = http.get({ host: '127.0.0.1', port, path: '/slow-for-test' });
    request.on('error', () => {});
    await handlerStarted;
    request.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));

    let closed = false;
    const closing = app.close().then(() => test!.database.close()).then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toBe(false);
    release();
    await closing;
    expect(outcome).toBe('answered 1');
  });
});
