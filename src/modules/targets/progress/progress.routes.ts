import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withReferenceSnapshot } from '../../../db/reference-cache.js';
import { OFFICERS } from '../../../http/access.js';
import { Type } from 'typebox';
import { ErrorResponse, serialisedAsBuilt, UnitCode } from '../../../http/schemas.js';
import { acknowledgeAlert, listAlerts, refreshAlertsFor } from '../alerts/alerts.service.js';
import * as s from './progress.schema.js';
import { progressOf, progressOfChildren } from './progress.service.js';

const errors = { 400: ErrorResponse, 404: ErrorResponse };

/** What the steering committee opens every morning: every indicator of a unit, and of its children. */
export const progressRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;

  app.get('/progress', {
    config: { access: [...OFFICERS, 'team_leader'] },
    schema: { tags: ['targets'], querystring: s.ProgressQuery, response: { 200: s.UnitProgressSchema, ...errors } },
    ...serialisedAsBuilt,
  }, (request) => withReferenceSnapshot(db, () => progressOf(db, request.viewer, request.query.unit, request.lang, request.query.date), request.referenceStamps));

  app.get('/alerts', {
    config: { access: OFFICERS },
    schema: {
      tags: ['targets'],
      querystring: Type.Object({ unit: UnitCode, after: Type.Optional(Type.Integer({ minimum: 1 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
      response: { 200: s.AlertPage, ...errors },
    },
  }, (request) => listAlerts(db, request.viewer!, request.query.unit, { after: request.query.after, limit: request.query.limit ?? 100 }));

  app.post('/alerts/refresh', {
    config: { access: OFFICERS },
    schema: {
      tags: ['targets'], summary: 'Re-evaluate the units below now and raise alerts for those that turned behind',
      body: Type.Object({ unit: UnitCode }, { additionalProperties: false }), response: { 200: Type.Object({ raised: Type.Integer() }), ...errors },
    },
  }, async (request) => ({ raised: await db.transaction().execute((trx) => refreshAlertsFor(trx, request.viewer!, request.body.unit)) }));

  app.post('/alerts/:id/acknowledge', {
    config: { access: OFFICERS },
    schema: { tags: ['targets'], params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), response: { 200: s.AlertSchema, ...errors } },
  }, (request) => acknowledgeAlert(db, request.viewer!, request.params.id));

  app.get('/progress/children', {
    config: { access: [...OFFICERS, 'team_leader'] },
    schema: { tags: ['targets'], querystring: s.ChildrenProgressQuery, response: { 200: s.ChildrenProgressSchema, ...errors } },
    ...serialisedAsBuilt,
  }, (request) => withReferenceSnapshot(db, () => progressOfChildren(db, request.viewer, request.query.unit, request.lang, {
    indicatorCode: request.query.indicator, day: request.query.date,
  }), request.referenceStamps));
};
