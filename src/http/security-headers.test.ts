import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.js';

const options = { contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'media-src': ["'self'", 'blob:'] } } };

async function appWith(install: (app: FastifyInstance) => Promise<void>): Promise<FastifyInstance> {
  const app = Fastify();
  await install(app);
  app.get('/ok', async () => ({ ok: true }));
  app.get('/fails', async () => { throw new Error('no'); });
  app.get('/text', async (_request, reply) => reply.type('text/html').send('<p>hi</p>'));
  return app;
}

const headersOf = async (app: FastifyInstance, url: string) => {
  const { headers } = await app.inject({ method: 'GET', url });
  delete headers.date;
  return headers;
};

describe('security headers set from a list made once', () => {
  it('are the headers @fastify/helmet sets, on answers, errors and unknown paths', async () => {
    const plugin = await appWith(async (app) => { await app.register(helmet, { global: true, ...options }); });
    const once = await appWith((app) => securityHeaders(app, options));
    for (const url of ['/ok', '/fails', '/text', '/missing']) {
      expect(await headersOf(once, url), url).toEqual(await headersOf(plugin, url));
    }
    const headers = await headersOf(once, '/ok');
    expect(headers['content-security-policy']).toContain("img-src 'self' data: blob:");
    expect(headers['strict-transport-security']).toBeDefined();
    expect(headers['x-content-type-options']).toBe('nosniff');
    await plugin.close();
    await once.close();
  });
});
