import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Viewer } from '../../http/access.js';
import { ErrorResponse } from '../../http/schemas.js';
import { recordAudit } from '../audit-log/audit-log.service.js';
import { getUnit } from '../units/units.service.js';
import { createMilestoneKind, listMilestoneKinds } from './milestones.service.js';
import * as s from './people.schema.js';

const tags = ['people'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse };

/**
 * Milestone kinds: read by everyone signed in, who sees the shared kinds and their province's
 * own. An administrator adds shared kinds (every province gets them); a province officer adds a
 * kind that belongs to their province alone.
 */
export const milestoneKindRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;
  const provinceOf = async (viewer: Viewer) =>
    viewer.role === 'admin' || viewer.scopeUnitCode === null ? null : (await getUnit(db, viewer.scopeUnitCode)).provinceCode;

  app.get('/', {
    config: { access: 'authenticated' },
    schema: { tags, summary: "Milestone kinds in use in the caller's province (shared and its own), named in the Accept-Language language", response: { 200: s.MilestoneKindList } },
  }, async (request) => ({ items: await listMilestoneKinds(db, request.lang, await provinceOf(request.viewer!)) }));

  app.post('/', {
    config: { access: ['province_officer'] },
    schema: { tags, summary: "Add a milestone kind: shared when an administrator adds it, else the officer's province's own", body: s.CreateMilestoneKindBody, response: { 201: s.MilestoneKindSchema, ...errors } },
  }, async (request, reply) => {
    const viewer = request.viewer!;
    const provinceCode = await provinceOf(viewer);
    const kind = await db.transaction().execute(async (trx) => {
      const created = await createMilestoneKind(trx, request.body, { provinceCode, createdBy: viewer.id }, request.lang);
      await recordAudit(trx, {
        actorUserId: viewer.id, action: 'milestone_kind.create', unitCode: provinceCode ?? viewer.scopeUnitCode, subject: created.code,
        detail: { shared: provinceCode === null },
      });
      return created;
    });
    return reply.status(201).send(kind);
  });
};
