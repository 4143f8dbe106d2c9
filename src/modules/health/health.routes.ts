import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';

/** Liveness for operators and load balancers: answers only once the database answers. */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', {
    config: { access: 'public' },
    schema: {
      tags: ['health'],
      response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]) }) },
    },
  }, async () => {
    await sql`select 1`.execute(app.database.db);
    return { status: 'ok' as const, database: app.database.kind };
  });
};
