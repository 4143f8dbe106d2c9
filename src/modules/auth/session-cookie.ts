import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.js';
import { SESSION_COOKIE } from './auth.service.js';

/** The session cookie, the same whichever way the login was proven. */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    // Lax: the cookie still comes along when someone follows a link in, but not on a
    // cross-site POST; the CSRF header covers what Lax does not.
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    maxAge: config.sessionTtlHours * 3600,
  });
}
