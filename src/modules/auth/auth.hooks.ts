import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { Access } from '../../http/access.js';
import { findSession, SESSION_COOKIE, type SessionView } from './auth.service.js';

/** The session each request was authenticated by, for routes that need more than the viewer. */
const requestSessions = new WeakMap<FastifyRequest, SessionView>();

export function sessionOf(request: FastifyRequest): SessionView | undefined {
  return requestSessions.get(request);
}

/** Methods that change nothing, so a forged cross-site request through them gains nothing. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** What a route declares of its callers; routes outside /api (docs, the 404 handler) declare nothing and are public. */
function accessOf(request: FastifyRequest): Access {
  return request.routeOptions.config?.access ?? 'public';
}

/**
 * Identifies the caller from the session cookie and enforces each route's declared access.
 * It runs on onRequest, before the body is read, so an anonymous caller of a protected route
 * is turned away without the server parsing what they sent.
 */
async function authenticate(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  const access = accessOf(request);
  const token = request.cookies?.[SESSION_COOKIE];

  if (token) {
    const session = await findSession(app.database.db, token);
    if (session) {
      const forgeable = !SAFE_METHODS.has(request.method) && !sameSecret(headerValue(request, 'x-csrf-token'), session.csrfToken);
      if (forgeable) {
        // A request another site could have made with this browser's cookie. A protected route
        // refuses it; a public route serves it as anonymous, so a stale tab cannot block login.
        if (access !== 'public') throw new AppError('CSRF_TOKEN_INVALID');
      } else {
        request.viewer = session.viewer;
        request.csrfToken = session.csrfToken;
        request.referenceStamps = session.referenceStamps;
        requestSessions.set(request, session);
      }
    }
  }

  if (access === 'public') return;
  const viewer = request.viewer;
  if (!viewer) throw new AppError('UNAUTHENTICATED');
  if (access === 'authenticated' || viewer.role === 'admin') return;
  if (!access.includes(viewer.role)) throw new AppError('FORBIDDEN');
}

/**
 * Decorates every request with `viewer` and `csrfToken` and checks access app-wide. Marked
 * skip-override (what fastify-plugin does) so its hook reaches routes registered beside it,
 * not only those inside it.
 */
export const authHooks = Object.assign(
  async function authHooks(app: FastifyInstance): Promise<void> {
    app.decorateRequest('viewer', null);
    app.decorateRequest('csrfToken', null);
    app.decorateRequest('referenceStamps', null);
    app.addHook('onRequest', (request, _reply, done) => {
      // A public route called without a session (the contest's participants, the public pages)
      // has nothing to look up: answered without a promise.
      if (!request.cookies?.[SESSION_COOKIE] && accessOf(request) === 'public') return done();
      authenticate(app, request).then(() => done(), done);
    });
  },
  { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'auth-hooks' },
);
