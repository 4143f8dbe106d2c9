import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { NoContentSchema } from './auth.schema.js';
import { IdentityListReplySchema, IdentityParamsSchema, IdentitySchema, LinkIdentityBodySchema } from './sso.schema.js';
import { linkIdentity, listIdentities, unlinkIdentity } from './sso.service.js';
import { UserParamsSchema } from './users.schema.js';

/**
 * Single sign-on links under /api/users/:id/identities. Only the administrator links an account
 * to a provider's subject: a link is a way in, and no one grants themselves one.
 */
export const identityRoutes: FastifyPluginAsyncTypebox<{ secretKey: string }> = async (app, options) => {
  const viewerOf = (viewer: Viewer | null): Viewer => {
    if (!viewer) throw new AppError('UNAUTHENTICATED');
    return viewer;
  };

  app.get(
    '/:id/identities',
    {
      schema: { tags: ['users'], summary: 'The single sign-on links of an account', params: UserParamsSchema, response: { 200: IdentityListReplySchema } },
      config: { access: ['admin'], personalData: { audit: 'identities.read' } },
    },
    async (request) => ({ items: await listIdentities(app.database.db, viewerOf(request.viewer), request.params.id) }),
  );

  app.post(
    '/:id/identities',
    {
      schema: { tags: ['users'], summary: 'Link an account to a subject of an OpenID provider', params: UserParamsSchema, body: LinkIdentityBodySchema, response: { 201: IdentitySchema } },
      config: { access: ['admin'] },
    },
    async (request, reply) => {
      const identity = await linkIdentity(app.database.db, options.secretKey, viewerOf(request.viewer), request.params.id, request.body);
      return reply.status(201).send(identity);
    },
  );

  app.delete(
    '/:id/identities/:identityId',
    {
      schema: { tags: ['users'], summary: 'Remove a single sign-on link', params: IdentityParamsSchema, response: { 204: NoContentSchema } },
      config: { access: ['admin'] },
    },
    async (request, reply) => {
      await unlinkIdentity(app.database.db, viewerOf(request.viewer), request.params.id, request.params.identityId);
      return reply.status(204).send(null);
    },
  );
};
