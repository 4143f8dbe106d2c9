import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors.js';
import { setSessionCookie } from './session-cookie.js';
import { LoginBodySchema, NoContentSchema, SessionReplySchema } from './auth.schema.js';
import { sessionOf } from './auth.hooks.js';
import { login, logout, SESSION_COOKIE } from './auth.service.js';
import { refuseCrossSiteLogin } from './login-origin.js';
import { accountSelfRoutes } from './account-self.routes.js';

/** Login, logout and "who am I" under /api/auth. */
export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(accountSelfRoutes);
  app.post(
    '/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in with a username and password; sets the session cookie',
        body: LoginBodySchema,
        response: { 200: SessionReplySchema },
      },
      config: {
        access: 'public',
        personalData: { own: true },
        // Password guessing is the attack this route invites; per client address and minute.
        rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' },
      },
      onRequest: async (request) => refuseCrossSiteLogin(request, app.config.publicUrl),
    },
    async (request, reply) => {
      const result = await login(app.database.db, request.body, {
        ttlHours: app.config.sessionTtlHours,
        replacingToken: request.cookies[SESSION_COOKIE],
      });
      setSessionCookie(reply, app.config, result.token);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/logout',
    {
      schema: { tags: ['auth'], summary: 'End the current session', response: { 204: NoContentSchema } },
      config: { access: 'authenticated' },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      // The access hook let us in, so both are present; checked again for the type system.
      if (!token || !request.viewer) throw new AppError('UNAUTHENTICATED');
      await logout(app.database.db, token, request.viewer);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token', response: { 200: SessionReplySchema } },
      config: { access: 'authenticated', personalData: { own: true } },
    },
    async (request) => {
      const session = sessionOf(request);
      if (!session) throw new AppError('UNAUTHENTICATED');
      return { user: session.user, csrfToken: session.csrfToken };
    },
  );
};
