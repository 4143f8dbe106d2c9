import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toErrorResponse } from '../../errors.js';
import { allowInlineScripts, webRoutes } from './web.routes.js';

async function appServing(distDir: string, withHelmet = false): Promise<FastifyInstance> {
  const app = Fastify();
  if (withHelmet) await app.register(helmet, { global: true });
  app.setErrorHandler((error, _request, reply) => {
    const { status, body } = toErrorResponse(error, 'en');
    return reply.status(status).send(body);
  });
  await app.register(webRoutes, { distDir });
  return app;
}

describe('web app serving', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-web-'));
  const dist = path.join(folder, 'dist');
  let app: FastifyInstance;

  beforeAll(async () => {
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'secret.txt'), 'outside the web app');
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>shell</title>');
    fs.writeFileSync(path.join(dist, 'sw.js'), 'self.x = 1;');
    fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js.br'), 'not really brotli');
    app = await appServing(dist);
  });

  afterAll(async () => {
    await app.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('answers the shell for / and for the app\'s own routes, revalidated on every load', async () => {
    for (const url of ['/', '/household/0190/visit']) {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<title>shell</title>');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('lets browsers keep hashed assets for a year and sends the compressed twin when accepted', async () => {
    const plain = await app.inject({ url: '/assets/index-abc123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body).toBe('console.log(1)');
    const compressed = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br' } });
    expect(compressed.headers['content-encoding']).toBe('br');
  });

  it('never lets a browser cache the service worker', async () => {
    const response = await app.inject({ url: '/sw.js' });
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('answers 404, not the shell, for a missing file or an unknown API path', async () => {
    for (const url of ['/assets/index-old.js', '/api/nothing']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('serves nothing from outside web/dist', async () => {
    for (const url of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const response = await app.inject({ url });
      expect(response.body, url).not.toContain('outside the web app');
    }
  });

  it('explains how to build the app when web/dist is missing', async () => {
    const bare = await appServing(path.join(dist, 'not-built'));
    const response = await bare.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('npm run build:web');
    await bare.close();
  });

  it('allows index.html\'s own inline script by its hash, and no other inline script', async () => {
    const script = "window.painted = 'yes';";
    const page = path.join(folder, 'with-script');
    fs.mkdirSync(page);
    fs.writeFileSync(path.join(page, 'index.html'), `<!doctype html><title>shell</title><script>${script}</script><script src="/x.js"></script>`);
    const secured = await appServing(page, true);
    const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
    for (const url of ['/', '/index.html', '/public/66']) {
      const response = await secured.inject({ url });
      const policy = String(response.headers['content-security-policy']);
      expect(policy, url).toMatch(new RegExp(`(^|;)script-src 'self' ${hash.replace(/[+/]/g, '\\$&')}(;|$)`));
      expect(policy, url).not.toContain('unsafe-inline\'; script');
    }
    // Other answers keep helmet's policy as it was.
    const api = await secured.inject({ url: '/api/nothing' });
    expect(String(api.headers['content-security-policy'])).toMatch(/(^|;)script-src 'self'(;|$)/);
    await secured.close();
  });

  it('adds the hashes to the script sources, or a script-src when the policy had none', () => {
    expect(allowInlineScripts("default-src 'self';script-src 'self';img-src 'self'", ["'sha256-a'"]))
      .toBe("default-src 'self';script-src 'self' 'sha256-a';img-src 'self'");
    expect(allowInlineScripts("default-src 'self'", ["'sha256-a'", "'sha256-b'"])).toBe("default-src 'self';script-src 'self' 'sha256-a' 'sha256-b'");
    expect(allowInlineScripts("default-src 'self'", [])).toBe("default-src 'self'");
  });
});
