import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors.js';
import { OFFICERS } from '../../http/access.js';
import { createUser } from './auth.service.js';
import {
  CreatedUserReplySchema,
  CreateUserBodySchema,
  UserListQuerySchema,
  UserListReplySchema,
  UserParamsSchema,
  UserRecordSchema,
} from './users.schema.js';
import { getUserInScope, listUsersInScope } from './users.service.js';
import { ResetCodeReplySchema, UpdateUserBodySchema } from './accounts.schema.js';
import { createResetCode, updateUser } from './accounts.service.js';

/** Account management under /api/users: officers see and create accounts inside their subtree. */
export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['users'],
        summary: 'Users whose scope lies in your subtree, by username',
        querystring: UserListQuerySchema,
        response: { 200: UserListReplySchema },
      },
      config: { access: OFFICERS, personalData: { audit: 'users.read' } },
    },
    async (request) => {
      const viewer = request.viewer;
      if (!viewer) throw new AppError('UNAUTHENTICATED');
      return listUsersInScope(app.database.db, viewer, { after: request.query.after, limit: request.query.limit });
    },
  );

  app.get(
    '/:id',
    {
      schema: { tags: ['users'], summary: 'One user in your subtree', params: UserParamsSchema, response: { 200: UserRecordSchema } },
      config: { access: OFFICERS, personalData: { audit: 'users.read' } },
    },
    async (request) => {
      const viewer = request.viewer;
      if (!viewer) throw new AppError('UNAUTHENTICATED');
      return getUserInScope(app.database.db, viewer, request.params.id);
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['users'],
        summary: 'Create an account at or below your role, inside your subtree',
        body: CreateUserBodySchema,
        response: { 201: CreatedUserReplySchema },
      },
      config: { access: OFFICERS },
    },
    async (request, reply) => {
      const viewer = request.viewer;
      if (!viewer) throw new AppError('UNAUTHENTICATED');
      const created = await createUser(app.database.db, request.body, viewer);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change an account in your subtree: name, role, scope, disabled (the last administrator stays)',
        params: UserParamsSchema,
        body: UpdateUserBodySchema,
        response: { 200: UserRecordSchema },
      },
      config: { access: OFFICERS, personalData: { audit: 'users.write' } },
    },
    async (request) => app.database.db.transaction().execute((trx) => updateUser(trx, request.viewer!, request.params.id, request.body)),
  );

  app.post(
    '/:id/reset-code',
    {
      schema: {
        tags: ['users'],
        summary: 'A one-time password reset code for an account in your subtree, shown once',
        params: UserParamsSchema,
        response: { 201: ResetCodeReplySchema },
      },
      config: { access: OFFICERS },
    },
    async (request, reply) => reply.status(201).send(await app.database.db.transaction().execute((trx) => createResetCode(trx, request.viewer!, request.params.id))),
  );
};
