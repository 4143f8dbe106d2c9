import Fastify, { type FastifyInstance } from 'fastify';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';

/**
 * Helmet's security headers for `options`, read once from a throwaway instance where
 * @fastify/helmet sets them: the headers on its response before anything else touches it.
 */
async function helmetHeaders(options: FastifyHelmetOptions): Promise<[string, string | number | string[]][]> {
  const probe = Fastify();
  await probe.register(helmet, { ...options, global: true });
  probe.get('/', (_request, reply) => reply.send({ headers: reply.raw.getHeaders() }));
  const response = await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  const { headers } = response.json() as { headers: Record<string, string | number | string[]> };
  return Object.entries(headers);
}

/**
 * Sets helmet's headers on every response, as `app.register(helmet, options)` does, from a
 * list computed once at start-up. @fastify/helmet builds helmet's middleware anew for every
 * request (its options parsed and its CSP string rebuilt each time) and adds two hooks, one of
 * them async: per-request work whose result never changes while no route carries its own
 * helmet options or asks for CSP nonces, and none does here. (bench/README.md, the contest.)
 */
export async function securityHeaders(app: FastifyInstance, options: FastifyHelmetOptions): Promise<void> {
  const headers = Object.fromEntries(await helmetHeaders(options));
  // On Fastify's reply, not the raw response: a header set on the raw response sends Node down
  // its slow path for every header of the answer (each one validated and copied again).
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
