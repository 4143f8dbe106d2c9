import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withReferenceSnapshot } from '../../../db/reference-cache.js';
import { answerKey, KeptAnswers } from '../../../db/kept-answers.js';
import { OFFICERS } from '../../../http/access.js';
import { KeptWithMoment, servedAsKept } from '../../../http/kept-bytes.js';
import { vietnamDay } from '../../../lib/vietnam-day.js';
import { Type, type Static } from 'typebox';
import { figuresCurrentAt, keptOnPrimary, sessionStampsOn, type Reads } from '../../../db/read-replica.js';
import { ErrorResponse, UnitCode } from '../../../http/schemas.js';
import { acknowledgeAlert, listAlerts, refreshAlertsFor } from '../alerts/alerts.service.js';
import * as s from './progress.schema.js';
import { progressOf, progressOfChildren, type UnitProgress } from './progress.service.js';

const errors = { 400: ErrorResponse, 404: ErrorResponse };

/**
 * What the steering committee opens every morning: every indicator of a unit, and of its children.
 * The figures are read through `reads` (the replica when there is one); alerts stay on the
 * primary, since acknowledging one and listing them again must show the acknowledgement.
 */
export const progressRoutes: FastifyPluginAsyncTypebox<{ reads: Reads }> = async (app, { reads }) => {
  const { db } = app.database;

  app.get('/progress', {
    config: { access: [...OFFICERS, 'team_leader'] },
    schema: { tags: ['targets'], querystring: s.ProgressQuery, response: { 200: s.ProgressAnswerSchema, ...errors } },
    // The kept figures are serialised once; the time they are current at joins their bytes.
    ...servedAsKept,
  }, (request) => reads.run(async (source) => {
    // Read before the figures, so the figures are at least as fresh as it says. On the primary,
    // the start of this second: still true, and the answers of one second share their bytes
    // (kept-bytes.ts), where each was joined and compressed again for a time no one reads in ms.
    const figuresAt = reads.isPrimary(source) ? new Date(Math.floor(Date.now() / 1000) * 1000).toISOString() : await figuresCurrentAt(source);
    const day = request.query.date ?? vietnamDay();
    const key = answerKey(request.viewer, request.lang, request.query.unit, null, day);
    const progress = await keptOnPrimary(reads, unitAnswers, source, key, () => withReferenceSnapshot(
      source, () => progressOf(source, request.viewer, request.query.unit, request.lang, day), sessionStampsOn(reads, source, request.referenceStamps),
    ));
    return new KeptWithMoment(progress, { figuresAt }).asAnswer<Static<typeof s.ProgressAnswerSchema>>();
  }));

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
    ...servedAsKept,
  }, (request) => reads.run((source) => {
    const day = request.query.date ?? vietnamDay();
    const key = answerKey(request.viewer, request.lang, request.query.unit, request.query.indicator ?? null, day);
    return keptOnPrimary(reads, childrenAnswers, source, key, () => withReferenceSnapshot(source, () => progressOfChildren(source, request.viewer, request.query.unit, request.lang, {
      indicatorCode: request.query.indicator, day,
    }), sessionStampsOn(reads, source, request.referenceStamps)));
  }));
};

// Kept until the data under them changes: the steering committee opens the same figures all
// day, and between two syncs they are the same.
const unitAnswers = new KeptAnswers<UnitProgress>();
const childrenAnswers = new KeptAnswers<Awaited<ReturnType<typeof progressOfChildren>>>();

