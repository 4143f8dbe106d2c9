import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors.js';
import { OFFICERS } from '../../http/access.js';
import { AuditListQuerySchema, AuditListReplySchema } from './audit.schema.js';
import { listAuditEntries } from './audit.service.js';

/** The audit log under /api/audit: officers read the entries of their subtree. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit entries of your subtree, newest first',
        querystring: AuditListQuerySchema,
        response: { 200: AuditListReplySchema },
      },
      config: { access: OFFICERS },
    },
    async (request) => {
      const viewer = request.viewer;
      if (!viewer) throw new AppError('UNAUTHENTICATED');
      return listAuditEntries(app.database.db, viewer, { after: request.query.after, limit: request.query.limit });
    },
  );
};
