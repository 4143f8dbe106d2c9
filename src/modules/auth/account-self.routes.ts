import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors.js';
import { ErrorResponse } from '../../http/schemas.js';
import { ChangePasswordBodySchema, ResetPasswordBodySchema, SessionListSchema } from './accounts.schema.js';
import { changeOwnPassword, listOwnSessions, logoutEverywhere, resetPasswordWithCode } from './accounts.service.js';
import { NoContentSchema } from './auth.schema.js';
import { SESSION_COOKIE } from './auth.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse };

/**
 * What a person does with their own account under /api/auth: set a new password with a reset code
 * (then sign in as usual), change their password, see their sessions, sign out everywhere.
 */
export const accountSelfRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;
  const tokenOf = (request: { cookies: Record<string, string | undefined> }) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED');
    return token;
  };

  app.post('/reset', {
    schema: { tags: ['auth'], summary: 'Set a new password with a one-time reset code', body: ResetPasswordBodySchema, response: { 204: NoContentSchema, ...errors } },
    // Guessing codes is the attack this route invites: limited like the login.
    config: { access: 'public', rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    await db.transaction().execute((trx) => resetPasswordWithCode(trx, request.body));
    return reply.status(204).send(null);
  });

  app.post('/password', {
    schema: { tags: ['auth'], summary: 'Change your own password; your other sessions end', body: ChangePasswordBodySchema, response: { 204: NoContentSchema, ...errors } },
    config: { access: 'authenticated', rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const token = tokenOf(request);
    await db.transaction().execute((trx) => changeOwnPassword(trx, request.viewer!, token, request.body));
    return reply.status(204).send(null);
  });

  app.get('/sessions', {
    schema: { tags: ['auth'], summary: 'Your live sessions, newest first', response: { 200: SessionListSchema, ...errors } },
    config: { access: 'authenticated' },
  }, async (request) => ({ items: await listOwnSessions(db, request.viewer!, tokenOf(request)) }));

  app.post('/logout-everywhere', {
    schema: { tags: ['auth'], summary: 'End all your sessions, on every device', response: { 204: NoContentSchema, ...errors } },
    config: { access: 'authenticated' },
  }, async (request, reply) => {
    await db.transaction().execute((trx) => logoutEverywhere(trx, request.viewer!));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });
};
