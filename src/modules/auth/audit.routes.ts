import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors.js';
import { OFFICERS, type Viewer } from '../../http/access.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { AuditExportQuerySchema, AuditListQuerySchema, AuditListReplySchema } from './audit.schema.js';
import { exportAuditEntries, listAuditEntries } from './audit.service.js';

const signedIn = (viewer: Viewer | null | undefined): Viewer => {
  if (!viewer) throw new AppError('UNAUTHENTICATED');
  return viewer;
};

/** The audit log under /api/audit: officers read and export the entries of their subtree. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;
  app.get(
    '/',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit entries of your subtree, newest first, narrowed by action, actor, unit and days',
        querystring: AuditListQuerySchema,
        response: { 200: AuditListReplySchema },
      },
      config: { access: OFFICERS },
    },
    async (request) => {
      const { after, limit, ...filter } = request.query;
      return listAuditEntries(db, signedIn(request.viewer), filter, { after, limit });
    },
  );

  app.get(
    '/export',
    {
      schema: {
        tags: ['audit'],
        summary: 'The filtered audit log as CSV (newest first, at most 50,000 entries); the export is itself audited',
        querystring: AuditExportQuerySchema,
      },
      config: { access: OFFICERS },
    },
    async (request, reply) => {
      const { csv } = await exportAuditEntries(db, signedIn(request.viewer), request.query, request.lang);
      return reply
        .header('content-disposition', `attachment; filename="audit-log-${vietnamDay()}.csv"`)
        .header('cache-control', 'private, no-store')
        .type('text/csv; charset=utf-8')
        .send(csv);
    },
  );
};
