import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors.js';
import { ErrorResponse } from '../../http/schemas.js';
import { recordAudit } from '../audit-log/audit-log.service.js';
import { createMilestoneKind, listMilestoneKinds } from './milestones.service.js';
import * as s from './people.schema.js';

const tags = ['people'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse };

/**
 * Milestone kinds: read by everyone signed in. The list is shared by every province, so a new
 * kind is an administrator's to add; a province officer is refused with the reason.
 */
export const milestoneKindRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;

  app.get('/', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Milestone kinds in use, named in the Accept-Language language', response: { 200: s.MilestoneKindList } },
  }, async (request) => ({ items: await listMilestoneKinds(db, request.lang) }));

  app.post('/', {
    config: { access: ['province_officer'] },
    schema: { tags, summary: 'Add a milestone kind', body: s.CreateMilestoneKindBody, response: { 201: s.MilestoneKindSchema, ...errors } },
  }, async (request, reply) => {
    if (request.viewer?.role !== 'admin') throw new AppError('SHARED_DEFINITION_ADMIN_ONLY', 'Milestone kinds are shared by every province', 'code');
    const kind = await db.transaction().execute(async (trx) => {
      const created = await createMilestoneKind(trx, request.body, request.lang);
      await recordAudit(trx, {
        actorUserId: request.viewer?.id ?? null, action: 'milestone_kind.create', unitCode: request.viewer?.scopeUnitCode ?? null, subject: created.code,
      });
      return created;
    });
    return reply.status(201).send(kind);
  });
};
