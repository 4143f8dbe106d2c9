import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors.js';
import { NoContentSchema } from './auth.schema.js';
import { SESSION_COOKIE } from './auth.service.js';
import { setSessionCookie } from './session-cookie.js';
import { SsoProvider } from './sso-client.js';
import { SsoCallbackQuerySchema, SsoSettingsReplySchema } from './sso.schema.js';
import { finishSsoLogin, startSsoLogin } from './sso.service.js';

/** The browser's copy of the state, sent back only to the callback. */
const STATE_COOKIE = 'doorstep_sso';
const STATE_COOKIE_PATH = '/api/auth/sso';

/**
 * Single sign-on under /api/auth/sso: the settings the login screen reads, the start (a link the
 * browser follows to the provider) and the callback the provider sends it back to. The callback
 * answers the web app with `?sso=done` or `?sso=<error code>`, never a JSON page in the browser.
 */
export const ssoRoutes: FastifyPluginAsyncTypebox<{ secretKey: string }> = async (app, options) => {
  const settings = app.config.oidc;
  const provider = settings ? new SsoProvider(settings) : undefined;
  const configured = () => {
    if (!provider) throw new AppError('SSO_NOT_CONFIGURED');
    return provider;
  };

  app.get(
    '/',
    {
      schema: { tags: ['auth'], summary: 'Whether single sign-on is offered, and the name of its provider', response: { 200: SsoSettingsReplySchema } },
      config: { access: 'public' },
    },
    async () => ({ enabled: Boolean(settings), name: settings?.name ?? null, issuer: settings?.issuerUrl ?? null }),
  );

  app.get(
    '/start',
    {
      schema: { tags: ['auth'], summary: 'Leave for the OpenID provider\'s login (authorization code with PKCE)', response: { 302: NoContentSchema } },
      config: {
        access: 'public',
        // Each start keeps a row for ten minutes; per client address and minute like a login.
        rateLimit: { max: app.config.loginRateLimit * 3, timeWindow: '1 minute' },
      },
    },
    async (_request, reply) => {
      const { url, state } = await startSsoLogin(app.database.db, configured());
      // Lax, not Strict: the provider's redirect back is a cross-site top-level GET that must carry it.
      reply.setCookie(STATE_COOKIE, state, { httpOnly: true, sameSite: 'lax', secure: app.config.cookieSecure, path: STATE_COOKIE_PATH, maxAge: 600 });
      return reply.redirect(url.href, 302);
    },
  );

  app.get(
    '/callback',
    {
      schema: { tags: ['auth'], summary: 'Where the OpenID provider sends the browser back; opens the session', querystring: SsoCallbackQuerySchema, response: { 302: NoContentSchema } },
      config: { access: 'public', rateLimit: { max: app.config.loginRateLimit * 3, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      reply.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
      try {
        const result = await finishSsoLogin(app.database.db, configured(), options.secretKey, {
          query: request.query as Record<string, string>,
          cookieState: request.cookies[STATE_COOKIE],
          ttlHours: app.config.sessionTtlHours,
          replacingToken: request.cookies[SESSION_COOKIE],
        });
        setSessionCookie(reply, app.config, result.token);
        return reply.redirect('/?sso=done', 302);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500 && error.code !== 'SSO_PROVIDER_UNAVAILABLE') throw error;
        request.log.info({ code: error.code }, 'single sign-on refused');
        return reply.redirect(`/?sso=${error.code}`, 302);
      }
    },
  );
};
